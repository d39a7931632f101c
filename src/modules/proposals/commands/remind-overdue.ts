import { recordAudit } from '../../../kernel/audit/audit.js';
import { ROLE_CODES, ROLES, type RoleCode } from '../../../kernel/auth/roles.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { parseProposalState } from '../domain/proposal-state.js';
import type { OpinionStatus } from '../domain/opinion-state.js';
import { overdueOpinionItem, overdueProposalItems, type OverdueItem } from '../domain/overdue.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import { reminderStore } from '../store/reminder.store.js';
import { supervisorStore } from '../store/supervisor.store.js';

/** A unit's workers who answer for it: roles that handle proposals, district leaders and admins aside. */
const HANDLER_ROLES: RoleCode[] = ROLE_CODES.filter(
  (r) => r !== 'admin' && r !== 'district_leader' && ROLES[r].permissions.includes('proposal.handle'),
);
/** The proposals office (提案办 / 督查室): roles that manage proposals, admins aside. */
const OFFICE_ROLES: RoleCode[] = ROLE_CODES.filter(
  (r) => r !== 'admin' && ROLES[r].permissions.includes('proposal.manage'),
);

/** States in which something can be owed: a reply while assigned, commitments until completed. */
const OWING: readonly string[] = ['assigned', 'replied', 'implementing'];

interface Unit {
  unitId: string;
  unitPath: string;
  name: string;
}

/** The accounts of the units themselves (not of the levels above them) and the proposals office. */
async function addressees(deps: ProposalsDeps, ex: Executor, districtCode: string, units: Unit[]): Promise<string[]> {
  const ids: string[] = [];
  for (const u of units) {
    for (const a of await deps.org.accountsCovering(ex, u.unitPath, HANDLER_ROLES))
      if (a.unitId === u.unitId) ids.push(a.id);
  }
  for (const role of OFFICE_ROLES)
    for (const a of await deps.org.accountsWithRole(ex, districtCode, role)) ids.push(a.id);
  return [...new Set(ids)];
}

const sameItem = (a: OverdueItem, b: OverdueItem) => a.item === b.item && a.deadline === b.deadline;

async function remindProposals(
  deps: ProposalsDeps,
  now: Date,
  today: string,
): Promise<{ reminders: number; messages: number }> {
  const db = deps.database.db;
  const rows = await proposalStore.statesInStatus(db, OWING);
  const due = rows
    .map((r) => ({ id: r.id, items: overdueProposalItems(parseProposalState(r.state), today) }))
    .filter((r) => r.items.length);
  const done = await reminderStore.remindedKeys(
    db,
    due.map((r) => r.id),
  );
  let reminders = 0;
  let messages = 0;
  for (const { id, items } of due) {
    for (const item of items.filter((i) => !done.has(`${id} ${i.item} ${i.deadline}`))) {
      await db.transaction().execute(async (trx) => {
        // The proposal may have moved since the scan (a reply came in): judge it again as it is now.
        const row = await proposalStore.findById(trx, id);
        if (!row || !overdueProposalItems(parseProposalState(row.state), today).some((i) => sameItem(i, item))) return;
        const main = (await proposalStore.handlers(trx, [id]))
          .filter((h) => h.role === 'main')
          .map((h) => ({ unitId: h.unit_id, unitPath: h.unit_path, name: h.unit_name }));
        const to = await addressees(deps, trx, row.district_code, main);
        if (
          !(await reminderStore.claim(trx, {
            subject_id: id,
            item: item.item,
            deadline: item.deadline,
            subject_type: 'proposal',
            district_code: row.district_code,
            recipients: to.length,
            sent_at: now.toISOString(),
          }))
        )
          return;
        const units = main.map((u) => u.name).join('、') || '主办单位';
        const [title, body, summary] =
          item.what === 'reply'
            ? [
                `【提案答复逾期】${row.number}《${row.title}》`,
                `答复期限 ${item.deadline}，${units}至今未答复，请抓紧办理。`,
                `提案答复逾期提醒：${units}，期限 ${item.deadline}`,
              ]
            : [
                `【落实事项逾期】${row.number}《${row.title}》`,
                `落实事项「${item.title}」期限 ${item.deadline}，${units}至今未完成，请抓紧落实。`,
                `落实事项「${item.title}」逾期提醒：${units}，期限 ${item.deadline}`,
              ];
        await notify(trx, {
          accountIds: to,
          districtCode: row.district_code,
          kind: `proposal.${item.what}_overdue`,
          title,
          body,
          entityType: 'proposal',
          entityId: id,
          at: now,
        });
        if (deps.enqueueEvent) {
          await deps.enqueueEvent(trx, {
            districtCode: row.district_code,
            type: 'proposal.overdue',
            at: now,
            payload: {
              proposalId: id,
              number: row.number,
              what: item.what,
              item: item.item,
              deadline: item.deadline,
              mainHandlerIds: main.map((u) => u.unitId),
            },
            text: `${title}：${body}`,
          });
        }
        await recordAudit(trx, {
          actor: null,
          districtCode: row.district_code,
          action: 'proposal.overdue_reminder',
          entityType: 'proposal',
          entityId: id,
          at: now,
          summary: `${summary}，提醒 ${to.length} 人`,
        });
        reminders++;
        messages += to.length;
      });
    }
  }
  return { reminders, messages };
}

