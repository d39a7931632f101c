import type { Actor } from '../../kernel/auth/actor.js';
import type { EventListener } from '../../kernel/events/events.js';

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

declare module '../../kernel/events/events.js' {
  interface DomainEvents {
    /**
     * Emitted by moveUnit inside its transaction, after the units' paths are rewritten. Modules
     * keeping unit paths of their own listen (through their descriptor) instead of reading org's tables.
     */
    'org.unit_moved': UnitMoved;
  }
}

export type UnitMovedListener = EventListener<'org.unit_moved'>;
