// 公民身份号码 (GB 11643-1999): 6 address digits (GB/T 2260), 8 birth-date digits (YYYYMMDD), a 3-digit
// sequence whose last digit is odd for men and even for women, and a check character computed with
// ISO 7064 MOD 11-2. Pure: today's date comes in as an argument. See docs/people-and-places.md.

/** Weights of the 17 body digits: 2^(17-i) mod 11, i = 0 … 16 from the left. */
export const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for S mod 11 = 0 … 10: (12 − S mod 11) mod 11, with 10 written X. */
export const ID_CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The province-level codes of GB/T 2260 (first two digits of the address code). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'birth_date' | 'birth_future' | 'checksum';

export type IdNumberCheck =
  { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' } | { ok: false; problem: IdNumberProblem };

export function idCheckChar(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[s % 11]!;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/**
 * Checks an 18-character ID number and reads the birth date and sex from it. `today` is the local
 * calendar day (YYYY-MM-DD, Asia/Shanghai): a birth date after it is refused. A lower-case x is taken
 * as X; 15-digit numbers of the first generation are refused (they carry no check character).
 */
export function checkIdNumber(raw: string, today: string): IdNumberCheck {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'characters' };
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return { ok: false, problem: 'region' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1880 || !isCalendarDate(y, m, d)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'birth_future' };
  if (idCheckChar(id) !== id[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Whole years from a birth date to a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
