import type { FastifyInstance } from 'fastify';
import type { EventBus, EventListener, EventName } from '../events/events.js';
import type { Job } from '../jobs/scheduler.js';

/** What a module's demo seeder did: logged at start; `announce` is printed once (e.g. a generated password). */
export interface DemoSeeded {
  summary: Record<string, unknown>;
  announce?: string;
}

/**
 * A module's one description of itself, exported from its index.ts. The app, the job runner and the
 * demo loader loop over the list of descriptors; adding a module is a new folder and one line in
 * that list. `Ctx` is what every module receives (src/modules/module.ts).
 */
export interface ModuleDescriptor<Ctx> {
  /** Stable, kebab-case: 'cases', 'reporting' … */
  name: string;
  /** Registers the module's HTTP routes (all through kernel/http route()). */
  routes?(app: FastifyInstance, ctx: Ctx): void | Promise<void>;
  /** Scheduled jobs, each run once per slot across processes. */
  jobs?(ctx: Ctx): Job[];
  /** Idempotent set-up at every start, after migrations and the district root (e.g. default categories). */
  prepare?(ctx: Ctx): Promise<Record<string, unknown> | void>;
  /** Fills a new database with the demo district's records; runs in the list's order. */
  seedDemo?(ctx: Ctx, at: { districtId: string; now: Date }): Promise<DemoSeeded>;
  /** The domain events this module emits (inside its own transactions). */
  emits?: readonly EventName[];
  /** Listeners of other modules' events, run inside the emitter's transaction. */
  listens?: { [K in EventName]?: (ctx: Ctx) => EventListener<K> };
}

/** Puts every module's listeners on the bus, in the list's order. */
export function registerListeners<Ctx>(modules: readonly ModuleDescriptor<Ctx>[], ctx: Ctx, bus: EventBus): void {
  for (const m of modules) {
    for (const [name, make] of Object.entries(m.listens ?? {}) as [
      EventName,
      (ctx: Ctx) => EventListener<EventName>,
    ][]) {
      bus.on(name, make(ctx));
    }
  }
}

/** Every module's routes, in the list's order. */
export async function registerRoutes<Ctx>(
  modules: readonly ModuleDescriptor<Ctx>[],
  app: FastifyInstance,
  ctx: Ctx,
): Promise<void> {
  for (const m of modules) await m.routes?.(app, ctx);
}

/** Every module's scheduled jobs. */
export function moduleJobs<Ctx>(modules: readonly ModuleDescriptor<Ctx>[], ctx: Ctx): Job[] {
  return modules.flatMap((m) => m.jobs?.(ctx) ?? []);
}

/**
 * Starts the modules on their database, in the list's order: each module's `prepare`, then (on a new
 * database with the demo on) its `seedDemo`, before the next module's. A module's set-up therefore
 * sees the demo records of the modules before it (cases' default categories find the demo
 * departments they are dispatched to).
 */
export async function prepareModules<Ctx>(
  modules: readonly ModuleDescriptor<Ctx>[],
  ctx: Ctx,
  demo?: { districtId: string; now: Date },
): Promise<{
  prepared: Record<string, Record<string, unknown>>;
  demo: Record<string, Record<string, unknown>>;
  announce: string[];
}> {
  const prepared: Record<string, Record<string, unknown>> = {};
  const seeded: Record<string, Record<string, unknown>> = {};
  const announce: string[] = [];
  for (const m of modules) {
    const r = await m.prepare?.(ctx);
    if (r && Object.keys(r).length) prepared[m.name] = r;
    if (demo && m.seedDemo) {
      const d = await m.seedDemo(ctx, demo);
      seeded[m.name] = d.summary;
      if (d.announce) announce.push(d.announce);
    }
  }
  return { prepared, demo: seeded, announce };
}

/**
 * Problems with a list of modules: duplicate names, and listeners of events no module emits (a
 * renamed event would otherwise silently stop its followers).
 */
export function checkModules<Ctx>(modules: readonly ModuleDescriptor<Ctx>[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const emitted = new Set<string>(modules.flatMap((m) => m.emits ?? []));
  for (const m of modules) {
    if (names.has(m.name)) problems.push(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const e of Object.keys(m.listens ?? {})) {
      if (!emitted.has(e)) problems.push(`module ${m.name} listens to ${e}, which no module emits`);
    }
  }
  return problems;
}
