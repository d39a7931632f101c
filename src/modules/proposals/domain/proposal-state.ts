import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { Conflict, DomainError, Forbidden, Invalid } from '../../../kernel/errors.js';
import type { ProposalKind, ProposalStatus, ReplyClass, Satisfaction } from '../../../contracts/proposals.js';
import { addMonthsClamped, isDate, localDateOf } from '../../../kernel/calendar/index.js';
import {
  PROPOSAL_STATUS_NAMES,
  SATISFACTION_NAMES,
  PROPOSAL_KIND_NAMES,
  REPLY_CLASS_NAMES,
} from '../../../contracts/proposals.js';

// The Chinese names are contract data, shared with the console.
export { PROPOSAL_STATUS_NAMES, SATISFACTION_NAMES, PROPOSAL_KIND_NAMES, REPLY_CLASS_NAMES };

// The value lists are contract data (the API's enums); the names and the workflow are the domain's.
export type { ProposalKind, ProposalStatus, ReplyClass, Satisfaction };

/** 承办单位 reply within three months of receiving the proposal (at 交办); docs/proposals.md cites the rules. */
export const REPLY_MONTHS = 3;
/** A complex proposal may be given longer, but the formal reply comes within six months at the latest. */
export const MAX_REPLY_MONTHS = 6;

/** The days the period rule needs of the work calendar. */
export type DayCalendar = Pick<WorkCalendar, 'isWorkday' | 'nextWorkday'>;

/**
 * The last day of a period of `months` months received on `receivedOn`, as 民法典 第二百零一至二百零三条
 * count it: the day of receipt is not counted; the period ends on the corresponding day of the month it
 * falls due in, or that month's last day when it has none (2026-11-30 + 3 → 2027-02-28); a last day that
 * is a day off (法定休假日: weekends and holidays, by the work calendar with its 调休) moves to the next
 * working day. Without a calendar, only the month rule applies.
 */
export function periodEnd(receivedOn: string, months: number, calendar?: DayCalendar): string {
  const last = addMonthsClamped(receivedOn, months);
  return calendar && !calendar.isWorkday(last) ? calendar.nextWorkday(last) : last;
}

/** The reply deadline the rules give a proposal assigned (交办) on `assignedOn`. */
export const defaultReplyDeadline = (assignedOn: string, calendar?: DayCalendar) =>
  periodEnd(assignedOn, REPLY_MONTHS, calendar);
/** The latest reply deadline the office may set: six months. */
export const latestReplyDeadline = (assignedOn: string, calendar?: DayCalendar) =>
  periodEnd(assignedOn, MAX_REPLY_MONTHS, calendar);

export type ProposalAction =
  | {
      type: 'assign';
      mainHandlerIds: string[];
      assistingHandlerIds: string[];
      /** Local date the reply (答复) is due; without it, the rules' default (defaultReplyDeadline). */
      replyDeadline?: string;
    }
  | {
      type: 'consult';
      /** Local date the handler met the proposer (见面协商). */ on: string;
      participants: string;
      outcome: string;
    }
  | { type: 'waive_consultation'; /** Why no meeting is needed (e.g. the proposer declined one). */ reason: string }
  | { type: 'reply'; summary: string; replyClass: ReplyClass }
  | { type: 'add_commitment'; title: string; /** Local date the 落实事项 is due. */ deadline: string }
  | {
      type: 'complete_commitment';
      index: number;
      /** Evidence attachments proving it is done; at least one. */ evidenceCount: number;
    }
  | { type: 'complete' }
  | { type: 'rate'; satisfaction: Satisfaction };
export type ProposalActionType = ProposalAction['type'];

/**
 * The proposal workflow. A missing action is refused with proposal.invalid_transition.
 * 'rate' keeps the state unless the proposer is unsatisfied (不满意): then handling re-opens at
 * 'assigned' and the handlers must reply again (the office may re-assign with a new deadline).
 */
