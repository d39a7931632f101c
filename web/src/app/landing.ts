/**
 * Where an account lands after signing in. On a phone (a narrow screen or a mobile browser) each role
 * lands on its phone page: the grid worker on /m, a handling unit's crew on 处置通 (/m/crew); office
 * roles, and everyone at a desk, on the console's 工作台. A link the user followed to the login page
 * (?redirect=…) wins over all of this.
 */
import type { Me } from '../modules/auth/api';
import { phoneHomeOf } from '../modules/mobile/home';

const PHONE_UA = /Android|iPhone|iPod|iPad|Mobile|HarmonyOS|MicroMessenger/i;
const PHONE_WIDTH = '(max-width: 768px)';

/** A phone (or a small tablet held upright): mobile user agent or a narrow viewport. */
export function isPhone(): boolean {
  if (typeof window === 'undefined') return false;
  const narrow = typeof window.matchMedia === 'function' && window.matchMedia(PHONE_WIDTH).matches;
  return narrow || PHONE_UA.test(navigator.userAgent);
}

/** The page to open after login: `redirect` when the user came from a link, else the role's home here. */
export function landingPath(me: Pick<Me, 'roles'>, redirect: string, phone = isPhone()): string {
  if (redirect !== '/') return redirect;
  return (phone && phoneHomeOf(me)) || '/';
}
