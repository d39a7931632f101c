import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.js';
import { serverSecret } from '../../../kernel/privacy/server-secret.js';
import {
  ENTRY_SOURCE_NAMES,
  CHECK_STATUS_NAMES,
  type EntrySource,
  type CheckStatus,
} from '../../../contracts/screening.js';
import type { ScreeningDeps } from '../deps.js';
import { isOverdue } from '../domain/check-rules.js';
import {
  bump,
  canonicalJson,
  PURGED_FIELDS,
  signRecord,
  verifyRecord,
  type PurgeRecord,
} from '../domain/purge-record.js';
import { screeningStore } from '../store/screening.store.js';
import { managedCampaign, visibleCampaign } from './campaign-access.js';

const COMMUNITY_KINDS = new Set(['community', 'village']);

/**
 * Purges a closed campaign's personal data (PIPL: kept no longer than its purpose): its entries, their
 * reporting units and its 协查 items are deleted, in one transaction with the record that stays —
 * counts by community, by source and by answer, what was purged, by whom, when — signed with
 * HMAC-SHA256 under the server secret, and the audit line. The campaign's name must be typed again.
 */
export async function purgeCampaign(
  deps: ScreeningDeps,
  actor: Actor,
  id: string,
  confirmName: string,
  requestId?: string,
) {
  const db = deps.database.db;
  const pre = await managedCampaign(db, actor, id);
  if (pre.status !== 'closed')
    throw new Conflict('screening.purge_not_closed', `the campaign is ${pre.status}`, [
      { field: 'status', code: 'screening.purge_not_closed', message: 'only a closed campaign can be purged' },
    ]);
  if (confirmName.trim() !== pre.name)
    throw new Invalid('screening.purge_confirm_mismatch', 'the name typed is not the campaign’s', [
      { field: 'confirmName', code: 'screening.purge_confirm_mismatch', message: 'type the campaign’s name' },
    ]);
  const secret = serverSecret(deps.serverSecretFile);
  const now = deps.clock.now();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const c = await managedCampaign(trx, actor, id);
    if (c.status !== 'closed') throw new Conflict('screening.purge_not_closed', `the campaign is ${c.status}`);
    const data = await screeningStore.allOfCampaign(trx, id);
    const pathIds = [...new Set(data.entries.flatMap((e) => e.grid_path.split('/').filter(Boolean)))];
    const units = await deps.org.unitsByIds(trx, [...pathIds, c.scope_unit_id]);
    const communityOf = (path: string) => {
      const segs = path.split('/').filter(Boolean);
      for (let i = segs.length - 1; i >= 0; i--) {
        const u = units.get(segs[i]!);
        if (u && COMMUNITY_KINDS.has(u.kind)) return u.name;
      }
      return '（无社区）';
    };
    const counts: PurgeRecord['counts'] = {
      entriesByCommunity: {},
      entriesBySource: {},
      checksByStatus: {},
      checksOverdue: 0,
    };
    for (const e of data.entries) {
      bump(counts.entriesByCommunity, communityOf(e.grid_path));
      bump(counts.entriesBySource, ENTRY_SOURCE_NAMES[e.source as EntrySource] ?? e.source);
    }
    for (const k of data.checks) {
      bump(counts.checksByStatus, CHECK_STATUS_NAMES[k.status as CheckStatus] ?? k.status);
      if (isOverdue({ dueAt: k.due_at, answeredAt: k.answered_at }, c.closed_at ?? at)) counts.checksOverdue++;
    }
    const record: PurgeRecord = {
      version: 1,
      campaign: {
        id: c.id,
        name: c.name,
        scopeUnit: units.get(c.scope_unit_id)?.name ?? '',
        startsOn: c.starts_on,
        endsOn: c.ends_on,
      },
      purgedAt: at,
      purgedBy: { id: actor.accountId, name: actor.displayName },
      purged: {
        entries: data.entries.length,
        reports: data.reports,
        checks: data.checks.length,
        fields: [...PURGED_FIELDS],
      },
      counts,
    };
    const json = canonicalJson(record);
    const signature = signRecord(json, secret);
    await screeningStore.deleteCampaignData(trx, id);
    await screeningStore.updateCampaign(
      trx,
      id,
      { status: 'purged', purged_at: at, purge_record: json, purge_signature: signature },
      'closed',
    );
    await recordAudit(trx, {
      actor,
      action: 'screening.campaign_purge',
      entityType: 'screening_campaign',
      entityId: id,
      summary: `清除排查名单「${c.name}」的个人信息：${data.entries.length} 人、${data.checks.length} 条协查，留存统计与签名记录`,
      after: { signature },
      requestId,
      at: now,
    });
    return { record, recordJson: json, signature, algorithm: 'HMAC-SHA256' as const, verified: true };
  });
}

/** A purged campaign's record as stored, and whether its signature still checks. */
export async function purgeRecordOf(deps: ScreeningDeps, actor: Actor, id: string) {
  authorize(actor, 'screening.read');
  const c = await visibleCampaign(deps.database.db, actor, id);
  if (c.status !== 'purged' || !c.purge_record || !c.purge_signature) throw new NotFound('screening_purge_record', id);
  return {
    record: JSON.parse(c.purge_record) as PurgeRecord,
    recordJson: c.purge_record,
    signature: c.purge_signature,
    algorithm: 'HMAC-SHA256' as const,
    verified: verifyRecord(c.purge_record, c.purge_signature, serverSecret(deps.serverSecretFile)),
  };
}
