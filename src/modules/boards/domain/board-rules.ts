import type { FieldProblem } from '../../../kernel/errors.js';

export type BoardState = 'good' | 'damaged' | 'to_replace' | 'removed';

/** What a change of state records, or why it is refused. */
export type StateChange = { ok: true; replaced: boolean } | { ok: false; problem: FieldProblem };

/**
 * A board's change of state. Replacing a board (更换) is a change to 完好 with a new photo — from any
 * state, 完好 included (a worn sign swapped for a new one) — and is what "更换宣传牌数" counts. Back
 * to 完好 without a photo is a repair, not counted. Any other change must change the state.
 */
export function changeState(
  from: BoardState,
  to: BoardState,
  currentPhoto: string | null,
  newPhoto: string | null,
): StateChange {
  const freshPhoto = newPhoto !== null && newPhoto !== currentPhoto;
  const replaced = to === 'good' && freshPhoto;
  if (from === to && !replaced)
    return {
      ok: false,
      problem: {
        field: 'state',
        code: from === 'good' ? 'board.replace_needs_photo' : 'board.state_unchanged',
        message: 'the state is unchanged (a replacement needs a new photo)',
      },
    };
  return { ok: true, replaced };
}

/** The units a board may stand in: territorial ones. */
export const PLACE_KINDS = new Set(['subdistrict', 'township', 'community', 'village', 'grid_large', 'grid_small']);