export const proposalTransitions = {
  registered: { assign: 'assigned' },
  assigned: { assign: 'assigned', consult: 'assigned', waive_consultation: 'assigned', reply: 'replied' },
  replied: {
    add_commitment: 'implementing',
    complete: 'completed',
    rate: { kept: 'replied', unsatisfied: 'assigned' },
  },
  implementing: {
    add_commitment: 'implementing',
    complete_commitment: 'implementing',
    complete: 'completed',
    rate: { kept: 'implementing', unsatisfied: 'assigned' },
  },
  completed: { rate: { kept: 'completed', unsatisfied: 'assigned' } },
} as const satisfies Record<
  ProposalStatus,
  Partial<Record<ProposalActionType, ProposalStatus | { kept: ProposalStatus; unsatisfied: ProposalStatus }>>
>;

export interface Commitment {
  title: string;
  deadline: string;
  doneOn: string | null;
  evidenceCount: number;
}

/** A 见面协商 with the proposer, or (waivedReason set) the record that none was needed. */
export interface Consultation {
  /** The handling round it belongs to: 0 first, n after the n-th 不满意. */
  round: number;
  on: string;
  participants: string | null;
  outcome: string | null;
  waivedReason: string | null;
  by: string;
}

export interface ProposalState {
  id: string;
  /** Year of the session the proposal was filed in; statistics group by it. */
  year: number;
  status: ProposalStatus;
  /** Accounts of the proposers; only they may rate. */
  proposerIds: readonly string[];
  mainHandlerIds: readonly string[];
  assistingHandlerIds: readonly string[];
  /** The reply deadline set at the first assignment; the on-time reply rate is judged against it. */
  firstReplyDeadline: string | null;
  replyDeadline: string | null;
  /** Local date of the latest assignment (交办): consultations of the round come after it. */
  assignedOn: string | null;
  /** Consultations with the proposer (or waivers), oldest first. */
  consultations: readonly Consultation[];
  /** Every reply, oldest first; a re-handled proposal has more than one. Replies before classes were kept have none. */
  replies: readonly { on: string; summary: string; replyClass?: ReplyClass }[];
  commitments: readonly Commitment[];
  ratings: readonly { by: string; on: string; satisfaction: Satisfaction }[];
  /** Times an unsatisfied rating re-opened handling. */
  rehandleCount: number;
}

export interface ProposalContext {
  actor: { accountId: string };
  now: Date;
  calendar?: WorkCalendar;
  /** Units that are retired (撤销); assigning a proposal to one is refused. */
  retiredUnitIds?: ReadonlySet<string>;
}

export function newProposal(id: string, year: number, proposerIds: readonly string[]): ProposalState {
  return {
    id,
    year,
    status: 'registered',
    proposerIds,
    mainHandlerIds: [],
    assistingHandlerIds: [],
    firstReplyDeadline: null,
    replyDeadline: null,
    assignedOn: null,
    consultations: [],
    replies: [],
    commitments: [],
    ratings: [],
    rehandleCount: 0,
  };
}

/** A stored state; rows written before consultations were kept lack those fields. */
export function parseProposalState(json: string): ProposalState {
  const raw = JSON.parse(json) as Partial<ProposalState> & Omit<ProposalState, 'assignedOn' | 'consultations'>;
  return { ...raw, assignedOn: raw.assignedOn ?? null, consultations: raw.consultations ?? [] };
}

/** A consultation, or its waiver, is on record for the current handling round. */
export const consultedThisRound = (state: Pick<ProposalState, 'consultations' | 'rehandleCount'>) =>
  state.consultations.some((c) => c.round === state.rehandleCount);

const retiredUnit = (field: string, unit: string) => ({
  field,
  code: 'proposal.unit_retired',
  params: { unit },
  message: `unit ${unit} is retired`,
});

