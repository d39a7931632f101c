import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.js';
import { systemClock } from './kernel/clock.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { createDb, migrateToLatest } from './kernel/db/db.js';
import { bootstrapDistrict } from './modules/org/bootstrap.js';
import { seedDemoDistrict } from './modules/org/demo/seed-demo.js';
import { LocateService } from './modules/org/locate-service.js';
import { createOrgApi } from './modules/org/index.js';
import { caseDeadlineJob, ensureCategories, idempotencyKeyPruneJob, seedDemoCases } from './modules/cases/index.js';
import { reportQueryJob, reportReminderJob, seedDemoForms } from './modules/reporting/index.js';
import { seedDemoSupervision, supervisionJob } from './modules/supervision/index.js';
import { proposalReminderJob, seedDemoProposals } from './modules/proposals/index.js';
import { createFileStore } from './kernel/files/file-store.js';
import { enqueueEvent, webhookJobs } from './modules/webhooks/index.js';
import { startScheduler } from './kernel/jobs/scheduler.js';

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
  const database = createDb({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'civicgrid.db') });
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');

  const boot = await bootstrapDistrict(database, config, systemClock);
  if (boot.created && config.demo) {
    const demo = await seedDemoDistrict(database, config, systemClock, boot.districtId);
    log.info(demo.summary, 'demo district created');
    if (demo.generatedPassword) {
      console.log(`\n演示账号密码（仅显示一次）/ demo accounts password (shown once): ${demo.generatedPassword}\n`);
    }
  }
  const locator = new LocateService(database, systemClock);
  const org = createOrgApi({ database, locator });
  const added = await ensureCategories(database, org, config.districtCode, systemClock.now());
  if (added) log.info({ categories: added }, 'case categories added');
  if (boot.created && config.demo) {
    const cases = await seedDemoCases({ database, clock: systemClock, config, org }, systemClock.now());
    const submissions = await seedDemoForms({ database, clock: systemClock, config, org }, systemClock.now());
    const supervision = await seedDemoSupervision({ database, clock: systemClock, config, org }, systemClock.now());
    const proposals = await seedDemoProposals(
      {
        database,
        clock: systemClock,
        config,
        org,
        files: createFileStore({ root: path.join(config.dataDir, 'files'), timeZone: config.timeZone }),
      },
      systemClock.now(),
    );
    log.info(
      { cases, submissions, supervision, proposals },
      'demo cases, report submissions, supervised tasks and proposals created',
    );
  }
  if (boot.generatedAdminPassword) {
    console.log(
      `\n管理员账号 admin 的初始密码（仅显示一次，首次登录须修改）/ initial password of admin (shown once): ${boot.generatedAdminPassword}\n`,
    );
  }

  const app = await buildApp({ config, database, clock: systemClock, locator, logger: { level: config.logLevel } });
  // Scheduled work runs exactly once per slot even with several processes on one PostgreSQL.
  const jobDeps = { database, clock: systemClock, config };
  const scheduler = startScheduler(
    database.db,
    systemClock,
    [
      webhookJobs(jobDeps),
      caseDeadlineJob({
        ...jobDeps,
        org,
        enqueueEvent: async (ex, e) => {
          await enqueueEvent(ex, e);
        },
      }),
      idempotencyKeyPruneJob(jobDeps),
      reportQueryJob({ ...jobDeps, org }),
      reportReminderJob({
        ...jobDeps,
        org,
        enqueueEvent: async (ex, e) => {
          await enqueueEvent(ex, e);
        },
      }),
      supervisionJob({
        ...jobDeps,
        org,
        enqueueEvent: async (ex, e) => {
          await enqueueEvent(ex, e);
        },
      }),
      proposalReminderJob({
        ...jobDeps,
        org,
        enqueueEvent: async (ex, e) => {
          await enqueueEvent(ex, e);
        },
      }),
    ],
    (job, err) => log.error({ job, err }, 'scheduled job failed'),
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
