import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import {
  HOUSEHOLD_RELATION_NAMES,
  RESIDENCE_KIND_NAMES,
  RESIDENT_STATUS_NAMES,
  SEX_NAMES,
  type ResidentExportQuery,
} from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { presentResident } from '../http/population.presenter.js';
import { residentStore } from '../store/resident.store.js';
import { scopeOf } from './place-context.js';
import { residentViews } from './resident-access.js';

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'sex', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '电话', key: 'phone', width: 14 },
  { header: '社区', key: 'community', width: 14 },
  { header: '网格', key: 'grid', width: 20 },
  { header: '门牌', key: 'address', width: 30 },
  { header: '与户主关系', key: 'relation', width: 10 },
  { header: '人口类型', key: 'kind', width: 10 },
  { header: '标签', key: 'tags', width: 20 },
  { header: '状态', key: 'status', width: 8 },
];
const BATCH = 1000;

/**
 * The residents of a unit's subtree as an .xlsx sheet, in name order, streamed. ID numbers and phones
 * stay masked unless the caller may reveal them (resident.reveal) and asks, with a reason: then the
 * export is audited with its reason and filters, in its own transaction before the first row goes out.
 */
export async function exportResidents(
  deps: PopulationDeps,
  actor: Actor,
  query: ResidentExportQuery,
  timeZone: string,
  requestId?: string,
): Promise<{ sheet: XlsxSheet; revealed: boolean }> {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const scope = await scopeOf(deps, db, actor, query.unitId);
  const unit = await deps.org.unit(db, scope.unitId);
  const revealed = !!query.reveal;
  if (revealed) {
    authorize(actor, 'resident.reveal');
    await recordAudit(db, {
      actor,
      action: 'resident.export_full',
      entityType: 'resident',
      entityId: null,
      summary: `导出${unit?.name ?? ''}居民名册（含完整身份证号和电话），事由：${query.reason}`,
      after: { unitId: scope.unitId, tag: query.tag ?? null, status: query.status ?? null },
      requestId,
      at: deps.clock.now(),
    });
  }
  const tags = new Map((await residentStore.tags(db, actor.districtCode)).map((t) => [t.code, t.name]));
  async function* rows() {
    let after: [string, string] | undefined;
    for (;;) {
      const page = await residentStore.page(db, deps.database.dialect, {
        districtCode: actor.districtCode,
        path: scope.path,
        tag: query.tag,
        residenceKind: query.residenceKind,
        status: query.status,
        after,
        limit: BATCH,
      });
      for (const v of await residentViews(deps, db, page, revealed)) {
        const r = presentResident(v);
        yield {
          name: r.name,
          sex: r.sex ? SEX_NAMES[r.sex] : '',
          birthDate: r.birthDate ?? '',
          idNumber: r.idNumber ?? '',
          phone: r.phone ?? '',
          community: r.grid.communityName ?? '',
          grid: r.grid.name,
          address: r.household?.address ?? '',
          relation: r.relation ? HOUSEHOLD_RELATION_NAMES[r.relation] : '',
          kind: RESIDENCE_KIND_NAMES[r.residenceKind],
          tags: r.tags.map((t) => tags.get(t) ?? t).join('、'),
          status: RESIDENT_STATUS_NAMES[r.status],
        };
      }
      if (page.length < BATCH) return;
      const last = page[page.length - 1]!;
      after = [last.name, last.id];
    }
  }
  return {
    revealed,
    sheet: {
      sheetName: '居民名册',
      title: `${unit?.name ?? ''}居民名册`,
      subtitle: `导出时间 ${formatLocalDateTime(deps.clock.now(), timeZone)}${revealed ? '（含完整个人信息，请妥善保管）' : '（身份证号、电话已脱敏）'}`,
      columns: COLUMNS,
      rows: rows(),
    },
  };
}