export class InvalidProposalTransition extends DomainError {
  constructor(from: ProposalStatus, action: ProposalActionType) {
    super(
      'conflict',
      'proposal.invalid_transition',
      `a ${from} proposal cannot take ${action}`,
      [],
      { from, action },
      { status: PROPOSAL_STATUS_NAMES[from] },
    );
  }
}

export function proposalKind(state: Pick<ProposalState, 'commitments'>): ProposalKind {
  return state.commitments.length > 0 ? 'implementation' : 'reply';
}

export function canRate(state: Pick<ProposalState, 'proposerIds'>, accountId: string): boolean {
  return state.proposerIds.includes(accountId);
}

/** A refusal summarised by its one field problem, whose sentence is `problem` (kernel/http/messages.zh.ts). */
const invalid = (code: string, field: string, problem: string | undefined, message: string) =>
  new Invalid(code, message, [{ field, ...(problem ? { code: problem } : {}), message }]);

/** Applies one action; pure — the date comes from ctx.now in the calendar's zone (else Asia/Shanghai). */
export function applyProposalAction(state: ProposalState, action: ProposalAction, ctx: ProposalContext): ProposalState {
  const row = proposalTransitions[state.status] as Partial<
    Record<ProposalActionType, ProposalStatus | { kept: ProposalStatus; unsatisfied: ProposalStatus }>
  >;
  const target = row[action.type];
  if (target === undefined) throw new InvalidProposalTransition(state.status, action.type);
  const today = localDateOf(ctx.now, ctx.calendar);
  switch (action.type) {
    case 'assign': {
      const problems = [];
      if (action.mainHandlerIds.length === 0)
        problems.push({ field: 'mainHandlerIds', code: 'proposal.main_handler_required', message: 'no main handler' });
      const retired = ctx.retiredUnitIds ?? new Set<string>();
      action.mainHandlerIds.forEach((u, i) => {
        if (retired.has(u)) problems.push(retiredUnit(`mainHandlerIds[${i}]`, u));
      });
      action.assistingHandlerIds.forEach((u, i) => {
        if (retired.has(u)) problems.push(retiredUnit(`assistingHandlerIds[${i}]`, u));
        else if (action.mainHandlerIds.includes(u))
          problems.push({
            field: `assistingHandlerIds[${i}]`,
            code: 'proposal.assisting_is_main',
            params: { unit: u },
            message: `unit ${u} is a main handler`,
          });
      });
      const replyDeadline = action.replyDeadline ?? defaultReplyDeadline(today, ctx.calendar);
      const latest = latestReplyDeadline(today, ctx.calendar);
      if (!isDate(replyDeadline)) problems.push({ field: 'replyDeadline', message: 'not a date in YYYY-MM-DD form' });
      else if (replyDeadline < today)
        problems.push({
          field: 'replyDeadline',
          code: 'proposal.reply_deadline_past',
          params: { deadline: replyDeadline },
          message: `reply deadline ${replyDeadline} is before today`,
        });
      else if (replyDeadline > latest)
        problems.push({
          field: 'replyDeadline',
          code: 'proposal.reply_deadline_too_late',
          params: { latest },
          message: `reply deadline ${replyDeadline} is after ${latest}, six months on`,
        });
      if (problems.length > 0) throw new Invalid('proposal.invalid_assignment', problems[0].message, problems);
      return {
        ...state,
        status: target as ProposalStatus,
        mainHandlerIds: [...action.mainHandlerIds],
        assistingHandlerIds: [...action.assistingHandlerIds],
        replyDeadline,
        firstReplyDeadline: state.firstReplyDeadline ?? replyDeadline,
        assignedOn: today,
      };
    }
    case 'consult': {
      const problems = [];
      if (!isDate(action.on)) problems.push({ field: 'on', message: 'not a date in YYYY-MM-DD form' });
      else if (action.on > today)
        problems.push({ field: 'on', code: 'proposal.consultation_in_future', message: `${action.on} is after today` });
      else if (state.assignedOn !== null && action.on < state.assignedOn)
        problems.push({
          field: 'on',
          code: 'proposal.consultation_before_assignment',
          params: { assignedOn: state.assignedOn },
          message: `${action.on} is before the assignment on ${state.assignedOn}`,
        });
      if (!action.participants?.trim())
        problems.push({ field: 'participants', code: 'proposal.participants_required', message: 'no participants' });
      if (!action.outcome?.trim())
        problems.push({ field: 'outcome', code: 'proposal.outcome_required', message: 'no outcome' });
      if (problems.length) throw new Invalid('proposal.invalid_consultation', problems[0].message, problems);
      const c: Consultation = {
        round: state.rehandleCount,
        on: action.on,
        participants: action.participants,
        outcome: action.outcome,
        waivedReason: null,
        by: ctx.actor.accountId,
      };
      return { ...state, consultations: [...state.consultations, c] };
    }
    case 'waive_consultation': {
      if (!action.reason?.trim())
        throw invalid('proposal.invalid_consultation', 'reason', 'proposal.waiver_reason_required', 'no reason');
      if (consultedThisRound(state))
        throw new Conflict('proposal.already_consulted', 'a consultation is on record for this round');
      const c: Consultation = {
        round: state.rehandleCount,
        on: today,
        participants: null,
        outcome: null,
        waivedReason: action.reason,
        by: ctx.actor.accountId,
      };
      return { ...state, consultations: [...state.consultations, c] };
    }
    case 'reply':
      if (!consultedThisRound(state))
        throw new Conflict('proposal.consultation_required', 'meet the proposer (见面协商) before replying');
      if (!action.summary || action.summary.trim() === '')
        throw invalid('proposal.invalid_reply', 'summary', 'proposal.reply_empty', 'empty reply');
      if (!Object.hasOwn(REPLY_CLASS_NAMES, action.replyClass))
        throw invalid('proposal.invalid_reply', 'replyClass', 'proposal.reply_class_invalid', 'not A, B or C');
      return {
        ...state,
        status: target as ProposalStatus,
        replies: [...state.replies, { on: today, summary: action.summary, replyClass: action.replyClass }],
      };
    case 'add_commitment':
      if (!action.title || action.title.trim() === '')
        throw invalid('proposal.invalid_commitment', 'title', 'proposal.commitment_title_required', 'empty title');
      if (!isDate(action.deadline))
        throw invalid('proposal.invalid_commitment', 'deadline', undefined, 'not a date in YYYY-MM-DD form');
      if (action.deadline < today)
        throw invalid(
          'proposal.invalid_commitment',
          'deadline',
          'proposal.commitment_deadline_past',
          `deadline ${action.deadline} is before today`,
        );
      return {
        ...state,
        status: target as ProposalStatus,
        commitments: [
          ...state.commitments,
          { title: action.title, deadline: action.deadline, doneOn: null, evidenceCount: 0 },
        ],
      };
    case 'complete_commitment': {
      const c = state.commitments[action.index];
      if (!Number.isInteger(action.index) || c === undefined)
        throw invalid(
          'proposal.invalid_commitment',
          'index',
          'proposal.commitment_missing',
          `no commitment ${action.index}`,
        );
      if (c.doneOn !== null) throw new Conflict('proposal.commitment_done', `commitment ${action.index} is done`);
      if (!(Number.isInteger(action.evidenceCount) && action.evidenceCount >= 1))
        throw invalid('proposal.evidence_required', 'evidenceCount', 'proposal.evidence_missing', 'no evidence');
      const commitments = state.commitments.map((x, i) =>
        i === action.index ? { ...x, doneOn: today, evidenceCount: action.evidenceCount } : x,
      );
      return { ...state, status: target as ProposalStatus, commitments };
    }
    case 'complete':
      if (state.commitments.some((c) => c.doneOn === null))
        throw new Conflict('proposal.commitments_open', 'some commitments are not done');
      return { ...state, status: target as ProposalStatus };
    case 'rate': {
      if (!canRate(state, ctx.actor.accountId))
        throw new Forbidden('proposal.not_proposer', 'only a proposer rates', { act: 'rate' });
      if (!Object.hasOwn(SATISFACTION_NAMES, action.satisfaction))
        throw invalid('proposal.invalid_rating', 'satisfaction', 'proposal.rating_invalid', 'not a satisfaction level');
      const t = target as { kept: ProposalStatus; unsatisfied: ProposalStatus };
      const unsatisfied = action.satisfaction === 'unsatisfied';
      return {
        ...state,
        status: unsatisfied ? t.unsatisfied : t.kept,
        ratings: [...state.ratings, { by: ctx.actor.accountId, on: today, satisfaction: action.satisfaction }],
        rehandleCount: state.rehandleCount + (unsatisfied ? 1 : 0),
      };
    }
  }
}

