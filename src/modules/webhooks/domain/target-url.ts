/** An absolute http:// or https:// URL with a host. */
export function isHttpUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
}

// Robot URLs carry their credential in the query (DingTalk access_token, WeCom key).
const SECRET_PARAM = /token|key|secret|sign|auth|pass/i;

/** The URL as the console and the audit log show it: credentials in the query or user info cut to 4 characters. */
export function maskUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return value;
  }
  const cut = (s: string) => (s.length <= 4 ? '****' : `${s.slice(0, 4)}****`);
  if (u.password) u.password = '****';
  for (const [k, v] of [...u.searchParams]) {
    if (SECRET_PARAM.test(k)) u.searchParams.set(k, cut(v));
  }
  return u.toString();
}
