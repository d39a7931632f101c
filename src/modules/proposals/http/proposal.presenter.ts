import type { ProposalActionTable, ProposalHandlerTable, ProposalTable } from '../../../kernel/db/schema.js';
import {
  consultedThisRound,
  parseProposalState,
  PROPOSAL_KIND_NAMES,
  PROPOSAL_STATUS_NAMES,
  REPLY_CLASS_NAMES,
  SATISFACTION_NAMES,
  type ProposalKind,
  type ProposalState,
  type ProposalStatus,
  type Satisfaction,
} from '../domain/proposal-state.js';
import { isCommitmentOverdue, isReplyOverdue, pastDeadline } from '../domain/overdue.js';
import { PROPOSAL_COMMAND_NAMES, type ProposalCommand } from '../domain/proposal-policy.js';
import { recordOf, type Proposer } from '../commands/proposal-context.js';

const fileRef = (proposalId: string, fileId: string) => ({
  fileId,
  url: `/api/v1/proposals/${proposalId}/files/${fileId}`,
  thumbnailUrl: `/api/v1/proposals/${proposalId}/files/${fileId}/thumbnail`,
});

const units = (hs: ProposalHandlerTable[], role: string) =>
  hs.filter((h) => h.role === role).map((h) => ({ unitId: h.unit_id, name: h.unit_name }));

/** A reply not given by the current deadline (the rule the reminder job uses too). */
export const replyOverdue = (row: Pick<ProposalTable, 'status' | 'reply_deadline'>, today: string) =>
  isReplyOverdue({ status: row.status, replyDeadline: row.reply_deadline }, today);

/**
 * What the handlers owe next, by when: the reply while assigned, else the earliest open commitment.
 * The unit's "what I owe" view sorts and colours by it.
 */
export function nextDue(
  state: ProposalState,
  today: string,
): { what: 'reply' | 'commitment'; date: string; overdue: boolean } | null {
  if (state.status === 'assigned' && state.replyDeadline)
    return { what: 'reply', date: state.replyDeadline, overdue: isReplyOverdue(state, today) };
  const open = state.commitments
    .filter((c) => c.doneOn === null)
    .map((c) => c.deadline)
    .sort()[0];
  return open ? { what: 'commitment', date: open, overdue: pastDeadline(open, today) } : null;
}

export function presentProposalItem(row: ProposalTable, handlers: ProposalHandlerTable[], today: string) {
  const state = parseProposalState(row.state);
  const latest = state.ratings.at(-1);
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    title: row.title,
    category: row.category,
    proposerNames: (JSON.parse(row.proposers) as Proposer[]).map((p) => p.name),
    submittedOn: row.submitted_on,
    isKey: row.is_key === 1,
    leaderName: row.leader_name,
    status: row.status as ProposalStatus,
    statusName: PROPOSAL_STATUS_NAMES[row.status as ProposalStatus],
    kind: row.kind as ProposalKind,
    kindName: PROPOSAL_KIND_NAMES[row.kind as ProposalKind],
    replyDeadline: row.reply_deadline,
    replyOverdue: replyOverdue(row, today),
    mainHandlers: units(handlers, 'main'),
    assistingHandlers: units(handlers, 'assisting'),
    commitments: state.commitments.length,
    commitmentsDone: state.commitments.filter((c) => c.doneOn !== null).length,
    satisfaction: latest?.satisfaction ?? null,
    rehandleCount: state.rehandleCount,
    nextDue: nextDue(state, today),
    version: row.version,
  };
}

