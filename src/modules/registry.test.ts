import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModules } from '../kernel/modules/descriptor.js';
import { MODULES } from './registry.js';

describe('the module list', () => {
  it('has unique names and every listened event has an emitter', () => {
    expect(checkModules(MODULES)).toEqual([]);
  });

  it('lists every module folder, and each folder has its index.ts door', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const folders = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const f of folders) expect(fs.existsSync(path.join(dir, f, 'index.ts')), `${f}/index.ts`).toBe(true);
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it('every module that keeps unit paths follows unit moves', () => {
    const followers = MODULES.filter((m) => m.listens?.['org.unit_moved']).map((m) => m.name);
    expect(followers).toEqual([
      'cases',
      'reporting',
      'supervision',
      'proposals',
      'population',
      'screening',
      'venues',
      'farmland',
      'boards',
      'patrols',
      'duty',
      'campaigns',
    ]);
  });
});
