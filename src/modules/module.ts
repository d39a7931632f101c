import type { Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import type { Database } from '../kernel/db/db.js';
import type { EventBus } from '../kernel/events/events.js';
import type { FileStore } from '../kernel/files/file-store.js';
import type { ModuleDescriptor } from '../kernel/modules/descriptor.js';
import type { CaseGuard } from './cases/index.js';
import type { FileAccessCheck } from './files/index.js';
import type { MeasureSource, WorkItemSource } from './insights/index.js';
import type { InstructionTargetSource } from './instructions/index.js';
import type { Open311Backend } from './open311/index.js';
import type { LocateService, OrgApi } from './org/index.js';
import type { RateFigureSource, ReportFigureSource } from './reporting/index.js';
import type { EnqueueEvent } from './webhooks/index.js';

/**
 * What every module receives: the kernel's parts and the few shared services other modules offer
 * (org's directory, the photo store, outgoing webhook events). Each module's own `deps` type is a
 * subset of it, so a command can be tested with just what it uses.
 */
export interface ModuleContext {
  database: Database;
  clock: Clock;
  config: Config;
  /** The in-memory grid locate index (org). */
  locator: LocateService;
  /** The app's in-transaction domain events. */
  events: EventBus;
  /** What modules may ask of the organisation tree; they never read its tables. */
  org: OrgApi;
  /** One photo store for every module that keeps files. */
  files: FileStore;
  /** Outgoing webhook and group-robot events, written in the caller's transaction. */
  enqueueEvent: EnqueueEvent;
  /** Every module of the app, for the extension points below. */
  modules: readonly Module[];
  /** Tests of the Open311 protocol layer give their own backend. */
  open311Backend?: Open311Backend;
}

/**
 * A CivicGrid module: the kernel's descriptor plus the extension points other modules read from the
 * list (a module owning an extension point loops over `ctx.modules`; nobody keeps a list by hand).
 */
export interface Module extends ModuleDescriptor<ModuleContext> {
  /** Files this module attaches to its records (files module: who may download them). */
  fileAccess?(ctx: ModuleContext): FileAccessCheck;
  /** The ledger behind Open311 GeoReport v2 (open311 module). */
  open311Backend?(ctx: ModuleContext): Open311Backend;
  /**
   * The records of this module a leader may write an instruction (领导批示) on, one source per kind:
   * the kind's read permission and a loader answering title, owner units and scope (instructions module).
   */
  instructionTargets?(ctx: ModuleContext): InstructionTargetSource[];
  /**
   * Figures this module counts that a report form may take pre-filled (reporting module): 敲门入户数,
   * 排查人数, 在管人数 …, so nobody types a number the system already knows.
   */
  reportFigures?(ctx: ModuleContext): ReportFigureSource[];
  /**
   * Rates this module computes over an area and a period ({numerator, denominator}), which other
   * modules may keep and score (stars: 结案率 of a branch's community for the quarter, 上报率 …).
   */
  rateFigures?(ctx: ModuleContext): RateFigureSource[];
  /**
   * Rules this module adds to the ledger's steps (cases module): each may refuse a step, in its
   * transaction, before it is written (farmland: 不予立案 of a farmland case needs the district).
   */
  caseGuards?(ctx: ModuleContext): CaseGuard[];
  /**
   * Figures this module offers leaders (insights module): counts and rates over areas and a period —
   * the dashboard's tiles, the map's colours, the rankings and the briefings' numbers (按期结案率,
   * 上报率, 在办问题数 …). Each names the permission that may read it.
   */
  insightMeasures?(ctx: ModuleContext): MeasureSource[];
  /** What waits for an account in this module (cases at my step, reports not sent …): the 工作台's list. */
  workItems?(ctx: ModuleContext): WorkItemSource[];
}
