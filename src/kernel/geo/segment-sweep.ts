/** A position as validated: [lng, lat]. Kept local so this file has no imports. */
type Pos = number[];

export interface RingConflict {
  /** Index of the ring in the list given to findRingConflict. */
  ringA: number;
  ringB: number;
  x: number;
  y: number;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

const opposite = (a: number, b: number): boolean => (a > 0 && b < 0) || (a < 0 && b > 0);

/** r lies within the box of p–q (used once r is known to be on the line p–q). */
const within = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
  rx >= Math.min(px, qx) && rx <= Math.max(px, qx) && ry >= Math.min(py, qy) && ry <= Math.max(py, qy);

type Meeting = { kind: 'none' } | { kind: 'touch' | 'cross' | 'overlap'; x: number; y: number };
const NONE: Meeting = { kind: 'none' };

/** How segments a–b and c–d meet: not at all, at one endpoint, crossing, or along a stretch. */
export function meet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): Meeting {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (opposite(d1, d2) && opposite(d3, d4)) {
    const t = d1 / (d1 - d2);
    return { kind: 'cross', x: ax + t * (bx - ax), y: ay + t * (by - ay) };
  }
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: compare the stretches along the longer axis.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const [a, b, c, d] = useX ? [ax, bx, cx, dx] : [ay, by, cy, dy];
    const lo = Math.max(Math.min(a, b), Math.min(c, d));
    const hi = Math.min(Math.max(a, b), Math.max(c, d));
    if (lo > hi) return NONE;
    // Report the point of a–b at which the shared stretch starts.
    const t = b === a ? 0 : (lo - a) / (b - a);
    const x = ax + t * (bx - ax);
    const y = ay + t * (by - ay);
    return { kind: lo < hi ? 'overlap' : 'touch', x, y };
  }
  if (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) return { kind: 'touch', x: ax, y: ay };
  if (d2 === 0 && within(cx, cy, dx, dy, bx, by)) return { kind: 'touch', x: bx, y: by };
  if (d3 === 0 && within(ax, ay, bx, by, cx, cy)) return { kind: 'touch', x: cx, y: cy };
  if (d4 === 0 && within(ax, ay, bx, by, dx, dy)) return { kind: 'touch', x: dx, y: dy };
  return NONE;
}

/**
 * Finds edges that meet where they must not: two edges of one ring anywhere except the corner that
 * joins neighbours (and neighbours folding back along each other), or edges of two rings crossing or
 * running along each other (touching at a point is allowed between rings).
 *
 * Rings must be closed with no repeated consecutive positions. A sweep over x with the edges sorted
 * by their left end compares only edges whose x-spans overlap, so a boundary of a few thousand
 * vertices costs about n·√n comparisons instead of n².
 */
export function findRingConflict(rings: Pos[][]): RingConflict | null {
  let total = 0;
  for (const ring of rings) total += ring.length - 1;
  const minX = new Float64Array(total);
  const maxX = new Float64Array(total);
  const minY = new Float64Array(total);
  const maxY = new Float64Array(total);
  const ringOf = new Int32Array(total);
  const edgeOf = new Int32Array(total);
  const starts: Pos[] = new Array(total);
  const ends: Pos[] = new Array(total);
  let e = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++, e++) {
      const a = ring[i];
      const b = ring[i + 1];
      starts[e] = a;
      ends[e] = b;
      minX[e] = Math.min(a[0], b[0]);
      maxX[e] = Math.max(a[0], b[0]);
      minY[e] = Math.min(a[1], b[1]);
      maxY[e] = Math.max(a[1], b[1]);
      ringOf[e] = r;
      edgeOf[e] = i;
    }
  });
  const order = Array.from({ length: total }, (_, i) => i).sort((i, j) => minX[i] - minX[j] || i - j);

  const check = (i: number, j: number): RingConflict | null => {
    const a = starts[i];
    const b = ends[i];
    const c = starts[j];
    const d = ends[j];
    const ri = ringOf[i];
    const rj = ringOf[j];
    if (ri === rj) {
      const n = rings[ri].length - 1;
      const ei = edgeOf[i];
      const ej = edgeOf[j];
      // Neighbours share a corner; they conflict only if they fold back along each other.
      if ((ei + 1) % n === ej || (ej + 1) % n === ei) {
        const [p, corner, q] = (ei + 1) % n === ej ? [a, b, d] : [c, d, b];
        const folds =
          orient(p[0], p[1], corner[0], corner[1], q[0], q[1]) === 0 &&
          (p[0] - corner[0]) * (q[0] - corner[0]) + (p[1] - corner[1]) * (q[1] - corner[1]) > 0;
        return folds ? { ringA: ri, ringB: rj, x: corner[0], y: corner[1] } : null;
      }
      const m = meet(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]);
      return m.kind === 'none' ? null : { ringA: ri, ringB: rj, x: m.x, y: m.y };
    }
    const m = meet(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]);
    if (m.kind === 'cross' || m.kind === 'overlap') {
      return { ringA: Math.min(ri, rj), ringB: Math.max(ri, rj), x: m.x, y: m.y };
    }
    return null;
  };

  const active = new Int32Array(total);
  let activeLen = 0;
  for (const i of order) {
    const left = minX[i];
    let kept = 0;
    for (let k = 0; k < activeLen; k++) {
      const j = active[k];
      if (maxX[j] < left) continue;
      active[kept++] = j;
      if (maxY[j] < minY[i] || minY[j] > maxY[i]) continue;
      const conflict = check(j, i);
      if (conflict) return conflict;
    }
    activeLen = kept;
    active[activeLen++] = i;
  }
  return null;
}

/** 1 if (x, y) is inside the closed ring, 0 if on its boundary, -1 if outside. */
export function ringContainsPoint(ring: Pos[], x: number, y: number): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    if (orient(ax, ay, bx, by, x, y) === 0 && within(ax, ay, bx, by, x, y)) return 0;
    if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside ? 1 : -1;
}
