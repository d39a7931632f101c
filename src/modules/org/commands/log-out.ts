import { revokeSession } from '../../../kernel/auth/sessions.js';
import type { OrgDeps } from '../deps.js';

export async function logout(deps: OrgDeps, token: string): Promise<void> {
  await revokeSession(deps.database.db, token, deps.clock.now());
}
