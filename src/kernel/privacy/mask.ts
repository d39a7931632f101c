// Masking of personal data in replies (个人信息保护法): the full value only for a role that needs it,
// asked for with a reason and audited by the module that keeps the record.

/** 13912345678 → 139****5678; 0394-8123456 → 0394****456. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 11010519491231002X → 110***********002X: the province and the last four stay, birth date and sequence hide. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
