import type { Clock } from '../../../kernel/clock.js';
import type { Database, Executor } from '../../../kernel/db/db.js';
import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { buildLocateIndex, type LocateIndex } from '../../../kernel/geo/locate-index.js';
import type { ParcelKind } from '../domain/farmland-rules.js';
import { farmlandStore } from '../store/farmland.store.js';

/** The parcel a point lies in. */
export interface ParcelHit {
  parcelId: string;
  districtCode: string;
  villageId: string;
  villagePath: string;
  kind: ParcelKind;
  code: string;
}

/** How often another process's import is noticed (several server processes on PostgreSQL). */
const VERSION_CHECK_MS = 5_000;

/**
 * Point-in-farmland lookup: every parcel in the kernel's grid locate index (the one org's grid
 * locator uses), 永久基本农田 first so that where the two kinds overlap the stricter one answers.
 * Rebuilt after an import here, and within seconds after one in another process (the imports
 * table's newest id is the version). Reads go through the executor given, so a caller inside a
 * transaction (the report's listener) reads in it: on SQLite the transaction holds the one connection.
 */
export class FarmlandIndex {
  private index: LocateIndex | null = null;
  private hits: ParcelHit[] = [];
  private version: string | undefined;
  private checkedAt = 0;

  constructor(private readonly clock: Clock) {}

  invalidate(): void {
    this.index = null;
    this.checkedAt = 0;
  }

  private async ensureFresh(ex: Executor): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.index && now - this.checkedAt > VERSION_CHECK_MS) {
      this.checkedAt = now;
      if ((await farmlandStore.version(ex)) !== this.version) this.invalidate();
    }
    if (this.index) return;
    const version = await farmlandStore.version(ex);
    const rows = await farmlandStore.allForIndex(ex);
    this.hits = rows.map((r) => ({
      parcelId: r.id,
      districtCode: r.district_code,
      villageId: r.village_id,
      villagePath: r.village_path,
      kind: r.kind as ParcelKind,
      code: r.code,
    }));
    this.index = buildLocateIndex(
      rows.map((r) => ({ id: r.id, geometry: JSON.parse(r.geometry) as BoundaryGeometry })),
    );
    this.version = version;
    this.checkedAt = this.clock.now().getTime();
  }

  /** The parcel containing the WGS-84 point, or null. */
  async at(ex: Executor, lng: number, lat: number): Promise<ParcelHit | null> {
    await this.ensureFresh(ex);
    const i = this.index!.locateIndex(lng, lat);
    return i < 0 ? null : this.hits[i];
  }
}

const indexes = new WeakMap<Database, FarmlandIndex>();

/** The one lookup of a database (the app's, or a test's). */
export function farmlandIndex(database: Database, clock: Clock): FarmlandIndex {
  let ix = indexes.get(database);
  if (!ix) indexes.set(database, (ix = new FarmlandIndex(clock)));
  return ix;
}