export function presentProposal(
  row: ProposalTable,
  state: ProposalState,
  handlers: ProposalHandlerTable[],
  actions: ProposalActionTable[],
  allowed: ProposalCommand[],
  today: string,
  defaultReplyDeadline: string,
) {
  const records = actions.map((a) => ({ a, r: recordOf(a) }));
  const evidence = (index: number) =>
    records
      .filter(({ a, r }) => a.type === 'complete_commitment' && r.index === index)
      .flatMap(({ r }) => (r.fileIds as string[]).map((f) => fileRef(row.id, f)));
  const heard = new Map(
    records
      .filter(({ a }) => a.type === 'hear_progress')
      .map(({ a, r }) => [
        Number(r.reportSeq),
        { at: a.at, by: a.actor_name, comment: (r.comment as string | null) ?? null },
      ]),
  );
  const replyActions = records.filter(({ a }) => a.type === 'reply');
  const actorNames = new Map(actions.map((a) => [a.actor_id, a.actor_name]));
  const names = new Map(
    (JSON.parse(row.proposers) as Proposer[]).flatMap((p) => (p.accountId ? [[p.accountId, p.name]] : [])),
  );
  return {
    ...presentProposalItem(row, handlers, today),
    content: row.content,
    proposers: JSON.parse(row.proposers) as Proposer[],
    leader: row.leader_id ? { accountId: row.leader_id, name: row.leader_name } : null,
    firstReplyDeadline: state.firstReplyDeadline,
    defaultReplyDeadline,
    consultations: state.consultations.map((c) => ({
      round: c.round,
      on: c.on,
      participants: c.participants,
      outcome: c.outcome,
      waivedReason: c.waivedReason,
      by: actorNames.get(c.by) ?? '—',
    })),
    consulted: consultedThisRound(state),
    replies: state.replies.map((r, i) => ({
      on: r.on,
      summary: r.summary,
      replyClass: r.replyClass ?? null,
      replyClassName: r.replyClass ? REPLY_CLASS_NAMES[r.replyClass] : null,
      files: ((replyActions[i]?.r.fileIds as string[] | undefined) ?? []).map((f) => fileRef(row.id, f)),
    })),
    commitmentList: state.commitments.map((c, index) => ({
      index,
      title: c.title,
      deadline: c.deadline,
      doneOn: c.doneOn,
      evidenceCount: c.evidenceCount,
      overdue: isCommitmentOverdue(c, today),
      evidence: evidence(index),
    })),
    ratings: state.ratings.map((r) => ({
      by: r.by,
      byName: names.get(r.by) ?? null,
      on: r.on,
      satisfaction: r.satisfaction,
      satisfactionName: SATISFACTION_NAMES[r.satisfaction as Satisfaction],
    })),
    progress: records
      .filter(({ a }) => a.type === 'report_progress')
      .map(({ a, r }) => ({
        seq: a.seq,
        at: a.at,
        by: a.actor_name,
        text: r.text as string,
        files: (r.fileIds as string[]).map((f) => fileRef(row.id, f)),
        heard: heard.get(a.seq) ?? null,
      })),
    timeline: records.map(({ a, r }) => ({
      seq: a.seq,
      type: a.type,
      typeName: PROPOSAL_COMMAND_NAMES[a.type as ProposalCommand | 'register'] ?? a.type,
      at: a.at,
      actorName: a.actor_name,
      record: r,
    })),
    allowedActions: allowed,
  };
}

/** One proposal as its query loaded it. */
export interface ProposalView {
  row: ProposalTable;
  state: ProposalState;
  handlers: ProposalHandlerTable[];
  actions: ProposalActionTable[];
  allowed: ProposalCommand[];
  today: string;
  defaultReplyDeadline: string;
}

export const presentProposalView = (v: ProposalView) =>
  presentProposal(v.row, v.state, v.handlers, v.actions, v.allowed, v.today, v.defaultReplyDeadline);

/** The list: each proposal with its handlers, presented as of `today`; counts and years pass through. */
export function presentProposalPage<C, Y>(l: {
  today: string;
  items: { row: ProposalTable; handlers: ProposalHandlerTable[] }[];
  counts: C;
  years: Y;
}) {
  return {
    items: l.items.map((i) => presentProposalItem(i.row, i.handlers, l.today)),
    counts: l.counts,
    years: l.years,
  };
}
