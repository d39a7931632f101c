import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import { unitStore } from '../store/unit.store.js';

export async function checkGrids(trx: Executor, actor: Actor, gridIds: string[]): Promise<void> {
  const grids = await unitStore.findByIds(trx, [...new Set(gridIds)]);
  gridIds.forEach((gid, i) => {
    const g = grids.find((x) => x.id === gid);
    if (!g || !inScope(actor, g.path))
      throw new Invalid('person.unknown_grid', `网格 ${gid} 不存在或不在数据范围内`, [
        { field: `gridIds[${i}]`, message: '网格不存在或不在数据范围内' },
      ]);
    if (!g.kind.startsWith('grid_') || g.status !== 'active')
      throw new Invalid('person.not_a_grid', `「${g.name}」不是有效网格`, [
        { field: `gridIds[${i}]`, message: '不是有效网格' },
      ]);
  });
}
