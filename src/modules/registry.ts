import path from 'node:path';
import type { Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import type { Database } from '../kernel/db/db.js';
import { createEventBus, type EventBus } from '../kernel/events/events.js';
import { createFileStore } from '../kernel/files/file-store.js';
import { boardsModule } from './boards/index.js';
import { campaignsModule } from './campaigns/index.js';
import { casesModule } from './cases/index.js';
import { farmlandModule } from './farmland/index.js';
import { dutyModule } from './duty/index.js';
import { filesModule } from './files/index.js';
import { inboxModule } from './inbox/index.js';
import { insightsModule } from './insights/index.js';
import { instructionsModule } from './instructions/index.js';
import { measuresModule } from './measures/index.js';
import type { Module, ModuleContext } from './module.js';
import { open311Module, type Open311Backend } from './open311/index.js';
import { patrolsModule } from './patrols/index.js';
import { createOrgApi, orgModule, type LocateService } from './org/index.js';
import { platformModule } from './platform/index.js';
import { populationModule } from './population/index.js';
import { proposalsModule } from './proposals/index.js';
import { reportingModule } from './reporting/index.js';
import { screeningModule } from './screening/index.js';
import { starsModule } from './stars/index.js';
import { supervisionModule } from './supervision/index.js';
import { venuesModule } from './venues/index.js';
import { enqueueEvent, webhooksModule } from './webhooks/index.js';

/**
 * Every module of the app, in the order their routes, listeners, start-up set-up and demo seeders
 * run (org first: the others' demo records need its units and accounts). Adding a module is a new
 * folder under src/modules and one line here.
 */
export const MODULES: readonly Module[] = [
  orgModule,
  platformModule,
  inboxModule,
  webhooksModule,
  filesModule,
  casesModule,
  reportingModule,
  supervisionModule,
  proposalsModule,
  populationModule,
  // After population: a measure is on a resident (its demo on the demo residents).
  measuresModule,
  // After population: its entries link residents by ID number (its demo too).
  screeningModule,
  // After the modules whose records take instructions: its demo writes on theirs.
  instructionsModule,
  open311Module,
  // After cases: a failed inspection raises a ledger case (its demo too).
  venuesModule,
  // After cases (it listens to reports and guards 不予立案) and org (its demo parcels lie in a demo village).
  farmlandModule,
  boardsModule,
  // After cases: a demo patrol links demo cases.
  patrolsModule,
  // After cases (its overdue notices) and org (its demo leans on the demo communities and accounts).
  dutyModule,
  // After cases and population: its demo links the demo cases and counts their closings and door-knocks.
  campaignsModule,
  // After the modules whose rates its indicators read and whose tasks its battle maps are.
  starsModule,
  // Last: it reads every module's measures and work items from the list.
  insightsModule,
];

export interface ContextParts {
  database: Database;
  clock: Clock;
  config: Config;
  locator: LocateService;
  /** The app's bus; tests pass their own to add a listener. */
  events?: EventBus;
  open311Backend?: Open311Backend;
}

/** The one context every module receives (see module.ts), built once per app. */
export function createModuleContext(parts: ContextParts, modules: readonly Module[] = MODULES): ModuleContext {
  return {
    ...parts,
    events: parts.events ?? createEventBus(),
    org: createOrgApi(parts),
    files: createFileStore({ root: path.join(parts.config.dataDir, 'files'), timeZone: parts.config.timeZone }),
    enqueueEvent: async (ex, e) => {
      await enqueueEvent(ex, e);
    },
    modules,
  };
}
