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

  it('takes the public URL from CIVICGRID_PUBLIC_URL, by default http://localhost:<port>', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
    expect(loadConfig({ CIVICGRID_PUBLIC_URL: 'https://Grid.Example.gov.cn:443/civic/' }).publicUrl).toBe(
      'https://grid.example.gov.cn/civic',
    );
    for (const bad of ['grid.example', 'ftp://x.y', 'https://x.y/?a=1', 'https://x.y/#top'])
      expect(() => loadConfig({ CIVICGRID_PUBLIC_URL: bad }), bad).toThrow(/CIVICGRID_PUBLIC_URL/);
  });

  it('trusts a reverse proxy only when told: off by default, on, or a list of addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CIVICGRID_TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ CIVICGRID_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ CIVICGRID_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
  });

  it('reads how long uploads stay pending and how many megabytes an account may hold pending', () => {
    expect(loadConfig({})).toMatchObject({ uploadPendingHours: 24, uploadPendingMb: 200 });
    expect(loadConfig({ CIVICGRID_UPLOAD_PENDING_HOURS: '2', CIVICGRID_UPLOAD_PENDING_MB: '50' })).toMatchObject({
      uploadPendingHours: 2,
      uploadPendingMb: 50,
    });
    expect(() => loadConfig({ CIVICGRID_UPLOAD_PENDING_HOURS: '0' })).toThrow(/CIVICGRID_UPLOAD_PENDING_HOURS/);
    expect(() => loadConfig({ CIVICGRID_UPLOAD_PENDING_MB: 'lots' })).toThrow(/CIVICGRID_UPLOAD_PENDING_MB/);
  });
});
