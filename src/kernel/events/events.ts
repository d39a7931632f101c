import type { Executor } from '../db/db.js';

/**
 * The in-transaction domain events of the app, by name. Empty here: each module that emits an event
 * adds it with declaration merging, next to the payload's type:
 *
 *   declare module '../../kernel/events/events.js' {
 *     interface DomainEvents { 'org.unit_moved': UnitMoved }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/**
 * Runs inside the emitter's transaction: what it writes commits with the change, and if it throws,
 * the change is undone with it. Listeners keep other modules consistent without reading the
 * emitter's tables.
 */
export type EventListener<K extends EventName> = (trx: Executor, event: DomainEvents[K]) => Promise<void>;

export interface EventBus {
  /** Adds a listener; returns the function that removes it. */
  on<K extends EventName>(name: K, listener: EventListener<K>): () => void;
  /** Called by the emitting command within its transaction; listeners run one after another, in order. */
  emit<K extends EventName>(trx: Executor, name: K, event: DomainEvents[K]): Promise<void>;
}

/** One bus per app: the modules' descriptors register on it, and the commands emit on it. */
export function createEventBus(): EventBus {
  const listeners = new Map<EventName, EventListener<EventName>[]>();
  return {
    on(name, listener) {
      const list = listeners.get(name) ?? [];
      list.push(listener as EventListener<EventName>);
      listeners.set(name, list);
      return () => {
        const i = list.indexOf(listener as EventListener<EventName>);
        if (i >= 0) list.splice(i, 1);
      };
    },
    async emit(trx, name, event) {
      for (const l of [...(listeners.get(name) ?? [])]) await l(trx, event);
    },
  };
}
