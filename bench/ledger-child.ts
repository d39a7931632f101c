import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench's server process (bench/ledger-server.ts): start, RSS samples from /proc, CPU profiles, stop. */
export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly profileDir: string | null,
  ) {}

  static async start(env: Record<string, string>, profileDir: string | null): Promise<ServerProcess> {
    const entry = fileURLToPath(new URL('./ledger-server.ts', import.meta.url));
    const child = fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env, LEDGER_SERVER: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port?: number }) =>
        m?.port ? resolve(m.port) : reject(new Error('server sent no port')),
      );
      child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
    });
    return new ServerProcess(child, port, profileDir);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident set size in MiB, as process.memoryUsage().rss would tell inside the child. */
  rssMb(): number {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  /** Samples RSS every `everyMs` while `work` runs; returns its result with the baseline and the peak. */
  async sampled<T>(work: () => Promise<T>, everyMs = 50): Promise<{ result: T; baselineMb: number; peakMb: number }> {
    const baselineMb = this.rssMb();
    let peakMb = baselineMb;
    const timer = setInterval(() => {
      const r = this.rssMb();
      if (r > peakMb) peakMb = r;
    }, everyMs);
    try {
      const result = await work();
      const r = this.rssMb();
      if (r > peakMb) peakMb = r;
      return { result, baselineMb, peakMb };
    } finally {
      clearInterval(timer);
    }
  }

  private ask(msg: object, key: string): Promise<void> {
    return new Promise((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (m?.[key]) {
          this.child.off('message', on);
          resolve();
        }
      };
      this.child.on('message', on);
      this.child.send(msg);
    });
  }

  /** With LEDGER_PROFILE set, a .cpuprofile of the server for the duration of `work`. */
  async profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (!this.profileDir || !this.alive) return work();
    await this.ask({ profile: 'start' }, 'profiling');
    try {
      return await work();
    } finally {
      if (this.alive)
        await this.ask({ profile: 'stop', file: path.join(this.profileDir, `${name}.cpuprofile`) }, 'profiled');
    }
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ stop: true });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
