import type { Module, ModuleContext } from '../module.js';
import { canActorSeeBoardFile } from './commands/board-access.js';
import { unitMovedListener } from './commands/follow-unit-move.js';
import { boardReportFigures } from './commands/report-figures.js';
import { boardInsightMeasures } from './commands/insight-measures.js';
import { seedDemoBoards } from './demo/seed-demo-boards.js';
import type { BoardsDeps } from './deps.js';
import { registerBoardRoutes } from './http/board.routes.js';

export type { BoardsDeps } from './deps.js';

const depsOf = (ctx: ModuleContext): BoardsDeps => ({
  database: ctx.database,
  clock: ctx.clock,
  config: ctx.config,
  org: ctx.org,
});

/**
 * 宣传阵地 (issue 13 item 5): the register of publicity boards (宣传栏 / 公益广告 / 墙绘) with place,
 * photo and state, every change kept with who and when; replacements (更换) counted for report forms
 * as boards.replaced.
 */
export const boardsModule: Module = {
  name: 'boards',
  routes: (app, ctx) => registerBoardRoutes(app, depsOf(ctx)),
  seedDemo: async (ctx) => ({ summary: await seedDemoBoards(depsOf(ctx)) }),
  listens: { 'org.unit_moved': () => unitMovedListener() },
  fileAccess: () => (ex, actor, file) => canActorSeeBoardFile(ex, actor, file.id),
  reportFigures: () => boardReportFigures(),
  insightMeasures: () => boardInsightMeasures(),
};
