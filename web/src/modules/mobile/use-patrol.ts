import { useEffect, useReducer } from 'react';
import { useMe } from '../../app/auth';
import { patrolTracker } from './lib/patrol-tracker';

/** The account's patrol on the phone, re-rendering on every fix, queue change and second of the clock. */
export function usePatrol(tick = false) {
  const me = useMe();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const book = patrolTracker.use(me.id);
  useEffect(() => patrolTracker.subscribe(bump), []);
  useEffect(() => {
    if (!tick) return;
    const t = setInterval(bump, 1000);
    return () => clearInterval(t);
  }, [tick]);
  useEffect(() => {
    void patrolTracker.flush().then(() => patrolTracker.resume());
  }, []);
  const queue = book.queue();
  return {
    me,
    book,
    active: book.active(),
    queue,
    pending: queue.filter((o) => o.state === 'pending').length,
    rejected: queue.filter((o) => o.state === 'rejected'),
    gps: patrolTracker.gps,
    tracker: patrolTracker,
  };
}
