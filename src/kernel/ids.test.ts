import { describe, expect, it } from 'vitest';
import { newId, UUID_RE } from './ids.js';

describe('newId', () => {
  it('makes RFC 9562 version-7 UUIDs', () => {
    const id = newId();
    expect(id).toMatch(UUID_RE);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });
  it('increases strictly even when the clock stands still', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000));
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
  });
  it('sorts by creation time', () => {
    const earlier = newId(1_950_000_000_000);
    const later = newId(1_950_000_000_001);
    expect(later > earlier).toBe(true);
  });
  it('never mints an id from a clock ahead of the wall clock', () => {
    const id = newId(Date.now() + 365 * 86_400_000);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
