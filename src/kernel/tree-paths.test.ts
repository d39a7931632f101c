import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPath } from './tree-paths.js';

describe('commonPath', () => {
  it('keeps whole segments only', () => {
    expect(commonPath(['/a/b/c/', '/a/b/d/'])).toBe('/a/b/');
    expect(commonPath(['/a/b1/', '/a/b2/'])).toBe('/a/');
    expect(commonPath(['/a/b/', '/a/b/c/'])).toBe('/a/b/');
    expect(commonPath(['/a/b/'])).toBe('/a/b/');
    expect(commonPath(['/a/', '/b/'])).toBe('/');
    expect(commonPath([])).toBe('/');
  });

  it('is the deepest path every one starts with (random trees)', () => {
    const seg = fc.constantFrom('a', 'b', 'ab', 'b1', 'b12');
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}/`);
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 6 }), (paths) => {
        const p = commonPath(paths);
        expect(paths.every((x) => x.startsWith(p))).toBe(true);
        // No deeper whole-segment path holds them all.
        const deeper = paths[0]!.slice(0, paths[0]!.indexOf('/', p.length) + 1);
        if (deeper.length > p.length) expect(paths.every((x) => x.startsWith(deeper))).toBe(false);
      }),
    );
  });
});
