import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.js';
import { systemClock } from './kernel/clock.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { createDb, migrateToLatest } from './kernel/db/db.js';
import { inStartTransaction } from './kernel/db/start-transaction.js';
import { startScheduler } from './kernel/jobs/scheduler.js';
import { moduleJobs, prepareModules } from './kernel/modules/descriptor.js';
import { bootstrapDistrict, LocateService } from './modules/org/index.js';
import { createModuleContext, MODULES } from './modules/registry.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel });
  const database = createDb({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, 'civicgrid.db'),
    log,
  });
  // Migrations, the district root and admin, the modules' set-up and (on a new database) the demo: one
  // process at a time and all or nothing (a second process started with this one waits, then finds it
  // done; a start killed midway leaves nothing and the next start does it all).
  const { applied, boot, demo, started } = await inStartTransaction(database, async (inStart) => {
    const applied = await migrateToLatest(inStart.db);
    const boot = await bootstrapDistrict(inStart, config, systemClock);
    const startCtx = createModuleContext({
      database: inStart,
      clock: systemClock,
      config,
      locator: new LocateService(inStart, systemClock),
    });
    const demo = boot.created && config.demo ? { districtId: boot.districtId, now: systemClock.now() } : undefined;
    return { applied, boot, demo, started: await prepareModules(MODULES, startCtx, demo) };
  });
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  const locator = new LocateService(database, systemClock);
  // One context for routes and jobs.
  const ctx = createModuleContext({ database, clock: systemClock, config, locator });
  if (Object.keys(started.prepared).length) log.info(started.prepared, 'modules prepared');
  if (demo) log.info(started.demo, 'demo district created');
  for (const line of started.announce) console.log(`\n${line}\n`);
  if (boot.generatedAdminPassword) {
    console.log(
      `\n管理员账号 admin 的初始密码（仅显示一次，首次登录须修改）/ initial password of admin (shown once): ${boot.generatedAdminPassword}\n`,
    );
  }

  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    locator,
    context: ctx,
    logger: { level: config.logLevel },
  });
  // Scheduled work runs exactly once per slot even with several processes on one PostgreSQL.
  const scheduler = startScheduler(database.db, systemClock, moduleJobs(MODULES, ctx), (job, err) =>
    log.error({ job, err }, 'scheduled job failed'),
  );
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Build the locate index now rather than on the first request.
  void locator.stats().then((s) => log.info(s, 'locate index ready'));
  console.log(`CivicGrid 网格治理平台 listening on http://${config.host}:${config.port} (${database.dialect})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
