import type { Module } from '../module.js';
import { registerPlatform } from './http/platform.routes.js';

export { cachedWorkCalendar, calendarVersion, loadWorkCalendar } from './commands/load-work-calendar.js';

/** Platform-wide pages: public settings, the working-day calendar (调休), the audit log. */
export const platformModule: Module = {
  name: 'platform',
  routes: (app, ctx) => registerPlatform(app, ctx),
};
