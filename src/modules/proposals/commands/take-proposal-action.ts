import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Forbidden, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { isDate, localDateOf } from '../../../kernel/calendar/index.js';
import {
  applyProposalAction,
  InvalidProposalTransition,
  proposalKind,
  SATISFACTION_NAMES,
  type ProposalAction,
  type ProposalState,
  type Satisfaction,
} from '../domain/proposal-state.js';
import { mayTake, PROPOSAL_COMMAND_NAMES, stateAllows, type ProposalCommand } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import {
  accountByUsername,
  checkOwnFiles,
  loadVisibleProposal,
  recordOf,
  type LoadedProposal,
} from './proposal-context.js';

export type ProposalCommandInput = (
  | { type: 'assign'; mainHandlerIds: string[]; assistingHandlerIds: string[]; replyDeadline: string }
  | { type: 'mark_key'; leaderUsername: string }
  | { type: 'reply'; summary: string; fileIds?: string[] }
  | { type: 'add_commitment'; title: string; deadline: string }
  | { type: 'complete_commitment'; index: number; fileIds: string[]; note?: string }
  | { type: 'complete'; comment?: string }
  | { type: 'rate'; satisfaction: Satisfaction; comment?: string }
  | { type: 'report_progress'; text: string; fileIds?: string[] }
  | { type: 'hear_progress'; reportSeq: number; comment?: string }
) & {
  /** The version the caller saw; a proposal changed since answers 409 and changes nothing. */
  expectedVersion?: number;
};

const versionConflict = () => new Conflict('proposal.version_conflict', '该提案刚刚被其他人处理过，请刷新后再操作');

const REFUSALS: Record<ProposalCommand, [string, string]> = {
  assign: ['proposal.not_office', '只有督查室（提案管理）可以交办提案'],
  mark_key: ['proposal.not_office', '只有督查室（提案管理）可以确定重点提案'],
  reply: ['proposal.not_main_handler', '只有主办单位可以答复提案'],
  add_commitment: ['proposal.not_main_handler', '只有主办单位可以增加落实事项'],
  complete_commitment: ['proposal.not_main_handler', '只有主办单位可以报送落实情况'],
  complete: ['proposal.not_main_handler', '只有主办单位可以办结提案'],
  rate: ['proposal.not_proposer', '只有提案人可以评价办理结果'],
  report_progress: ['proposal.not_handler', '只有承办单位可以汇报办理进展'],
  hear_progress: ['proposal.not_leader', '只有牵头督办领导可以听取汇报'],
};

/** Builds the row's new columns and the action's record; throws a problem if the input is refused. */
async function prepare(
  deps: ProposalsDeps,
  trx: Executor,
  actor: Actor,
  p: LoadedProposal,
  input: ProposalCommandInput,
  now: Date,
) {
  const today = localDateOf(now);
  const ctx = { actor: { accountId: actor.accountId }, now };
  const step = (a: ProposalAction, retired?: Set<string>) =>
    applyProposalAction(p.state, a, { ...ctx, retiredUnitIds: retired });
  switch (input.type) {
    case 'assign': {
      const ids = [...input.mainHandlerIds, ...input.assistingHandlerIds];
      const units = await deps.org.unitsByIds(trx, ids);
      const problems: FieldProblem[] = [];
      const check = (list: string[], field: string) =>
        list.forEach((u, i) => {
          const unit = units.get(u);
          if (!unit || unit.districtCode !== actor.districtCode)
            problems.push({ field: `${field}[${i}]`, message: `单位 ${u} 不存在` });
        });
      check(input.mainHandlerIds, 'mainHandlerIds');
      check(input.assistingHandlerIds, 'assistingHandlerIds');
      if (isDate(input.replyDeadline) && input.replyDeadline < p.row.submitted_on) {
        problems.push({ field: 'replyDeadline', message: `答复期限不能早于提案提交日期 ${p.row.submitted_on}` });
      }
      if (problems.length) throw new Invalid('proposal.invalid_assignment', problems[0].message, problems);
      const retired = new Set([...units.values()].filter((u) => u.status !== 'active').map((u) => u.id));
      const state = step(
        {
          type: 'assign',
          mainHandlerIds: input.mainHandlerIds,
          assistingHandlerIds: input.assistingHandlerIds,
          replyDeadline: input.replyDeadline,
        },
        retired,
      );
      const handlers = ids.map((u, i) => {
        const unit = units.get(u)!;
        return {
          proposal_id: p.row.id,
          unit_id: u,
          district_code: p.row.district_code,
          unit_path: unit.path,
          unit_name: unit.name,
          role: i < input.mainHandlerIds.length ? 'main' : 'assisting',
        };
      });
      const names = (list: string[]) => list.map((u) => units.get(u)!.name);
      return {
        state,
        handlers,
        record: {
          mainHandlers: names(input.mainHandlerIds),
          assistingHandlers: names(input.assistingHandlerIds),
          replyDeadline: input.replyDeadline,
        },
        summary: `主办：${names(input.mainHandlerIds).join('、')}，答复期限 ${input.replyDeadline}`,
      };
    }
    case 'mark_key': {
      const leader = await accountByUsername(
        deps,
        trx,
        actor.districtCode,
        input.leaderUsername,
        'leaderUsername',
        'district_leader',
      );
      return {
        state: p.state,
        leader: { id: leader.accountId, name: leader.displayName },
        record: { leaderId: leader.accountId, leaderName: leader.displayName },
        summary: `牵头督办领导：${leader.displayName}`,
      };
    }
    case 'reply': {
      await checkOwnFiles(trx, actor, input.fileIds ?? []);
      return {
        state: step({ type: 'reply', summary: input.summary }),
        record: { summary: input.summary, fileIds: input.fileIds ?? [] },
        summary: input.summary,
      };
    }
    case 'add_commitment':
      return {
        state: step({ type: 'add_commitment', title: input.title, deadline: input.deadline }),
        record: { title: input.title, deadline: input.deadline },
        summary: `${input.title}（${input.deadline} 前）`,
      };
    case 'complete_commitment': {
      const c = p.state.commitments[input.index];
      if (c === undefined)
        throw new Invalid('proposal.invalid_commitment', '没有这项落实事项', [
          { field: 'index', message: '没有这项落实事项' },
        ]);
      if (!input.fileIds.length)
        throw new Invalid('proposal.evidence_required', '落实事项需附佐证材料', [
          { field: 'fileIds', message: '至少上传一份佐证材料' },
        ]);
      await checkOwnFiles(trx, actor, input.fileIds);
      const state = step({ type: 'complete_commitment', index: input.index, evidenceCount: input.fileIds.length });
      return {
        state,
        record: { index: input.index, title: c.title, fileIds: input.fileIds, note: input.note ?? null },
        summary: `${c.title}已完成${input.note ? `：${input.note}` : ''}`,
      };
    }
    case 'complete':
      return {
        state: step({ type: 'complete' }),
        record: { comment: input.comment ?? null },
        summary: input.comment ?? '提案办结',
      };
    case 'rate':
      return {
        state: step({ type: 'rate', satisfaction: input.satisfaction }),
        record: { satisfaction: input.satisfaction, comment: input.comment ?? null },
        summary: `${SATISFACTION_NAMES[input.satisfaction]}${input.comment ? `：${input.comment}` : ''}`,
      };
    case 'report_progress':
      await checkOwnFiles(trx, actor, input.fileIds ?? []);
      return { state: p.state, record: { text: input.text, fileIds: input.fileIds ?? [] }, summary: input.text };
    case 'hear_progress': {
      const report = p.actions.find((a) => a.seq === input.reportSeq && a.type === 'report_progress');
      if (!report)
        throw new Invalid('proposal.no_such_report', '没有这份进展汇报', [
          { field: 'reportSeq', message: '没有这份进展汇报' },
        ]);
      if (p.actions.some((a) => a.type === 'hear_progress' && Number(recordOf(a).reportSeq) === input.reportSeq))
        throw new Conflict('proposal.report_heard', '这份汇报已听取');
      return {
        state: p.state,
        record: { reportSeq: input.reportSeq, comment: input.comment ?? null },
        summary: input.comment ?? '已听取汇报',
      };
    }
  }
}

