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
      throw new Invalid(
        'person.unknown_grid',
        `grid ${gid} does not exist or is out of scope`,
        [{ field: `gridIds[${i}]`, code: 'person.grid_missing', message: 'no such grid in scope' }],
        { grid: gid },
      );
    if (!g.kind.startsWith('grid_') || g.status !== 'active')
      throw new Invalid(
        'person.not_a_grid',
        `${g.name} is not an active grid`,
        [{ field: `gridIds[${i}]`, code: 'person.grid_invalid', message: 'not an active grid' }],
        { unit: g.name },
      );
  });
}
