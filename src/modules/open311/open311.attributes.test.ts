import { describe, expect, it } from 'vitest';
import { validateAttributes } from './open311.attributes.js';
import { Open311Error } from './open311.errors.js';
import { SAMPLE_SERVICES } from './memory-backend.js';
import { parseNewRequest, parseParams } from './open311.params.js';

const CST = 8 * 3600_000;
const garbage = SAMPLE_SERVICES[1];

/** Parses attribute pairs as a POST would carry them and validates them against 暴露垃圾 (0102). */
function check(pairs: [string, string][]): Record<string, string | string[]> | string[] {
  const p = parseParams(new URLSearchParams([['service_code', '0102'], ['address_id', 'A1'], ...pairs]).toString());
  try {
    return validateAttributes(garbage, parseNewRequest(p).attributes, CST);
  } catch (e) {
    if (e instanceof Open311Error) return e.descriptions;
    throw e;
  }
}

describe('attribute[code] against the service definition', () => {
  it('accepts a complete set and hands it on typed by the definition', () => {
    expect(
      check([
        ['attribute[AMOUNT]', 'large'],
        ['attribute[KINDS][]', 'household'],
        ['attribute[KINDS][]', 'construction'],
        ['attribute[KINDS][]', 'household'],
        ['attribute[SEEN_AT]', '2026-11-30T08:15'],
        ['attribute[BAGS]', '3.5'],
        ['attribute[PLATE]', '豫P12345'],
      ]),
    ).toEqual({
      AMOUNT: 'large',
      KINDS: ['household', 'construction'],
      SEEN_AT: '2026-11-30T08:15:00+08:00',
      BAGS: '3.5',
      PLATE: '豫P12345',
    });
  });

  it('requires the required attributes, and an empty value counts as missing', () => {
    expect(check([])).toEqual(['attribute[AMOUNT] is required (垃圾量)']);
    expect(check([['attribute[AMOUNT]', '  ']])).toEqual(['attribute[AMOUNT] is required (垃圾量)']);
  });

  it('knows only the keys of a singlevaluelist and a multivaluelist', () => {
    expect(check([['attribute[AMOUNT]', 'huge']])).toEqual(['attribute[AMOUNT]: huge is not a value of the list']);
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[KINDS][]', 'glass'],
        ['attribute[KINDS][]', 'paper'],
      ]),
    ).toEqual(['attribute[KINDS]: glass, paper are not values of the list']);
  });

  it('takes a multivaluelist in the attribute[code][] form or as one plain value', () => {
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[KINDS]', 'hazardous'],
      ]),
    ).toEqual({ AMOUNT: 'small', KINDS: ['hazardous'] });
  });

  it('refuses several values for anything but a multivaluelist', () => {
    expect(check([['attribute[AMOUNT][]', 'small']])).toEqual([
      'attribute[AMOUNT] takes one value (only a multivaluelist takes several)',
    ]);
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[AMOUNT]', 'large'],
      ]),
    ).toEqual(['attribute[AMOUNT] takes one value (only a multivaluelist takes several)']);
  });

  it('refuses attributes the definition does not have, and values for information-only ones', () => {
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[COLOR]', 'red'],
        ['attribute[NOTE]', 'x'],
      ]),
    ).toEqual([
      'attribute[COLOR] is not an attribute of service 0102',
      'attribute[NOTE] is shown for information only and takes no value',
    ]);
  });

  it('checks numbers, datetimes and single-line strings', () => {
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[BAGS]', 'three'],
        ['attribute[SEEN_AT]', 'this morning'],
        ['attribute[PLATE]', '豫P\n12345'],
      ]),
    ).toEqual([
      'attribute[BAGS] must be a number',
      'attribute[SEEN_AT] must be an ISO 8601 date or datetime, e.g. 2026-11-30T10:00:00+08:00',
      'attribute[PLATE] is a string and may not contain line breaks',
    ]);
    expect(
      check([
        ['attribute[AMOUNT]', 'small'],
        ['attribute[BAGS]', '-1e3'],
      ]),
    ).toEqual({ AMOUNT: 'small', BAGS: '-1e3' });
  });
});
