/** Time comes in through a clock so commands and jobs can be tested at any instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
