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
});
