import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb } from '../src/kernel/db/db.js';
import { LocateService } from '../src/modules/org/locate-service.js';

/**
 * The server the ledger bench measures, in a child process of its own (so its memory is its own
 * and the load client runs on the other core): what src/main.ts starts, on the generated
 * database, without the scheduled jobs (a deadline sweep in the middle of a timing would be noise).
 * Started by bench/ledger.ts with LEDGER_SERVER=1; tells its port over IPC.
 */
async function serve(): Promise<void> {
  const config = loadConfig();
  const database = createDb({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, 'civicgrid.db'),
    pgSchema: process.env.LEDGER_PG_SCHEMA || undefined,
  });
  const locator = new LocateService(database, systemClock);
  const app = await buildApp({ config, database, clock: systemClock, locator, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await locator.stats();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send!({ port });
  // LEDGER_PROFILE: the parent brackets each measurement with profile start/stop (a .cpuprofile each).
  let session: inspector.Session | null = null;
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  process.on('message', async (m: { stop?: boolean; profile?: 'start' | 'stop'; file?: string }) => {
    if (m?.profile === 'start') {
      session = new inspector.Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      process.send!({ profiling: true });
    } else if (m?.profile === 'stop' && session) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(m.file!, JSON.stringify(profile));
      session.disconnect();
      session = null;
      process.send!({ profiled: m.file });
    } else if (m?.stop) {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
}

if (process.env.LEDGER_SERVER === '1' && process.send) {
  serve().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
