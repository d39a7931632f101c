import type { Module, ModuleContext } from '../module.js';
import { seedDemoInstructions } from './demo/seed-demo-instructions.js';
import type { InstructionsDeps } from './deps.js';
import { registerInstructionRoutes } from './http/instruction.routes.js';

export type { InstructionsDeps, InstructionTarget, InstructionTargetSource, TargetOwner } from './deps.js';

/** The instructions module's deps: the context's parts and every module's instruction targets. */
function depsOf(ctx: ModuleContext): InstructionsDeps {
  return {
    database: ctx.database,
    clock: ctx.clock,
    org: ctx.org,
    enqueueEvent: ctx.enqueueEvent,
    targets: ctx.modules.flatMap((m) => m.instructionTargets?.(ctx) ?? []),
  };
}

/**
 * 领导批示 (SPEC §7): a leader's instruction on a task, case or proposal (briefings when they come),
 * sent to the record's owner units, who answer it once. The records are the other modules': each
 * offers its kinds through its descriptor's `instructionTargets`.
 */
export const instructionsModule: Module = {
  name: 'instructions',
  routes: (app, ctx) => registerInstructionRoutes(app, depsOf(ctx)),
  seedDemo: async (ctx, { now }) => ({ summary: { instructions: await seedDemoInstructions(depsOf(ctx), now) } }),
};
