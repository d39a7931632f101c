/**
 * 公民身份号码 (GB 11643-1999), checked on the form before it is sent: 6-digit address code, 8-digit
 * birth date, 3-digit sequence (odd for men, even for women) and the MOD 11-2 check character
 * (ISO 7064). The server checks again and has the last word; this only saves a round trip.
 */

/** Wᵢ = 2^(17−i) mod 11 for the 17 body digits, i = 0 … 16. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for Σ(aᵢ·Wᵢ) mod 11 = 0 … 10. */
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

export type IdCheck =
  { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' } | { ok: false; message: string };

/** The check character the 17 body digits call for. */
export function checkCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Checks an ID number as typed (spaces ignored, x taken as X). `today` is the district's calendar
 * day (YYYY-MM-DD): a birth date after it is refused.
 */
export function checkIdNumber(input: string, today: string): IdCheck {
  const id = input.replace(/\s+/g, '').toUpperCase();
  if (id.length !== 18) return { ok: false, message: `身份证号应为 18 位，当前 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号前 17 位应为数字，末位为数字或 X' };
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return { ok: false, message: '身份证号的地址码不正确' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !realDate(y, m, d)) return { ok: false, message: '身份证号中的出生日期不存在' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, message: '身份证号中的出生日期晚于今天' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号校验位不正确，请核对' };
  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** An antd Form rule: empty passes (the number is optional), anything else must check out. */
export function idNumberRule() {
  return {
    validator: async (_: unknown, value: string | null | undefined) => {
      if (!value || !value.trim()) return;
      const r = checkIdNumber(value, shanghaiToday());
      if (!r.ok) throw new Error(r.message);
    },
  };
}
