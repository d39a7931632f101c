import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverSecret } from './server-secret.js';

describe('server secret', () => {
  it('is made once, private to the server, and read back the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-secret-'));
    const file = path.join(dir, 'sub', 'server-secret');
    const a = serverSecret(file);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(serverSecret(file)).toBe(a);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(a);
  });
  it('refuses a file too short to be a secret', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-secret-'));
    const file = path.join(dir, 'server-secret');
    fs.writeFileSync(file, 'short\n');
    expect(() => serverSecret(file)).toThrow(/shorter than 32/);
  });
});
