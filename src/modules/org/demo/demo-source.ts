import fs from 'node:fs';
import polygonClipping, { type Polygon as PcPoly } from 'polygon-clipping';
import { convertGeometry } from '../../../kernel/geo/crs.js';
import { validateBoundaryGeometry, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { buildDemoTree, DEMO_DEPARTMENTS, DEMO_OUTSIDE_UNITS, type DemoUnit } from './demo-tree.js';
import { syntheticPeople } from './synthetic-people.js';

export type { DemoUnit } from './demo-tree.js';

/**
 * Reads the district outline shipped in assets/geo (GCJ-02, as the source most likely is) and
 * converts it to WGS-84 like any other input.
 */
export function loadOutline(file: string): BoundaryGeometry {
  const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: { geometry: { coordinates: PcPoly } }[] };
  // The source is coarse (~1/1024°) and its ring touches itself in a few places; a union with itself
  // (polygon-clipping) rebuilds it as a valid polygon before it is checked like any other input.
  const repaired = polygonClipping.union(fc.features[0].geometry.coordinates);
  const geometry = repaired.length === 1 ? { type: 'Polygon', coordinates: repaired[0] } : { type: 'MultiPolygon', coordinates: repaired };
  const checked = validateBoundaryGeometry(geometry);
  if (!checked.ok) throw new Error(`${file}: ${checked.reason}`);
  return convertGeometry(checked.geometry, 'gcj02');
}

export function loadDemoSource(outlineFile: string) {
  const outline = loadOutline(outlineFile);
  const district: DemoUnit = buildDemoTree('411602', '川汇区', outline);
  return {
    district,
    departments: DEMO_DEPARTMENTS as { name: string; code?: string }[],
    outsideUnits: DEMO_OUTSIDE_UNITS as { name: string; code?: string }[],
    names: () => syntheticPeople(),
  };
}
