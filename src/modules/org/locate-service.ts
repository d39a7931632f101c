import { buildLocateIndex, type LocateIndex } from '../../kernel/geo/locate-index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import { unitStore } from './store/unit.store.js';

/** How often another server process's boundary change is noticed (PostgreSQL with several processes). */
const VERSION_CHECK_MS = 5_000;

/**
 * Holds the in-memory locate indexes (small grids first, large grids as the fallback where a large
 * grid has no small grids) and rebuilds them when boundaries change — here, or in another process
 * sharing the database (seen through meta.boundary_version).
 */
export class LocateService {
  private small: LocateIndex | null = null;
  private large: LocateIndex | null = null;
  private version: string | undefined = undefined;
  private checkedAt = 0;
  private building: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.small = null;
    this.large = null;
    this.checkedAt = 0;
  }

  private async rebuild(): Promise<void> {
    const db = this.database.db;
    const version = await unitStore.meta(db, 'boundary_version');
    const rows = await unitStore.gridBoundaries(db, ['grid_small', 'grid_large']);
    const parse = (r: { id: string; geometry: string }) => ({ id: r.id, geometry: JSON.parse(r.geometry) });
    this.small = buildLocateIndex(rows.filter((r) => r.kind === 'grid_small').map(parse));
    this.large = buildLocateIndex(rows.filter((r) => r.kind === 'grid_large').map(parse));
    this.version = version;
    this.checkedAt = this.clock.now().getTime();
  }

  private async ensureFresh(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.small && now - this.checkedAt > VERSION_CHECK_MS) {
      this.checkedAt = now;
      const v = await unitStore.meta(this.database.db, 'boundary_version');
      if (v !== this.version) this.invalidate();
    }
    if (!this.small) {
      this.building ??= this.rebuild().finally(() => {
        this.building = null;
      });
      await this.building;
    }
  }

  /** The id of the smallest grid containing the WGS-84 point, or null when it lies in none. */
  async locate(lng: number, lat: number): Promise<string | null> {
    await this.ensureFresh();
    return this.small?.locate(lng, lat) ?? this.large?.locate(lng, lat) ?? null;
  }

  async stats(): Promise<{ smallGrids: number; largeGrids: number }> {
    await this.ensureFresh();
    return { smallGrids: this.small?.stats.polygons ?? 0, largeGrids: this.large?.stats.polygons ?? 0 };
  }
}
