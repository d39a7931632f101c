import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Forbidden, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { isDate } from '../../../kernel/calendar/index.js';
import {
  applyProposalAction,
  InvalidProposalTransition,
  proposalKind,
  REPLY_CLASS_NAMES,
  SATISFACTION_NAMES,
  type ProposalAction,
  type ReplyClass,
  type ProposalState,
  type Satisfaction,
} from '../domain/proposal-state.js';
import { mayTake, PROPOSAL_COMMAND_NAMES, stateAllows, type ProposalCommand } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import {
  accountByUsername,
  calendarFor,
  checkOwnFiles,
  loadVisibleProposal,
  recordOf,
  type LoadedProposal,
} from './proposal-context.js';

export type ProposalCommandInput = (
  | { type: 'assign'; mainHandlerIds: string[]; assistingHandlerIds: string[]; replyDeadline?: string }
  | { type: 'mark_key'; leaderUsername: string }
  | { type: 'consult'; on: string; participants: string; outcome: string }
  | { type: 'waive_consultation'; reason: string }
  | { type: 'reply'; summary: string; replyClass: ReplyClass; fileIds?: string[] }
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

const versionConflict = () => new Conflict('proposal.version_conflict', 'the proposal changed meanwhile');

/** Who may not: the refusal's code; its sentence names the command (params.act). */
const REFUSALS: Record<ProposalCommand, string> = {
  assign: 'proposal.not_office',
  mark_key: 'proposal.not_office',
  consult: 'proposal.not_main_handler',
  waive_consultation: 'proposal.not_main_handler',
  reply: 'proposal.not_main_handler',
  add_commitment: 'proposal.not_main_handler',
  complete_commitment: 'proposal.not_main_handler',
  complete: 'proposal.not_main_handler',
  rate: 'proposal.not_proposer',
  report_progress: 'proposal.not_handler',
  hear_progress: 'proposal.not_leader',
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
  const calendar = await calendarFor(deps, trx, actor.districtCode);
  const ctx = { actor: { accountId: actor.accountId }, now, calendar };
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
            problems.push({
              field: `${field}[${i}]`,
              code: 'proposal.unit_missing',
              params: { unit: u },
              message: `no unit ${u}`,
            });
        });
      check(input.mainHandlerIds, 'mainHandlerIds');
      check(input.assistingHandlerIds, 'assistingHandlerIds');
      if (
        input.replyDeadline !== undefined &&
        isDate(input.replyDeadline) &&
        input.replyDeadline < p.row.submitted_on
      ) {
        problems.push({
          field: 'replyDeadline',
          code: 'proposal.reply_deadline_before_submission',
          params: { submittedOn: p.row.submitted_on },
          message: `reply deadline before submission on ${p.row.submitted_on}`,
        });
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
          replyDeadline: state.replyDeadline,
          /** The deadline was the rules' default (交办 + 3 months), not one the office set. */
          defaultDeadline: input.replyDeadline === undefined,
        },
        summary: `主办：${names(input.mainHandlerIds).join('、')}，答复期限 ${state.replyDeadline}`,
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
    case 'consult':
      return {
        state: step({ type: 'consult', on: input.on, participants: input.participants, outcome: input.outcome }),
        record: { on: input.on, participants: input.participants, outcome: input.outcome },
        summary: `${input.on} 与提案人见面协商（${input.participants}）：${input.outcome}`,
      };
    case 'waive_consultation':
      return {
        state: step({ type: 'waive_consultation', reason: input.reason }),
        record: { reason: input.reason },
        summary: `无需见面协商：${input.reason}`,
      };
    case 'reply': {
      await checkOwnFiles(trx, actor, input.fileIds ?? []);
      return {
        state: step({ type: 'reply', summary: input.summary, replyClass: input.replyClass }),
        record: { summary: input.summary, replyClass: input.replyClass, fileIds: input.fileIds ?? [] },
        summary: `${input.replyClass} 类（${REPLY_CLASS_NAMES[input.replyClass]}）：${input.summary}`,
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
        throw new Invalid('proposal.invalid_commitment', `no commitment ${input.index}`, [
          { field: 'index', code: 'proposal.commitment_missing', message: `no commitment ${input.index}` },
        ]);
      if (!input.fileIds.length)
        throw new Invalid('proposal.evidence_required', 'no evidence', [
          { field: 'fileIds', code: 'proposal.evidence_file_required', message: 'at least one file' },
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
        throw new Invalid('proposal.no_such_report', `no progress report ${input.reportSeq}`, [
          { field: 'reportSeq', code: 'proposal.report_missing', message: `no progress report ${input.reportSeq}` },
        ]);
      if (p.actions.some((a) => a.type === 'hear_progress' && Number(recordOf(a).reportSeq) === input.reportSeq))
        throw new Conflict('proposal.report_heard', `report ${input.reportSeq} was heard`);
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
    if (!mayTake(actor, p.facts, input.type))
      throw new Forbidden(REFUSALS[input.type], `may not ${input.type}`, { act: input.type });
    // The domain names these refusals itself: commitments still open, no such commitment, no
    // consultation yet, or one on record already.
    const domainChecks =
      input.type === 'complete' ||
      input.type === 'complete_commitment' ||
      (p.state.status === 'assigned' && (input.type === 'reply' || input.type === 'waive_consultation'));
    if (!domainChecks && !stateAllows(p.facts, input.type)) {
      if (input.type === 'report_progress' || input.type === 'hear_progress') {
        throw new Conflict('proposal.not_key_or_closed', 'not a key proposal, or nothing to report', [], {
          key: p.facts.isKey ? 'yes' : 'no',
        });
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
