import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8080 with the demo on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: null,
      demo: true,
      districtCode: '411602',
      districtName: '川汇区',
      timeZone: 'Asia/Shanghai',
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        CIVICGRID_DEMO: 'maybe',
        CIVICGRID_ADMIN_PASSWORD: 'short',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toHaveLength(4);
    }
  });
  it('turns the demo off and takes a PostgreSQL URL', () => {
    const c = loadConfig({ CIVICGRID_DEMO: 'off', DATABASE_URL: 'postgres://u@h/db', PORT: '9000' });
    expect(c).toMatchObject({ demo: false, databaseUrl: 'postgres://u@h/db', port: 9000 });
  });
  it('accepts only tile URL templates', () => {
    expect(() => loadConfig({ CIVICGRID_MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).not.toThrow();
    expect(() => loadConfig({ CIVICGRID_MAP_TILE_URL: 'ftp://nope' })).toThrow(ConfigError);
  });
});
