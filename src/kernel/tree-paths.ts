/*
 * Materialized tree paths ('/rootId/…/ownId/', docs/architecture.md): a unit's subtree is every row
 * whose path starts with its path.
 */

/** The deepest path holding all of them, whole segments only ('/a/b/c/' and '/a/b/d/' → '/a/b/'; none in common or none given → '/'). */
export function commonPath(paths: readonly string[]): string {
  let p = paths[0] ?? '/';
  for (const x of paths) {
    let i = 0;
    while (i < p.length && i < x.length && p[i] === x[i]) i++;
    p = p.slice(0, i);
  }
  return p.slice(0, p.lastIndexOf('/') + 1) || '/';
}
