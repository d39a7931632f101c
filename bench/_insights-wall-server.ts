import path from 'node:path';
import v8 from 'node:v8';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest } from '../src/kernel/db/db.js';
import { prepareModules } from '../src/kernel/modules/descriptor.js';
import { bootstrapDistrict, LocateService } from '../src/modules/org/index.js';
import { createModuleContext, MODULES } from '../src/modules/registry.js';

/**
 * The server the wall soak (bench/insights-wall-soak.ts) watches, in a child process of its own so its
 * heap is its own: what src/main.ts starts (a fresh data directory, the demo district), without the
 * scheduled jobs. Run with --expose-gc; tells its port over IPC and, when asked, its heap after a full
 * garbage collection and the wall streams open, or writes a heap snapshot (WALL_SOAK_SNAPSHOTS).
 */
async function serve(): Promise<void> {
  const config = loadConfig();
  const database = createDb({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'civicgrid.db') });
  await migrateToLatest(database.db);
  const boot = await bootstrapDistrict(database, config, systemClock);
  const locator = new LocateService(database, systemClock);
  const ctx = createModuleContext({ database, clock: systemClock, config, locator });
  await prepareModules(MODULES, ctx, { districtId: boot.districtId, now: systemClock.now() });
  const app = await buildApp({ config, database, clock: systemClock, locator, context: ctx, logger: false });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  await locator.stats();
  process.send!({ port: config.port });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', async (m: { heap?: boolean; snapshot?: string; stop?: boolean }) => {
    if (m?.snapshot) {
      process.send!({ snapshot: v8.writeHeapSnapshot(m.snapshot) });
    } else if (m?.heap) {
      gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      process.send!({ heap: { heapUsed, rss, streams: app.wallHub?.size ?? -1, gc: !!gc } });
    } else if (m?.stop) {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
}

if (process.env.WALL_SOAK_SERVER === '1' && process.send) {
  serve().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
