import v8 from 'node:v8';
import vm from 'node:vm';
import { validateBoundaryGeometry } from '../src/kernel/geo/geojson.js';
import { buildBaselineIndex, buildLocateIndex, naiveLocate, type Locator } from '../src/kernel/geo/locate-index.js';
import { jitteredTiling, seededRandom } from '../src/kernel/geo/synthetic-tiling.js';

/*
 * Locate: 100,000 grid-sized polygons of 20 vertices tiling a district (~37 km × 33 km around
 * 川汇区), 1,000,000 random points. The grid index, the flatbush baseline and the naive scan are
 * timed in the same run, and the index must give the baseline's answer on every point.
 */
const COLS = 400;
const ROWS = 250;
const EXTENT: [number, number, number, number] = [114.6, 33.5, 115.0, 33.8];
const POINTS = 1_000_000;
const NAIVE_POINTS = 200;
const INDEX_PASSES = 3;

const log = (msg: string): void => void process.stderr.write(`[locate] ${msg}\n`);
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A full collection, twice with a turn of the event loop between, so freed buffers are really gone. */
function exposeGc(): () => Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  if (typeof gc !== 'function') return async () => {};
  return async () => {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  };
}

function timePass(
  locator: Locator,
  xs: Float64Array,
  ys: Float64Array,
  out: (string | null)[],
  count = xs.length,
): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) out[i] = locator.locate(xs[i], ys[i]);
  return performance.now() - started;
}

const perSecond = (points: number, ms: number): number => Math.round((points / ms) * 1000);

export async function run(): Promise<Record<string, unknown>> {
  const gc = exposeGc();
  let started = performance.now();
  const items = jitteredTiling({
    cols: COLS,
    rows: ROWS,
    extent: EXTENT,
    segments: 5,
    jitter: 0.2,
    seed: 20261130,
    decimals: 7,
    shuffle: true,
  });
  const vertices = items.reduce(
    (sum, item) => sum + (item.geometry.type === 'Polygon' ? item.geometry.coordinates[0].length - 1 : 0),
    0,
  );
  log(
    `generated ${items.length} polygons (${(vertices / items.length).toFixed(1)} vertices each) in ${Math.round(performance.now() - started)} ms`,
  );

  started = performance.now();
  const invalidPolygons = items.filter((item) => !validateBoundaryGeometry(item.geometry).ok).length;
  const validateMs = Math.round(performance.now() - started);
  log(`validated all polygons in ${validateMs} ms, ${invalidPolygons} invalid`);

  // Points over the extent plus a 1% rim, so some fall outside every polygon.
  const random = seededRandom(7);
  const xs = new Float64Array(POINTS);
  const ys = new Float64Array(POINTS);
  const rimX = (EXTENT[2] - EXTENT[0]) * 0.01;
  const rimY = (EXTENT[3] - EXTENT[1]) * 0.01;
  for (let i = 0; i < POINTS; i++) {
    xs[i] = EXTENT[0] - rimX + random() * (EXTENT[2] - EXTENT[0] + 2 * rimX);
    ys[i] = EXTENT[1] - rimY + random() * (EXTENT[3] - EXTENT[1] + 2 * rimY);
  }

  await gc();
  const before = process.memoryUsage();
  const index = buildLocateIndex(items);
  await gc();
  const after = process.memoryUsage();
  log(
    `index built in ${index.stats.buildMs} ms: ${index.stats.cols}×${index.stats.rows} cells, ${index.stats.boundaryCells} on boundaries`,
  );

  started = performance.now();
  const baseline = buildBaselineIndex(items);
  const baselineBuildMs = Math.round(performance.now() - started);
  log(`baseline built in ${baselineBuildMs} ms`);

  const indexAnswers: (string | null)[] = new Array(POINTS).fill(null);
  const baselineAnswers: (string | null)[] = new Array(POINTS).fill(null);
  timePass(index, xs, ys, indexAnswers, 100_000);
  timePass(baseline, xs, ys, baselineAnswers, 100_000);

  const indexMs: number[] = [];
  for (let pass = 0; pass < INDEX_PASSES; pass++) indexMs.push(timePass(index, xs, ys, indexAnswers));
  indexMs.sort((a, b) => a - b);
  const indexRate = perSecond(POINTS, indexMs[Math.floor(INDEX_PASSES / 2)]);
  log(`index: ${indexRate.toLocaleString('en')} points/s (median of ${INDEX_PASSES} passes)`);

  const baselineRate = perSecond(POINTS, timePass(baseline, xs, ys, baselineAnswers));
  log(`baseline: ${baselineRate.toLocaleString('en')} points/s`);

  let mismatches = 0;
  let outside = 0;
  for (let i = 0; i < POINTS; i++) {
    if (indexAnswers[i] !== baselineAnswers[i]) mismatches++;
    if (baselineAnswers[i] === null) outside++;
  }
  log(
    `index vs baseline: ${mismatches} mismatches over ${POINTS.toLocaleString('en')} points (${outside} outside every polygon)`,
  );

  const step = Math.floor(POINTS / NAIVE_POINTS);
  let naiveMismatches = 0;
  started = performance.now();
  for (let k = 0; k < NAIVE_POINTS; k++) {
    const i = k * step;
    if (naiveLocate(items, xs[i], ys[i]) !== baselineAnswers[i]) naiveMismatches++;
  }
  const naiveRate = perSecond(NAIVE_POINTS, performance.now() - started);
  log(
    `naive scan: ${naiveRate.toLocaleString('en')} points/s on ${NAIVE_POINTS} points, ${naiveMismatches} mismatches`,
  );

  return {
    polygons: items.length,
    verticesPerPolygon: Math.round((vertices / items.length) * 10) / 10,
    points: POINTS,
    indexPointsPerSecond: indexRate,
    baselinePointsPerSecond: baselineRate,
    naivePointsPerSecond: naiveRate,
    naiveSampledPoints: NAIVE_POINTS,
    indexOverBaseline: Math.round((indexRate / baselineRate) * 10) / 10,
    indexOverNaive: Math.round(indexRate / naiveRate),
    meetsTarget: indexRate >= 2_000_000,
    mismatches,
    naiveMismatches,
    outsidePoints: outside,
    indexBuildMs: index.stats.buildMs,
    baselineBuildMs,
    cells: index.stats.cells,
    boundaryCells: index.stats.boundaryCells,
    candidatesPerBoundaryCell:
      Math.round((index.stats.candidates / Math.max(1, index.stats.boundaryCells)) * 100) / 100,
    indexMemoryMiB: mib(index.stats.memoryBytes),
    heapUsedDeltaMiB: mib(after.heapUsed - before.heapUsed),
    arrayBuffersDeltaMiB: mib(after.arrayBuffers - before.arrayBuffers),
    rssDeltaMiB: mib(after.rss - before.rss),
    validateMs,
    invalidPolygons,
  };
}