/** Takes one command on a proposal: checks role, scope and state, appends the action, writes the derived row and the audit line. */
export async function takeProposalAction(
  deps: ProposalsDeps,
  actor: Actor,
  id: string,
  input: ProposalCommandInput,
  requestId?: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const p = await loadVisibleProposal(deps, trx, actor, id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== p.row.version) throw versionConflict();
    if (!mayTake(actor, p.facts, input.type)) throw new Forbidden(...REFUSALS[input.type]);
    // The domain names these refusals itself (commitments still open, no such commitment).
    const domainChecks = input.type === 'complete' || input.type === 'complete_commitment';
    if (!domainChecks && !stateAllows(p.facts, input.type)) {
      if (input.type === 'report_progress' || input.type === 'hear_progress') {
        throw new Conflict(
          'proposal.not_key_or_closed',
          p.facts.isKey ? '当前没有可汇报或待听取的进展' : '只有重点提案汇报办理进展',
        );
      }
      throw new InvalidProposalTransition(p.state.status, input.type as ProposalAction['type']);
    }
    const now = deps.clock.now();
    const r = await prepare(deps, trx, actor, p, input, now);
    const next: ProposalState = r.state;
    const version = p.row.version + 1;
    try {
      await proposalStore.appendAction(trx, {
        id: newId(now.getTime()),
        proposal_id: p.row.id,
        district_code: p.row.district_code,
        seq: version,
        type: input.type,
        at: now.toISOString(),
        actor_id: actor.accountId,
        actor_name: actor.displayName,
        record: JSON.stringify(r.record),
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw versionConflict();
      throw err;
    }
    const leader = 'leader' in r ? r.leader : undefined;
    const ok = await proposalStore.updateIfVersion(trx, p.row.id, p.row.version, {
      status: next.status,
      kind: proposalKind(next),
      reply_deadline: next.replyDeadline,
      state: JSON.stringify(next),
      version,
      updated_at: now.toISOString(),
      ...(leader ? { is_key: 1, leader_id: leader.id, leader_name: leader.name } : {}),
    });
    if (!ok) throw versionConflict();
    if ('handlers' in r && r.handlers) await proposalStore.replaceHandlers(trx, p.row.id, r.handlers);
    await recordAudit(trx, {
      actor,
      action: `proposal.${input.type}`,
      entityType: 'proposal',
      entityId: p.row.id,
      at: now,
      requestId,
      summary: `${PROPOSAL_COMMAND_NAMES[input.type]} ${p.row.number}：${r.summary}`,
      before: { status: p.state.status, version: p.row.version },
      after: { status: next.status, version, ...r.record },
    });
  });
}
