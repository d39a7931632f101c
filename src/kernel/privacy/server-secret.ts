import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The server secret (see Config.serverSecretFile): 32 random bytes, hex, made on first use in a file
// only the server's user may read, and read from it ever after — so a signature made today still
// verifies after a restart. Losing the file makes old signatures unverifiable, not forgeable.

const cache = new Map<string, string>();

export function serverSecret(file: string): string {
  const hit = cache.get(file);
  if (hit) return hit;
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': of two processes starting at once, one writes and the other reads what it wrote.
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  if (secret.length < 32) throw new Error(`the server secret in ${file} is shorter than 32 characters`);
  cache.set(file, secret);
  return secret;
}
