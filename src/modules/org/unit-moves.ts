import type { Actor } from '../../kernel/auth/actor.js';
import type { Executor } from '../../kernel/db/db.js';

/** A unit moved with its subtree: every path starting with oldPath now starts with newPath. */
export interface UnitMoved {
  districtCode: string;
  unitId: string;
  unitName: string;
  oldPath: string;
  newPath: string;
  at: Date;
  actor: Actor;
  requestId?: string;
}

/**
 * Runs inside the move's transaction, after the units' paths are rewritten: what it writes commits
 * with the move, and if it throws, the move is undone with it.
 */
export type UnitMovedListener = (trx: Executor, e: UnitMoved) => Promise<void>;

/**
 * Who follows unit moves: one registry per app, shared by the org commands that move units and the
 * org API other modules hold. Modules keeping unit paths of their own register here instead of
 * reading org's tables.
 */
export interface UnitMoves {
  /** Adds a listener; returns the function that removes it. */
  onUnitMoved(listener: UnitMovedListener): () => void;
  /** Called by moveUnit within its transaction; listeners run one after another, in order. */
  notify(trx: Executor, e: UnitMoved): Promise<void>;
}

export function createUnitMoves(): UnitMoves {
  const listeners: UnitMovedListener[] = [];
  return {
    onUnitMoved(listener) {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    async notify(trx, e) {
      for (const l of [...listeners]) await l(trx, e);
    },
  };
}
