import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GIVEN_CHARACTERS, SEED_PERSON_NAMES, SURNAMES, isBlockedName, syntheticPeople } from './synthetic-names.js';

// The seed article lives beside the repository in the shared folder; the exhaustive checks need it.
const SEED_DIR = path.resolve('../shared/seed');
const seedText = fs.existsSync(SEED_DIR)
  ? fs
      .readdirSync(SEED_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'))
      .join('\n')
  : null;

describe('synthetic people', () => {
  const people = syntheticPeople(5000);

  it('is deterministic, and a different seed gives different people', () => {
    expect(syntheticPeople(50)).toEqual(people.slice(0, 50));
    expect(syntheticPeople(50, 7)).not.toEqual(people.slice(0, 50));
  });

  it('makes distinct two- and three-character names from the lists', () => {
    const names = people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n.length === 2 || n.length === 3).toBe(true);
      expect(SURNAMES).toContain(n[0]);
      for (const ch of n.slice(1)) expect(GIVEN_CHARACTERS).toContain(ch);
    }
  });

  it('never makes the name of a person from the seed', () => {
    const names = new Set(people.map((p) => p.name));
    for (const n of SEED_PERSON_NAMES) {
      expect(isBlockedName(n)).toBe(true);
      expect(names.has(n)).toBe(false);
    }
  });

  it.skipIf(!seedText)('cannot make any name that occurs in the seed text (exhaustive over the text)', () => {
    const text = seedText!;
    // Every 2- or 3-character run of the article that the generator is able to form must be blocked.
    const producible = (s: string) =>
      SURNAMES.includes(s[0]) && [...s.slice(1)].every((ch) => GIVEN_CHARACTERS.includes(ch));
    const leaks: string[] = [];
    for (const len of [2, 3]) {
      for (let i = 0; i + len <= text.length; i++) {
        const s = text.slice(i, i + len);
        if (producible(s) && !isBlockedName(s)) leaks.push(s);
      }
    }
    expect(leaks).toEqual([]);
    for (const p of people) expect(text.includes(p.name), p.name).toBe(false);
  });

  it('makes distinct 11-digit mobile numbers', () => {
    const mobiles = people.map((p) => p.mobile);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    for (const m of mobiles) expect(m).toMatch(/^1[3-9]\d{9}$/);
  });
});
