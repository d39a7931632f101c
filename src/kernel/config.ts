import path from 'node:path';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** postgres://… for PostgreSQL; null means the embedded SQLite file under dataDir. */
  readonly databaseUrl: string | null;
  readonly demo: boolean;
  readonly adminPassword: string | null;
  readonly demoPassword: string | null;
  readonly districtCode: string;
  /** Name of the district root unit created on an empty database. */
  readonly districtName: string;
  readonly timeZone: string;
  readonly mapTileUrl: string | null;
  readonly logLevel: string;
  readonly sessionTtlHours: number;
  readonly loginRateLimitPerMinute: number;
  readonly webDir: string;
  /**
   * The file holding the server secret that signs records meant to be checked later (a screening
   * campaign's purge record): CIVICGRID_SERVER_SECRET_FILE, by default `server-secret` in the data dir,
   * made with 32 random bytes on first use (kernel/privacy/server-secret.ts). Several processes on one
   * PostgreSQL must share the file.
   */
  readonly serverSecretFile: string;
  /**
   * Where people and client apps reach the server (CIVICGRID_PUBLIC_URL, default http://localhost:<port>),
   * without a trailing slash: Open311 discovery names it, an https one makes the session cookie Secure, and
   * its origin is accepted on state-changing requests (docs/security.md).
   */
  readonly publicUrl: string;
  /**
   * CIVICGRID_TRUST_PROXY (default off): believe X-Forwarded-Proto/-Host/-For from a reverse proxy in
   * front — on, or a list of proxy addresses/CIDRs (Fastify's trustProxy). Then a request that reached
   * the proxy over https also gets a Secure cookie.
   */
  readonly trustProxy: boolean | string;
  /** CIVICGRID_UPLOAD_PENDING_HOURS (default 24): an upload not attached to any record by then is pruned. */
  readonly uploadPendingHours: number;
  /** CIVICGRID_UPLOAD_PENDING_MB (default 200): the most bytes of pending uploads one account may hold. */
  readonly uploadPendingMb: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function intVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

/** The only reader of process.env: collects every problem before failing, so one start shows them all. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const port = intVar(env, 'PORT', 8080, problems, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demoRaw = (env.CIVICGRID_DEMO ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(demoRaw)) {
    problems.push(`CIVICGRID_DEMO must be on or off, got "${env.CIVICGRID_DEMO}"`);
  }
  const districtCode = env.CIVICGRID_DISTRICT_CODE ?? '411602';
  if (!/^\d{6}$/.test(districtCode)) problems.push('CIVICGRID_DISTRICT_CODE must be a 6-digit GB/T 2260 code');
  const adminPassword = env.CIVICGRID_ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push('CIVICGRID_ADMIN_PASSWORD must have at least 8 characters');
  }
  const tile = env.CIVICGRID_MAP_TILE_URL?.trim() || null;
  if (tile && !/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(tile)) {
    problems.push('CIVICGRID_MAP_TILE_URL must be an http(s) URL template containing {z}, {x} and {y}');
  }
  const publicRaw = env.CIVICGRID_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  let publicUrl = publicRaw;
  try {
    const u = new URL(publicRaw);
    if (!['http:', 'https:'].includes(u.protocol) || u.search || u.hash) throw new Error('shape');
    publicUrl = `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    problems.push(`CIVICGRID_PUBLIC_URL must be an http(s) URL without query or fragment, got "${publicRaw}"`);
  }
  const proxyRaw = env.CIVICGRID_TRUST_PROXY?.trim() || 'off';
  const trustProxy = ['off', 'false', '0'].includes(proxyRaw.toLowerCase())
    ? false
    : ['on', 'true', '1'].includes(proxyRaw.toLowerCase())
      ? true
      : proxyRaw;
  const config: Config = {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.CIVICGRID_DATA_DIR || 'data'),
    databaseUrl,
    demo: !['off', 'false', '0'].includes(demoRaw),
    adminPassword,
    demoPassword: env.CIVICGRID_DEMO_PASSWORD || null,
    districtCode,
    districtName: env.CIVICGRID_DISTRICT_NAME || (districtCode === '411602' ? '川汇区' : '本区'),
    timeZone: env.CIVICGRID_TIME_ZONE || 'Asia/Shanghai',
    mapTileUrl: tile,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: intVar(env, 'CIVICGRID_SESSION_TTL_HOURS', 12, problems, 1, 24 * 30),
    loginRateLimitPerMinute: intVar(env, 'CIVICGRID_LOGIN_RATE_LIMIT', 30, problems, 1),
    webDir: path.resolve(env.CIVICGRID_WEB_DIR || 'dist/web'),
    serverSecretFile: path.resolve(
      env.CIVICGRID_SERVER_SECRET_FILE || path.join(env.CIVICGRID_DATA_DIR || 'data', 'server-secret'),
    ),
    publicUrl,
    trustProxy,
    uploadPendingHours: intVar(env, 'CIVICGRID_UPLOAD_PENDING_HOURS', 24, problems, 1, 24 * 30),
    uploadPendingMb: intVar(env, 'CIVICGRID_UPLOAD_PENDING_MB', 200, problems, 1),
  };
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}
