import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, CIVICGRID_DATA_DIR: dataDir, CIVICGRID_ADMIN_PASSWORD: 'Admin12345', DATABASE_URL: '' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

// The operator CLI on a fresh SQLite data folder: import, refuse a bad file whole, export.
describe('operator CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-cli-'));
  const file = (name: string, fc: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, JSON.stringify(fc));
    return p;
  };

  it('migrates, imports boundaries all or nothing, and exports them', async () => {
    expect((await cli(dir, 'migrate')).code).toBe(0);
    // The district has no sub-districts yet: a feature naming an unknown child refuses the whole file.
    const bad = await cli(
      dir,
      'import-boundaries',
      '411602',
      file('bad.geojson', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '411602004000' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [114.6, 33.6],
                  [114.7, 33.6],
                  [114.7, 33.7],
                  [114.6, 33.6],
                ],
              ],
            },
          },
        ],
      }),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/features\[0\]\.properties/);
    expect(bad.stderr).toMatch(/边界文件有 \d+ 处问题，未导入任何边界/);
    const notJson = await cli(dir, 'import-boundaries', '411602', file('x.geojson', 'nope'));
    expect(notJson.code).not.toBe(0);
    const exported = await cli(dir, 'export-boundaries', '411602');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).type).toBe('FeatureCollection');
    const unknown = await cli(dir, 'frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/);
  }, 60_000);
});
