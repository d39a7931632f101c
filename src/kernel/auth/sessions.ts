import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../db/db.js';
import type { Actor } from './actor.js';
import { isRoleCode, permissionsOf, type RoleCode } from './roles.js';

export const SESSION_COOKIE = 'civicgrid_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export async function createSession(
  ex: Executor,
  input: {
    accountId: string;
    districtCode: string;
    kind: 'session' | 'api_token';
    name?: string;
    now: Date;
    ttlHours: number | null;
  },
): Promise<string> {
  const token = newToken(input.kind === 'session' ? 'cgs' : 'cgt');
  await ex
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      kind: input.kind,
      name: input.name ?? null,
      account_id: input.accountId,
      district_code: input.districtCode,
      created_at: input.now.toISOString(),
      expires_at:
        input.ttlHours === null ? null : new Date(input.now.getTime() + input.ttlHours * 3600_000).toISOString(),
      last_seen_at: input.now.toISOString(),
      revoked_at: null,
    })
    .execute();
  return token;
}

export async function revokeSession(ex: Executor, token: string, now: Date): Promise<void> {
  await ex
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export interface ResolvedSession {
  actor: Actor;
  mustChangePassword: boolean;
  kind: 'session' | 'api_token';
}

/** Turns a cookie or bearer token into the acting account, or null when it is unknown, expired, revoked or disabled. */
export async function resolveToken(ex: Executor, token: string, now: Date): Promise<ResolvedSession | null> {
  const row = await ex
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      's.token_hash',
      's.kind',
      's.expires_at',
      's.revoked_at',
      's.last_seen_at',
      'a.id as account_id',
      'a.username',
      'a.display_name',
      'a.district_code',
      'a.unit_id',
      'a.roles',
      'a.disabled',
      'a.must_change_password',
      'u.path as unit_path',
      'u.status as unit_status',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled) return null;
  if (row.expires_at && row.expires_at <= now.toISOString()) return null;
  // Touch at most once a minute: a read-mostly console should not write on every request.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await ex
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', row.token_hash)
      .execute();
  }
  const roles = (JSON.parse(row.roles) as string[]).filter(isRoleCode) as RoleCode[];
  return {
    kind: row.kind as 'session' | 'api_token',
    // A token of an account that must change its password is refused too (kernel/http/route.ts).
    mustChangePassword: row.must_change_password === 1,
    actor: {
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      districtCode: row.district_code,
      unitId: row.unit_id,
      scopePath: row.unit_path,
      roles,
      permissions: new Set(permissionsOf(roles)),
    },
  };
}
