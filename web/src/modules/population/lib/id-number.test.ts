import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber, shanghaiToday } from './id-number';

// Vectors worked by hand from GB 11643's definition: S = Σ aᵢ·Wᵢ with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// check = [1 0 X 9 8 7 6 5 4 3 2][S mod 11].
//  11010519491231002X (the standard's own example): S = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167,
//    167 mod 11 = 2 → X.
//  440524188001010014 (the standard's other example): S = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195,
//    195 mod 11 = 8 → 4.
//  411602199003150017 (周口川汇区, man): S = 28+9+10+30+0+8+2+9+54+0+0+27+10+25+0+0+2 = 214, 214 mod 11 = 5 → 7.
//  411602198507050023 (woman, sequence 002): S = 28+9+10+30+0+8+2+9+48+15+0+63+0+25+0+0+4 = 251,
//    251 mod 11 = 9 → 3.
const TODAY = '2026-12-07';

describe('GB 11643 ID numbers', () => {
  it('computes the MOD 11-2 check character of the hand-worked vectors', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(checkCharacter('41160219900315001')).toBe('7');
    expect(checkCharacter('41160219850705002')).toBe('3');
  });

  it('accepts a valid number and derives birth date and sex', () => {
    expect(checkIdNumber('411602199003150017', TODAY)).toEqual({
      ok: true,
      idNumber: '411602199003150017',
      birthDate: '1990-03-15',
      sex: 'male',
    });
    expect(checkIdNumber('411602198507050023', TODAY)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('takes a lower-case x and stray spaces as typed on a phone', () => {
    expect(checkIdNumber(' 110105 19491231 002x ', TODAY)).toMatchObject({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('411602199003150018', TODAY)).toEqual({ ok: false, message: '身份证号校验位不正确，请核对' });
    expect(checkIdNumber('110105194912310021', TODAY).ok).toBe(false);
  });

  it('refuses a wrong length or letters in the body', () => {
    expect(checkIdNumber('41160219900315001', TODAY)).toEqual({ ok: false, message: '身份证号应为 18 位，当前 17 位' });
    expect(checkIdNumber('4116021990031500A7', TODAY).ok).toBe(false);
  });

  it('refuses a birth date that does not exist', () => {
    // 1990-02-30; the check character is right for the body (S = 28+9+10+30+0+8+2+9+54+0+0+18+30+0+0+0+2 = 200, 200 mod 11 = 2 → X), so only the date is wrong.
    expect(checkCharacter('41160219900230001')).toBe('X');
    expect(checkIdNumber('41160219900230001X', TODAY)).toEqual({ ok: false, message: '身份证号中的出生日期不存在' });
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    // Born 2026-12-08: S = 28+9+10+30+0+8+4+0+12+18+7+18+0+40+0+0+2 = 186, 186 mod 11 = 10 → 2.
    expect(checkCharacter('41160220261208001')).toBe('2');
    expect(checkIdNumber('411602202612080012', TODAY)).toEqual({ ok: false, message: '身份证号中的出生日期晚于今天' });
    expect(checkIdNumber('411602202612080012', '2026-12-08').ok).toBe(true);
  });

  it('gives the day in Asia/Shanghai, not the PC zone', () => {
    expect(shanghaiToday(new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08');
    expect(shanghaiToday(new Date('2026-12-07T15:30:00Z'))).toBe('2026-12-07');
  });
});
