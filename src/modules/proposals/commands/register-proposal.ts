import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { newProposal, proposalKind } from '../domain/proposal-state.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import { accountByUsername, type Proposer } from './proposal-context.js';
import { categoryStore } from '../store/category.store.js';

export interface RegisterProposalInput {
  /** Session year; defaults to the year of submittedOn. */
  year?: number;
  /** e.g. 2026-007; given when the paper number is already fixed, else the next free one. */
  number?: string;
  title: string;
  content: string;
  /** Names as printed on the proposal; `username` links a proposer's login, which lets them rate. */
  proposers: { name: string; username?: string }[];
  /** One of the district's active categories (the 提案委's list). */
  category: string;
  /** Local date the proposal was filed; defaults to today. */
  submittedOn?: string;
}

/** Registers (登记) a proposal: version 1, its first action 'register'. */
export async function registerProposal(
  deps: ProposalsDeps,
  actor: Actor,
  input: RegisterProposalInput,
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  const today = localDateOf(now);
  const submittedOn = input.submittedOn ?? today;
  const year = input.year ?? Number(submittedOn.slice(0, 4));
  const problems: FieldProblem[] = [];
  if (submittedOn > today)
    problems.push({ field: 'submittedOn', code: 'proposal.submitted_in_future', message: 'after today' });
  if (Number(submittedOn.slice(0, 4)) !== year)
    problems.push({
      field: 'submittedOn',
      code: 'proposal.submitted_outside_year',
      params: { year },
      message: `not in ${year}`,
    });
  let seq: number | undefined;
  if (input.number !== undefined) {
    const m = /^(\d{4})-(\d{3,4})$/.exec(input.number);
    if (!m || Number(m[1]) !== year || Number(m[2]) === 0)
      problems.push({ field: 'number', code: 'proposal.number_format', params: { year }, message: 'not YYYY-NNN' });
    else seq = Number(m[2]);
  }
  if (problems.length) throw new Invalid('proposal.invalid_registration', problems[0].message, problems);
  const id = newId(now.getTime());
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const category = await categoryStore.findByName(trx, actor.districtCode, input.category);
      if (!category || category.active !== 1)
        throw new Invalid('proposal.invalid_registration', `no active category ${input.category}`, [
          {
            field: 'category',
            code: 'proposal.category_unknown',
            params: { category: input.category },
            message: `no active category ${input.category}`,
          },
        ]);
      const proposers: Proposer[] = [];
      for (const [i, p] of input.proposers.entries()) {
        const account = p.username
          ? await accountByUsername(deps, trx, actor.districtCode, p.username, `proposers[${i}].username`)
          : null;
        proposers.push({ name: p.name, accountId: account?.accountId ?? null });
      }
      const s = seq ?? (await proposalStore.lastSeq(trx, actor.districtCode, year)) + 1;
      const number = input.number ?? `${year}-${String(s).padStart(3, '0')}`;
      const state = newProposal(
        id,
        year,
        proposers.flatMap((p) => (p.accountId ? [p.accountId] : [])),
      );
      await proposalStore.insert(trx, {
        id,
        district_code: actor.districtCode,
        year,
        seq: s,
        number,
        title: input.title,
        category: input.category,
        content: input.content,
        proposers: JSON.stringify(proposers),
        submitted_on: submittedOn,
        is_key: 0,
        leader_id: null,
        leader_name: null,
        status: state.status,
        kind: proposalKind(state),
        reply_deadline: null,
        state: JSON.stringify(state),
        version: 1,
        created_by: actor.accountId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await proposalStore.appendAction(trx, {
        id: newId(now.getTime()),
        proposal_id: id,
        district_code: actor.districtCode,
        seq: 1,
        type: 'register',
        at: now.toISOString(),
        actor_id: actor.accountId,
        actor_name: actor.displayName,
        record: JSON.stringify({ number, title: input.title, submittedOn }),
      });
      await recordAudit(trx, {
        actor,
        action: 'proposal.register',
        entityType: 'proposal',
        entityId: id,
        at: now,
        requestId,
        summary: `登记提案 ${number}「${input.title}」`,
        after: { number, year, proposers },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Conflict('proposal.number_taken', 'the number is taken', [
        { field: 'number', code: 'proposal.number_exists', message: 'the number exists' },
      ]);
    throw err;
  }
  return id;
}
