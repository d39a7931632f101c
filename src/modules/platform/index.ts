import type { Module } from '../module.js';
import { registerPlatform } from './platform.routes.js';

export { calendarVersion, loadWorkCalendar } from './calendar.js';

/** Platform-wide pages: public settings, the working-day calendar (调休), the audit log. */
export const platformModule: Module = {
  name: 'platform',
  routes: (app, ctx) => registerPlatform(app, ctx),
};
