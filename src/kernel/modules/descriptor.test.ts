import { describe, expect, it } from 'vitest';
import { createEventBus } from '../events/events.js';
import { checkModules, moduleJobs, prepareModules, registerListeners, type ModuleDescriptor } from './descriptor.js';

declare module '../events/events.js' {
  interface DomainEvents {
    'test.thing_done': { id: string };
  }
}

interface Ctx {
  log: string[];
}

const at = { districtId: 'd', now: new Date('2026-12-01T00:00:00Z') };

describe('module descriptors', () => {
  it('prepares and seeds module by module, so a module’s set-up sees the demo of those before it', async () => {
    const ctx: Ctx = { log: [] };
    const mods: ModuleDescriptor<Ctx>[] = [
      { name: 'a', seedDemo: async (c) => (c.log.push('a.demo'), { summary: { n: 1 }, announce: 'hello' }) },
      {
        name: 'b',
        prepare: async (c) => (c.log.push('b.prepare'), { added: 2 }),
        seedDemo: async (c) => (c.log.push('b.demo'), { summary: { n: 3 } }),
      },
      { name: 'c', prepare: async (c) => void c.log.push('c.prepare') },
    ];
    const r = await prepareModules(mods, ctx, at);
    expect(ctx.log).toEqual(['a.demo', 'b.prepare', 'b.demo', 'c.prepare']);
    expect(r).toEqual({ prepared: { b: { added: 2 } }, demo: { a: { n: 1 }, b: { n: 3 } }, announce: ['hello'] });
  });

  it('without the demo only prepares', async () => {
    const ctx: Ctx = { log: [] };
    const r = await prepareModules(
      [{ name: 'a', seedDemo: async () => ({ summary: {} }), prepare: async (c) => void c.log.push('a.prepare') }],
      ctx,
    );
    expect(ctx.log).toEqual(['a.prepare']);
    expect(r.demo).toEqual({});
  });

  it('collects jobs and puts listeners on the bus with the shared context', async () => {
    const ctx: Ctx = { log: [] };
    const bus = createEventBus();
    const mods: ModuleDescriptor<Ctx>[] = [
      { name: 'a', emits: ['test.thing_done'], jobs: () => [{ name: 'a.job', everyMs: 1000, run: async () => ({}) }] },
      { name: 'b', listens: { 'test.thing_done': (c) => async (_trx, e) => void c.log.push(`b saw ${e.id}`) } },
    ];
    registerListeners(mods, ctx, bus);
    await bus.emit({} as never, 'test.thing_done', { id: 'x' });
    expect(ctx.log).toEqual(['b saw x']);
    expect(moduleJobs(mods, ctx).map((j) => j.name)).toEqual(['a.job']);
  });

  it('names a listener of an event nobody emits, and a module listed twice', () => {
    const mods: ModuleDescriptor<Ctx>[] = [
      { name: 'a', listens: { 'test.thing_done': () => async () => {} } },
      { name: 'a' },
    ];
    expect(checkModules(mods)).toEqual([
      'module a listens to test.thing_done, which no module emits',
      'module a is listed twice',
    ]);
  });
});