export interface ProposalYearStats {
  year: number;
  proposals: number;
  /** Proposals whose reply was due by asOf (first deadline passed) or that were replied anyway. */
  repliesDue: number;
  repliedOnTime: number;
  /** repliedOnTime / repliesDue, where on time = first reply on or before the first reply deadline; null when none due. */
  onTimeReplyRate: number | null;
  /** 落实型 proposals: those with at least one commitment. */
  implementationProposals: number;
  commitments: number;
  commitmentsDone: number;
  /** commitmentsDone / commitments over the year's proposals (done on or before asOf); null without commitments. */
  implementationRate: number | null;
  rated: number;
  satisfiedOrBasically: number;
  /** (满意 + 基本满意) / rated proposals, each counted by its latest rating; null when none rated. */
  satisfactionRate: number | null;
  /** Replied proposals by the class of their latest reply (on or before asOf); unclassed replies are left out. */
  byReplyClass: Record<ReplyClass, number>;
}

/** Yearly statistics of the proposals filed in `year`, as of the local date `asOf`. */
export function proposalYearStats(proposals: readonly ProposalState[], year: number, asOf: string): ProposalYearStats {
  const ps = proposals.filter((p) => p.year === year);
  let repliesDue = 0,
    repliedOnTime = 0,
    commitments = 0,
    commitmentsDone = 0,
    rated = 0,
    satisfied = 0,
    implementation = 0;
  const byReplyClass: Record<ReplyClass, number> = { A: 0, B: 0, C: 0 };
  for (const p of ps) {
    const latestReply = p.replies.filter((r) => r.on <= asOf).at(-1);
    if (latestReply?.replyClass) byReplyClass[latestReply.replyClass]++;
    const first = p.replies.find((r) => r.on <= asOf)?.on ?? null;
    if (p.firstReplyDeadline !== null && (first !== null || p.firstReplyDeadline < asOf)) {
      repliesDue++;
      if (first !== null && first <= p.firstReplyDeadline) repliedOnTime++;
    }
    if (p.commitments.length > 0) implementation++;
    commitments += p.commitments.length;
    commitmentsDone += p.commitments.filter((c) => c.doneOn !== null && c.doneOn <= asOf).length;
    const latest = p.ratings.filter((r) => r.on <= asOf).at(-1);
    if (latest) {
      rated++;
      if (latest.satisfaction !== 'unsatisfied') satisfied++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    year,
    proposals: ps.length,
    repliesDue,
    repliedOnTime,
    onTimeReplyRate: ratio(repliedOnTime, repliesDue),
    implementationProposals: implementation,
    commitments,
    commitmentsDone,
    implementationRate: ratio(commitmentsDone, commitments),
    rated,
    satisfiedOrBasically: satisfied,
    satisfactionRate: ratio(satisfied, rated),
    byReplyClass,
  };
}
