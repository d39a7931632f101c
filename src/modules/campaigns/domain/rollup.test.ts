import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUp, rollUpBy, type QuantityAt, type UnitNode } from './rollup.js';

/** A random tree: node i > 0 hangs under a node before it; paths are '/<id>/…/'. */
const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((parents) => {
  const nodes: (UnitNode & { parent: string | null })[] = [{ id: 'u0', path: '/u0/', parent: null }];
  for (const [k, p] of parents.entries()) {
    const parent = nodes[p % nodes.length]!;
    const id = `u${k + 1}`;
    nodes.push({ id, path: `${parent.path}${id}/`, parent: parent.id });
  }
  return nodes;
});
const scenario = treeArb.chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    entries: fc.array(
      fc.record({ at: fc.nat({ max: nodes.length - 1 }), quantity: fc.integer({ min: 1, max: 1000 }) }),
      { maxLength: 60 },
    ),
  }),
);
const asEntries = (nodes: UnitNode[], es: { at: number; quantity: number }[]): QuantityAt[] =>
  es.map((e) => ({ unitPath: nodes[e.at]!.path, quantity: e.quantity }));

describe('indicator sums over the unit tree', () => {
  it('equals the plain definition: the entries recorded at the unit or below it', () => {
    fc.assert(
      fc.property(scenario, ({ nodes, entries }) => {
        const es = asEntries(nodes, entries);
        const sums = rollUp(nodes, es);
        for (const u of nodes)
          expect(sums.get(u.id)).toBe(
            es.filter((e) => e.unitPath.startsWith(u.path)).reduce((a, e) => a + e.quantity, 0),
          );
      }),
    );
  });

  it('gives a parent its own entries plus the sum over its children', () => {
    fc.assert(
      fc.property(scenario, ({ nodes, entries }) => {
        const es = asEntries(nodes, entries);
        const sums = rollUp(nodes, es);
        for (const u of nodes) {
          const own = es.filter((e) => e.unitPath === u.path).reduce((a, e) => a + e.quantity, 0);
          const children = nodes.filter((c) => c.parent === u.id).reduce((a, c) => a + sums.get(c.id)!, 0);
          expect(sums.get(u.id)).toBe(own + children);
        }
      }),
    );
  });

  it('counts no entry twice over units none of which lies under another', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ nodes, entries }, pick) => {
        const es = asEntries(nodes, entries);
        // The children of some unit: disjoint subtrees.
        const parent = nodes[pick % nodes.length]!;
        const children = nodes.filter((c) => c.parent === parent.id);
        const sums = rollUp(children, es);
        const total = children.reduce((a, c) => a + sums.get(c.id)!, 0);
        const covered = es.filter((e) => children.some((c) => e.unitPath.startsWith(c.path)));
        expect(total).toBe(covered.reduce((a, e) => a + e.quantity, 0));
        // The root holds every entry exactly once.
        expect(rollUp([nodes[0]!], es).get('u0')).toBe(es.reduce((a, e) => a + e.quantity, 0));
      }),
    );
  });

  it('sums per bucket add up to the sum over all buckets', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.constantFrom('2026-10', '2026-11', '2026-12')), ({ nodes, entries }, bs) => {
        const es = asEntries(nodes, entries).map((e, i) => ({
          ...e,
          bucket: bs[i % Math.max(1, bs.length)] ?? '2026-10',
        }));
        const buckets = ['2026-10', '2026-11', '2026-12'];
        const by = rollUpBy(nodes, es, buckets);
        const all = rollUp(nodes, es);
        for (const u of nodes) expect(by.get(u.id)!.reduce((a, v) => a + v, 0)).toBe(all.get(u.id));
      }),
    );
  });

  it('does not mistake a unit whose id starts like another’s for its parent', () => {
    const units = [
      { id: 'a', path: '/d/a/' },
      { id: 'ab', path: '/d/ab/' },
    ];
    const sums = rollUp(units, [{ unitPath: '/d/ab/g/', quantity: 5 }]);
    expect([sums.get('a'), sums.get('ab')]).toEqual([0, 5]);
  });
});
