import type { Module } from '../module.js';
import { plansDepsOf, registerPlansAndTeams } from './plans-wiring.js';

/** "五星"支部 (SPEC §9, issue 14): battle maps and action teams (the star sets land with the integrator). */
export const starsModule: Module = {
  name: 'stars',
  routes: (app, ctx) =>
    registerPlansAndTeams(
      app,
      plansDepsOf(ctx, async () => null),
    ),
};
