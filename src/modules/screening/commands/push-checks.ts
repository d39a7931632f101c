import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { cellField, readSheet, rowProblem } from '../../../kernel/xlsx/read-sheet.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import type { ScrCheckTable } from '../../../kernel/db/schema.js';
import { notify } from '../../inbox/index.js';
import { screeningLookups } from '../../population/index.js';
import type { ScreeningDeps } from '../deps.js';
import { dueAt, routeCheck } from '../domain/check-rules.js';
import { screeningStore } from '../store/screening.store.js';
import { managedCampaign, requireOpen } from './campaign-access.js';

/** The columns of a pushed-down 协查 list: one row a person. */
export const CHECK_SHEET_COLUMNS = [
  { header: '姓名', key: 'name', width: 10, required: true },
  { header: '身份证号', key: 'idNumber', width: 22, required: true },
  { header: '电话', key: 'phone', width: 14 },
  { header: '住址', key: 'address', width: 30 },
  { header: '社区', key: 'community', width: 14 },
  { header: '备注', key: 'remark', width: 30 },
] as const;
type Key = (typeof CHECK_SHEET_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(CHECK_SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
export const CHECK_IMPORT_MAX_ROWS = 5000;
const COMMUNITY_KINDS = new Set(['community', 'village']);

export function checkSheetTemplate(exampleCommunity: string): XlsxSheet {
  const example: Record<Key, string> = {
    name: '张丽华',
    idNumber: '',
    phone: '',
    address: '金海路12号院3号楼2单元301',
    community: exampleCommunity,
    remark: '12月5日自外地返回',
  };
  async function* rows() {
    yield example;
  }
  return {
    sheetName: '协查名单',
    title: '协查名单导入表',
    subtitle:
      '每行一人，姓名和身份证号必填。身份证号在本区居民台账中的，自动分派至其住户所在社区；否则按“社区”列分派；' +
      '都没有的，留在本次排查的范围单位，由街道人工分派。每条须在下发后 24 小时内答复',
    columns: CHECK_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    rows: rows(),
  };
}

/** The community (or village) above a grid path, among the units given. */
function communityOnPath(path: string, units: ReadonlyMap<string, { id: string; kind: string; path: string }>) {
  const segs = path.split('/').filter(Boolean);
  for (let i = segs.length - 1; i >= 0; i--) {
    const u = units.get(segs[i]!);
    if (u && COMMUNITY_KINDS.has(u.kind)) return { id: u.id, path: u.path };
  }
  return null;
}

/**
 * Pushes a 协查 list down (an .xlsx sheet), all or nothing: every row checked first (name, ID number by
 * GB 11643, phone, a 社区 that lies in the campaign, an ID number twice in the sheet), every problem
 * naming its row and column. A clean sheet becomes one item a row, routed (household's community, the
 * sheet's 社区, else the campaign's scope unit), each due 24 hours after now; the owners are told.
 */
export async function pushChecks(
  deps: ScreeningDeps,
  actor: Actor,
  campaignId: string,
  buffer: Buffer,
  batchName: string | undefined,
  requestId?: string,
) {
  const db = deps.database.db;
  const campaign = await managedCampaign(db, actor, campaignId);
  requireOpen(campaign);
  const rows = await readSheet(buffer, CHECK_SHEET_COLUMNS, { marker: '身份证号', maxRows: CHECK_IMPORT_MAX_ROWS });
  const today = localDateOf(deps.clock.now());
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  const communities = new Map<string, { id: string; path: string } | null>();
  const parsed: {
    row: number;
    c: Record<Key, string>;
    idNumber: string;
    community: { id: string; path: string } | null;
  }[] = [];
  for (const { rowNumber: row, cells: c } of rows) {
    const bad = (key: Key, of: string, params: Record<string, string> = {}) =>
      problems.push(rowProblem(cellField(row, HEADER[key]), row, of, params));
    if (!c.name) bad('name', 'import.cell_required', { column: HEADER.name });
    else if (c.name.length > 50) bad('name', 'import.cell_too_long', { max: '50' });
    let idNumber = '';
    if (!c.idNumber) bad('idNumber', 'import.cell_required', { column: HEADER.idNumber });
    else {
      const check = screeningLookups.checkIdNumber(c.idNumber, today);
      if (!check.ok) bad('idNumber', `resident.id_${check.problem}`);
      else {
        idNumber = check.idNumber;
        const first = seen.get(idNumber);
        if (first !== undefined) bad('idNumber', 'import.id_repeated', { row: String(first) });
        else seen.set(idNumber, row);
      }
    }
    if (c.phone && !/^[0-9+\-() ]{5,20}$/.test(c.phone)) bad('phone', 'import.phone_format');
    if (c.address.length > 200) bad('address', 'import.cell_too_long', { max: '200' });
    if (c.remark.length > 500) bad('remark', 'import.cell_too_long', { max: '500' });
    if (c.community && !communities.has(c.community)) {
      const u = await deps.org.unitByName(db, actor.districtCode, c.community);
      communities.set(
        c.community,
        u && COMMUNITY_KINDS.has(u.kind) && u.path.startsWith(campaign.scope_path) ? { id: u.id, path: u.path } : null,
      );
    }
    const community = c.community ? communities.get(c.community)! : null;
    if (c.community && !community) bad('community', 'screening.community_unknown', { name: c.community });
    parsed.push({ row, c, idNumber, community });
  }
  if (problems.length) throw new Invalid('import.rows_invalid', `${problems.length} problems`, problems);

  // Who the district already knows, and the communities of their households (read before writing).
  const known = await screeningLookups.residentsByIdNumbers(db, deps.database.dialect, actor.districtCode, [
    ...seen.keys(),
  ]);
  const pathUnits = await deps.org.unitsByIds(db, [
    ...new Set([...known.values()].flatMap((k) => k.gridPath.split('/').filter(Boolean))),
  ]);
  const now = deps.clock.now();
  const at = now.toISOString();
  const batchId = newId(now.getTime());
  const name = batchName?.trim() || `${formatLocalDateTime(now, deps.timeZone)} 下发`;
  const routed = { household: 0, column: 0, scope: 0 };
  const items: ScrCheckTable[] = parsed.map(({ row, c, idNumber, community }) => {
    const k = known.get(idNumber);
    const r = routeCheck({
      householdCommunity: k ? communityOnPath(k.gridPath, pathUnits) : null,
      columnCommunity: community,
      scopeUnit: { id: campaign.scope_unit_id, path: campaign.scope_path },
    });
    routed[r.routedBy as keyof typeof routed]++;
    return {
      id: newId(now.getTime()),
      campaign_id: campaign.id,
      district_code: campaign.district_code,
      batch_id: batchId,
      batch_name: name.slice(0, 100),
      row_number: row,
      name: c.name,
      id_number: idNumber,
      phone: c.phone || null,
      address: c.address || null,
      remark: c.remark || null,
      owner_unit_id: r.unitId,
      owner_path: r.path,
      routed_by: r.routedBy,
      pushed_by: actor.accountId,
      pushed_at: at,
      due_at: dueAt(at),
      status: 'pending',
      answered_at: null,
      answered_by: null,
      answer_note: null,
      entry_id: null,
      escalation: 0,
      escalated_at: null,
    };
  });
  // The owners to tell, read before the transaction (org's directory may load on first use).
  const owners = new Map<string, { path: string; n: number }>();
  for (const i of items) {
    const o = owners.get(i.owner_unit_id) ?? { path: i.owner_path, n: 0 };
    o.n++;
    owners.set(i.owner_unit_id, o);
  }
  const addressees = new Map<string, string[]>();
  for (const [unitId, o] of owners)
    addressees.set(
      unitId,
      (await deps.org.accountsCovering(db, o.path, ['community_worker', 'subdistrict_staff']))
        .filter((a) => a.unitId === unitId)
        .map((a) => a.id),
    );
  await db.transaction().execute(async (trx) => {
    await screeningStore.insertChecks(trx, items);
    for (const [unitId, o] of owners)
      await notify(trx, {
        accountIds: addressees.get(unitId) ?? [],
        districtCode: campaign.district_code,
        kind: 'screening.checks_pushed',
        title: `【协查】${campaign.name}：${o.n} 人待核查`,
        body: `上级下发协查名单「${name}」，请于 ${formatLocalDateTime(new Date(dueAt(at)), deps.timeZone)} 前逐一答复（已找到 / 未找到 / 不在本区 / 已离开）。`,
        entityType: 'screening_campaign',
        entityId: campaign.id,
        at: now,
      });
    await recordAudit(trx, {
      actor,
      action: 'screening.checks_push',
      entityType: 'screening_campaign',
      entityId: campaign.id,
      summary: `「${campaign.name}」下发协查名单「${name}」${items.length} 人`,
      after: { batchId, count: items.length, routed },
      requestId,
      at: now,
    });
  });
  return { batchId, count: items.length, routed };
}
