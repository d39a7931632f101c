import Flatbush from 'flatbush';
import type { BoundaryGeometry } from './geojson.js';
import { pointInGeometry, pointInPrepared, preparePolygons, roundingMargin } from './point-in-polygon.js';

export interface LocateItem {
  id: string;
  /** WGS-84, validated (see validateBoundaryGeometry). */
  geometry: BoundaryGeometry;
}

export interface Locator {
  /** Id of the item containing the point, or null; with overlapping items the earliest in the list wins. */
  locate(lng: number, lat: number): string | null;
  /** Position of that item in the list given to the builder, or -1. */
  locateIndex(lng: number, lat: number): number;
}

/**
 * The plain way: an R-tree (flatbush) over the items' boxes, then the exact test on each candidate in
 * list order. The reference the grid index is measured and checked against.
 */
export function buildBaselineIndex(items: readonly LocateItem[]): Locator {
  const prepared = preparePolygons(items.map((item) => item.geometry));
  const ids = items.map((item) => item.id);
  if (items.length === 0) return { locate: () => null, locateIndex: () => -1 };
  const margin = roundingMargin(prepared.maxAbs);
  const boxes = prepared.boxes;
  // An item without positions contains nothing; park its empty box on another item's corner so it
  // does not stretch the tree's extent.
  let parkX = 0;
  let parkY = 0;
  for (let i = 0; i < items.length; i++) {
    if (boxes[i * 4] <= boxes[i * 4 + 2]) {
      parkX = boxes[i * 4];
      parkY = boxes[i * 4 + 1];
      break;
    }
  }
  const tree = new Flatbush(items.length);
  for (let i = 0; i < items.length; i++) {
    const o = i * 4;
    if (boxes[o] <= boxes[o + 2])
      tree.add(boxes[o] - margin, boxes[o + 1] - margin, boxes[o + 2] + margin, boxes[o + 3] + margin);
    else tree.add(parkX, parkY, parkX, parkY);
  }
  tree.finish();

  const locateIndex = (lng: number, lat: number): number => {
    if (!(Number.isFinite(lng) && Number.isFinite(lat))) return -1;
    const hits = tree.search(lng, lat, lng, lat);
    if (hits.length > 1) hits.sort((a, b) => a - b);
    for (const h of hits) if (pointInPrepared(prepared, h, lng, lat)) return h;
    return -1;
  };
  return {
    locateIndex,
    locate: (lng, lat) => {
      const i = locateIndex(lng, lat);
      return i < 0 ? null : ids[i];
    },
  };
}

/** Every item in turn, no index at all: the slowest possible reference. */
export function naiveLocate(items: readonly LocateItem[], lng: number, lat: number): string | null {
  for (const item of items) if (pointInGeometry(item.geometry, lng, lat)) return item.id;
  return null;
}
