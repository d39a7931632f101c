import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idCheckChar } from './id-number.js';

const TODAY = '2026-12-07';

describe('GB 11643 ID numbers', () => {
  // The two examples printed in GB 11643-1999 itself. By hand for the second:
  // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 195; 195 mod 11 = 8 → '4'.
  it('accepts the standard’s examples and reads birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(checkIdNumber('440524188001010014', TODAY)).toEqual({
      ok: true,
      idNumber: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'male',
    });
  });

  // 41170219900307123?: 4·7+1·9+1·10+7·5+0·8+2·4+1·2+9·1+9·6+0·3+0·7+3·9+0·10+7·5+1·8+2·4+3·2
  // = 28+9+10+35+0+8+2+9+54+0+0+27+0+35+8+8+6 = 239; 239 mod 11 = 8 → '4'. A 周口 (4117) number.
  it('computes the check character by hand for a Zhoukou number', () => {
    expect(idCheckChar('41170219900307123')).toBe('4');
    expect(checkIdNumber('411702199003071234', TODAY)).toMatchObject({ ok: true, sex: 'male' });
    expect(checkIdNumber('411702199003071235', TODAY)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('takes a lower-case x as X', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('names what is wrong', () => {
    expect(checkIdNumber('110105194912310', TODAY)).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('1101051949123100AX', TODAY)).toEqual({ ok: false, problem: 'characters' });
    expect(checkIdNumber('99010519491231002X', TODAY)).toEqual({ ok: false, problem: 'region' });
    expect(checkIdNumber('110105194902300021', TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkIdNumber('110105190002290029', TODAY)).toEqual({ ok: false, problem: 'birth_date' }); // 1900 is no leap year
  });

  it('refuses a birth date after today, and accepts today', () => {
    const body = '41170220261208001';
    expect(checkIdNumber(body + idCheckChar(body), TODAY)).toEqual({ ok: false, problem: 'birth_future' });
    const born = '41170220261207001';
    expect(checkIdNumber(born + idCheckChar(born), TODAY)).toMatchObject({ ok: true, birthDate: '2026-12-07' });
  });

  it('catches every single-digit typo and every swap of two different neighbours (MOD 11-2)', () => {
    const id = '411702199003071234';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digit = (Number(id[pos]) + delta) % 10;
        const typo = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
        const r = checkIdNumber(typo, TODAY);
        expect(r.ok).toBe(false);
      }),
    );
    for (let i = 0; i < 16; i++) {
      if (id[i] === id[i + 1]) continue;
      const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      expect(checkIdNumber(swapped, TODAY).ok, `swap at ${i}`).toBe(false);
    }
  });

  it('agrees with the weighted sum for any body: the full number sums to 1 mod 11', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        const check = idCheckChar(body);
        const digits = [...body, check === 'X' ? '10' : check].map(Number);
        // Σ a_i · 2^(17−i) mod 11 over all 18 positions (the check's weight is 2^0 = 1) ≡ 1 (mod 11).
        const sum = digits.reduce((s, a, i) => s + a * (2 ** (17 - i) % 11), 0);
        expect(sum % 11).toBe(1);
      }),
    );
  });

  it('counts whole years of age', () => {
    expect(ageOn('1990-03-07', '2026-03-06')).toBe(35);
    expect(ageOn('1990-03-07', '2026-03-07')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});
