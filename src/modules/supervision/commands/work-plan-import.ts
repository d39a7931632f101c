import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { DomainError, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import { readSheet, rowProblem, type SheetRow } from '../../../kernel/xlsx/read-sheet.js';
import { TaskBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { createTask } from './create-task.js';

/** The columns of a 工作要点 sheet, as offices type them. 上级序号 nests a row under another (任务分解). */
export const WORK_PLAN_COLUMNS = [
  { header: '序号', key: 'no', width: 6 },
  { header: '任务名称', key: 'title', width: 40, required: true },
  { header: '牵头领导', key: 'leader', width: 14 },
  { header: '牵头单位', key: 'leadUnit', width: 22, required: true },
  { header: '配合单位', key: 'coop', width: 28 },
  { header: '开始日期', key: 'start', width: 12, required: true },
  { header: '完成时限', key: 'deadline', width: 12, required: true },
  { header: '时间节点', key: 'milestones', width: 44 },
  { header: '报送周期', key: 'cadence', width: 10 },
  { header: '上级序号', key: 'parentNo', width: 8 },
] as const;

type Key = (typeof WORK_PLAN_COLUMNS)[number]['key'];

export function workPlanTemplate(year: number): XlsxSheet {
  const examples: Record<Key, string>[] = [
    {
      no: '1',
      title: '创建全国文明城市，完成年度测评迎检',
      leader: '',
      leadUnit: '川汇区城市管理局',
      coop: '城北街道办事处、陈州街道办事处',
      start: `${year}-01-01`,
      deadline: `${year}-12-31`,
      milestones: `${year}-03-31 制定实施方案；${year}-09-30 完成中期自查`,
      cadence: '每月',
      parentNo: '',
    },
    {
      no: '2',
      title: '背街小巷空中线缆整治',
      leader: '',
      leadUnit: '城北街道办事处',
      coop: '',
      start: `${year}-02-01`,
      deadline: `${year}-06-30`,
      milestones: `${year}-04-30 完成摸底`,
      cadence: '每周',
      parentNo: '1',
    },
  ];
  async function* rows() {
    for (const e of examples) yield e;
  }
  return {
    sheetName: '工作要点',
    title: `${year} 年工作要点任务分解表`,
    subtitle:
      '时间节点写作“日期 名称”，多个用分号隔开；报送周期：每周、每月、每N天或留空；上级序号填写本表中上级任务的序号',
    columns: WORK_PLAN_COLUMNS.map((c) => ({ ...c })),
    rows: rows(),
  };
}

/** Reads the sheet's rows under the header row that has 任务名称. */
export function readWorkPlan(buffer: Buffer): Promise<SheetRow<Key>[]> {
  return readSheet(buffer, WORK_PLAN_COLUMNS, { marker: '任务名称', maxRows: 2000 });
}

function parseMilestones(text: string): { title: string; due: string }[] | null {
  if (!text) return [];
  const parts = text
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: { title: string; due: string }[] = [];
  for (const p of parts) {
    const m = /^(\d{4}-\d{1,2}-\d{1,2})\s*(.*)$/.exec(p);
    if (!m || !m[2]) return null;
    const [y, mo, d] = m[1].split('-');
    out.push({ due: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`, title: m[2].trim() });
  }
  return out;
}

function parseCadence(text: string, start: string) {
  const firstDue = (days: number) =>
    new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  if (!text || text === '无') return { ok: true as const, cadence: null };
  if (text === '每周') return { ok: true as const, cadence: { kind: 'weekly' as const, firstDue: firstDue(6) } };
  if (text === '每月') {
    const d = new Date(`${start}T00:00:00Z`);
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    return { ok: true as const, cadence: { kind: 'monthly' as const, firstDue: end } };
  }
  const m = /^每\s*(\d+)\s*天$/.exec(text);
  if (m)
    return {
      ok: true as const,
      cadence: { kind: 'every_n_days' as const, days: Number(m[1]), firstDue: firstDue(Number(m[1]) - 1) },
    };
  return { ok: false as const };
}

/**
 * Imports a 工作要点 sheet into tasks, all or nothing: every row is checked (units and leaders by
 * name, dates, milestones, nesting) and any problem names its row and column; nothing is saved then.
 */
export async function importWorkPlan(deps: SupervisionDeps, actor: Actor, buffer: Buffer, requestId?: string) {
  authorize(actor, 'task.manage');
  const rows = await readWorkPlan(buffer);
  const db = deps.database.db;
  const leaders = await deps.org.accountsWithRole(db, actor.districtCode, 'district_leader');
  const problems: FieldProblem[] = [];
  const at = (i: number, col: string) => `rows[${rows[i].rowNumber}].${col}`;
  const unitId = async (name: string, i: number, col: string) => {
    const u = await deps.org.unitByName(db, actor.districtCode, name);
    if (!u) problems.push(rowProblem(at(i, col), rows[i].rowNumber, 'import.unit_unknown', { name }));
    return u?.id;
  };
  const numbers = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.cells.no) {
      if (numbers.has(r.cells.no))
        problems.push(rowProblem(at(i, '序号'), r.rowNumber, 'import.number_repeated', { no: r.cells.no }));
      numbers.set(r.cells.no, i);
    }
  });
  const bodies: { body: ReturnType<typeof TaskBody.parse>; parentIndex: number | null }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i].cells;
    const row = rows[i].rowNumber;
    const lead = c.leadUnit
      ? await unitId(c.leadUnit, i, '牵头单位')
      : (problems.push(rowProblem(at(i, '牵头单位'), row, 'import.lead_unit_required')), undefined);
    const coop: string[] = [];
    for (const name of c.coop.split(/[、,，;；\s]+/).filter(Boolean)) {
      const id = await unitId(name, i, '配合单位');
      if (id) coop.push(id);
    }
    let leaderId: string | null = null;
    if (c.leader) {
      const l = leaders.find((x) => x.name === c.leader);
      if (!l) problems.push(rowProblem(at(i, '牵头领导'), row, 'import.leader_unknown', { name: c.leader }));
      else leaderId = l.id;
    }
    const milestones = parseMilestones(c.milestones);
    if (!milestones) problems.push(rowProblem(at(i, '时间节点'), row, 'import.milestones_format'));
    const cad = parseCadence(c.cadence, c.start);
    if (!cad.ok) problems.push(rowProblem(at(i, '报送周期'), row, 'import.cadence_format'));
    let parentIndex: number | null = null;
    if (c.parentNo) {
      const p = numbers.get(c.parentNo);
      if (p === undefined || p >= i)
        problems.push(rowProblem(at(i, '上级序号'), row, 'import.parent_number', { no: c.parentNo }));
      else parentIndex = p;
    }
    const parsed = TaskBody.safeParse({
      title: c.title,
      leadUnitId: lead ?? '00000000-0000-7000-8000-000000000000',
      cooperatingUnitIds: coop,
      leadLeaderId: leaderId,
      start: c.start,
      deadline: c.deadline,
      milestones: milestones ?? [],
      cadence: cad.ok ? cad.cadence : null,
    });
    if (!parsed.success) {
      const names: Record<string, string> = { title: '任务名称', start: '开始日期', deadline: '完成时限' };
      for (const issue of parsed.error.issues)
        problems.push({
          field: at(i, names[String(issue.path[0])] ?? String(issue.path[0])),
          message: `第 ${row} 行：${names[String(issue.path[0])] ?? issue.path.join('.')} ${issue.message}`,
        });
    } else bodies.push({ body: parsed.data, parentIndex });
  }
  if (problems.length) throw new Invalid('supervision.import_invalid', problems[0].message, problems);
  const now = deps.clock.now();
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const { body, parentIndex } = bodies[i];
      try {
        ids.push(
          await createTask(
            deps,
            actor,
            { ...body, parentId: parentIndex === null ? null : ids[parentIndex] },
            requestId,
            trx,
          ),
        );
      } catch (err) {
        if (err instanceof DomainError && err.kind === 'invalid') {
          const row = rows[i].rowNumber;
          const problems = err.errors.map((e) => ({
            field: `rows[${row}].${e.field}`,
            code: 'import.at_row',
            params: { ...e.params, row, of: e.code ?? '', message: e.message },
            message: `第 ${row} 行：${e.message}`,
          }));
          // When the task's error is summarised by its first problem, so is this one (see messages.zh.ts).
          throw new Invalid('supervision.import_invalid', `第 ${row} 行：${err.message}`, problems);
        }
        throw err;
      }
    }
    await recordAudit(trx, {
      actor,
      action: 'task.import',
      entityType: 'task',
      entityId: ids[0],
      at: now,
      requestId,
      summary: `导入工作要点 ${ids.length} 项`,
    });
    return {
      created: ids.length,
      items: ids.map((id, i) => ({ row: rows[i].rowNumber, title: bodies[i].body.title, id })),
    };
  });
}