async function remindOpinions(
  deps: ProposalsDeps,
  now: Date,
  today: string,
): Promise<{ reminders: number; messages: number }> {
  const db = deps.database.db;
  const rows = await supervisorStore.openOpinionsDueBefore(db, today);
  const due = rows.flatMap((r) => {
    const item = overdueOpinionItem({ status: r.status as OpinionStatus, deadline: r.deadline }, today);
    return item ? [{ id: r.id, item }] : [];
  });
  const done = await reminderStore.remindedKeys(
    db,
    due.map((r) => r.id),
  );
  let reminders = 0;
  let messages = 0;
  for (const { id, item } of due.filter((d) => !done.has(`${d.id} ${d.item.item} ${d.item.deadline}`))) {
    await db.transaction().execute(async (trx) => {
      const o = await supervisorStore.opinionRow(trx, id);
      const current = o && overdueOpinionItem({ status: o.status as OpinionStatus, deadline: o.deadline }, today);
      if (!o || !current || !sameItem(current, item) || !o.responsible_unit_id || !o.responsible_unit_path) return;
      const unit = {
        unitId: o.responsible_unit_id,
        unitPath: o.responsible_unit_path,
        name: o.responsible_unit_name ?? '责任单位',
      };
      const to = await addressees(deps, trx, o.district_code, [unit]);
      if (
        !(await reminderStore.claim(trx, {
          subject_id: id,
          item: item.item,
          deadline: item.deadline,
          subject_type: 'supervisor_opinion',
          district_code: o.district_code,
          recipients: to.length,
          sent_at: now.toISOString(),
        }))
      )
        return;
      const excerpt = o.text.length > 100 ? `${o.text.slice(0, 99)}…` : o.text;
      const title = `【监督意见逾期】${unit.name}`;
      const body = `民主监督员意见：${excerpt}\n办理期限 ${item.deadline}，${unit.name}至今未答复，请抓紧办理。`;
      await notify(trx, {
        accountIds: to,
        districtCode: o.district_code,
        kind: 'supervisor_opinion.overdue',
        title,
        body,
        entityType: 'supervisor_opinion',
        entityId: id,
        at: now,
      });
      if (deps.enqueueEvent) {
        await deps.enqueueEvent(trx, {
          districtCode: o.district_code,
          type: 'supervisor_opinion.overdue',
          at: now,
          payload: { opinionId: id, responsibleUnitId: unit.unitId, deadline: item.deadline },
          text: `${title}：办理期限 ${item.deadline}，至今未答复`,
        });
      }
      await recordAudit(trx, {
        actor: null,
        districtCode: o.district_code,
        action: 'supervisor_opinion.overdue_reminder',
        entityType: 'supervisor_opinion',
        entityId: id,
        at: now,
        summary: `监督意见逾期提醒：${unit.name}，期限 ${item.deadline}，提醒 ${to.length} 人`,
      });
      reminders++;
      messages += to.length;
    });
  }
  return { reminders, messages };
}

/**
 * Reminds once per deadline of each reply, commitment (落实事项) and tracked supervisor opinion that is
 * past its deadline: an inbox message to the responsible unit's accounts and the proposals office, a
 * webhook event, an audit line. Idempotent: what was reminded for its deadline is recorded beside the
 * messages, so another tick or another process sends nothing more.
 */
export async function remindOverdue(deps: ProposalsDeps, now: Date): Promise<{ reminders: number; messages: number }> {
  // Deadlines are district-local dates; every district here is in Asia/Shanghai, as the lists judge them.
  const today = localDateOf(now);
  const p = await remindProposals(deps, now, today);
  const o = await remindOpinions(deps, now, today);
  return { reminders: p.reminders + o.reminders, messages: p.messages + o.messages };
}

export function proposalReminderJob(deps: ProposalsDeps): Job {
  return { name: 'proposals.overdue', everyMs: 15 * 60_000, run: (now) => remindOverdue(deps, now) };
}
