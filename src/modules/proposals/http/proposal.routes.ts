import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../kernel/errors.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { registerProposal } from '../commands/register-proposal.js';
import { getProposal } from '../commands/get-proposal.js';
import { proposalFile } from '../commands/get-proposal-file.js';
import { proposalStats } from '../commands/get-proposal-stats.js';
import { listProposals, proposalFilter } from '../commands/list-proposals.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { PROPOSAL_COLUMNS, proposalRows } from './proposal.export.js';
import { presentProposalPage, presentProposalView } from './proposal.presenter.js';
import { takeProposalAction, type ProposalCommandInput } from '../commands/take-proposal-action.js';
import type { ProposalsDeps } from '../deps.js';
import type { Permission } from '../../../kernel/auth/roles.js';
import {
  AssignBody,
  CommitmentBody,
  CompleteBody,
  CompleteCommitmentBody,
  ConsultBody,
  HearBody,
  ListProposalsQuery,
  MarkKeyBody,
  ProgressBody,
  RateBody,
  RegisterProposalBody,
  ReplyBody,
  StatsQuery,
  WaiveConsultationBody,
} from './proposal.schemas.js';
import { ProposalDetail, ProposalPage, ProposalStats } from '../../../contracts/proposals.js';

const TAG = 'proposals';

export function registerProposalRoutes(app: FastifyInstance, deps: ProposalsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/proposals',
    tag: TAG,
    permission: 'proposal.read',
    query: ListProposalsQuery,
    response: ProposalPage,
    summary:
      'Proposals (提案) in scope, filtered by year, status, kind (答复型/落实型) and key, with counts per status and kind',
    handler: async ({ actor, query }) => presentProposalPage(await listProposals(deps, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/proposals/export.xlsx',
    tag: TAG,
    permission: 'proposal.read',
    query: ListProposalsQuery.omit({ limit: true, offset: true }),
    produces: XLSX_MEDIA_TYPE,
    summary: 'The proposal list as .xlsx (提案办理情况一览表), same filters and data scope as the list, streamed',
    async handler({ actor, query, reply, req }) {
      const now = deps.clock.now();
      const filter = await proposalFilter(deps, actor, query, localDateOf(now));
      const stamp = formatLocalDateTime(now, deps.config.timeZone);
      return sendXlsx(
        reply,
        req,
        {
          sheetName: '提案办理情况',
          title: `${deps.config.districtName}政协提案办理情况一览表${query.year ? `（${query.year}年）` : ''}`,
          subtitle: `导出时间：${stamp}  导出人：${actor.displayName}`,
          columns: PROPOSAL_COLUMNS,
          rows: proposalRows(deps, filter),
        },
        { fileName: `政协提案-${stamp.slice(0, 10)}.xlsx`, asciiName: 'proposals.xlsx' },
      );
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/proposals',
    tag: TAG,
    permission: 'proposal.register',
    body: RegisterProposalBody,
    status: 201,
    response: ProposalDetail,
    summary:
      'Register (立案/登记) a proposal, by the 提案委; its category from the list; the number (e.g. 2026-001) is unique and given or the next free one of the year',
    handler: async ({ actor, body, req }) =>
      presentProposalView(await getProposal(deps, actor, await registerProposal(deps, actor, body, req.id))),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/proposals/stats',
    tag: TAG,
    permission: 'proposal.read',
    query: StatsQuery,
    response: ProposalStats,
    summary:
      'Yearly statistics: on-time reply rate, implementation rate, satisfaction rate, overall and per main handler',
    handler: ({ actor, query }) => proposalStats(deps, actor, query.year, query.asOf, query.unitId),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/proposals/:id',
    tag: TAG,
    permission: 'proposal.read',
    params: IdParams,
    response: ProposalDetail,
    summary:
      'One proposal: handlers, replies, commitments with evidence, ratings, progress reports, its timeline and the actions the caller may take',
    handler: async ({ actor, params }) => presentProposalView(await getProposal(deps, actor, params.id)),
  });

  const command = <S extends z.ZodType>(
    url: string,
    permission: Permission,
    body: S,
    summary: string,
    toInput: (b: z.infer<S>, p: Record<string, string>) => ProposalCommandInput,
    params: z.ZodType<Record<string, string>> = IdParams,
  ) =>
    route(app, {
      method: 'POST',
      url: `/api/v1/proposals/:id${url}`,
      tag: TAG,
      permission,
      params,
      body,
      summary,
      response: ProposalDetail,
      async handler({ actor, params: p, body: b, req }) {
        await takeProposalAction(deps, actor, p.id, toInput(b as z.infer<S>, p), req.id);
        return presentProposalView(await getProposal(deps, actor, p.id));
      },
    });
  command(
    '/assign',
    'proposal.manage',
    AssignBody,
    'Assign (交办) to main and assisting handlers (主办/协办); the reply deadline defaults to 3 months on and may not pass 6; a retired unit is refused',
    (b) => ({ type: 'assign', ...b }),
  );
  command(
    '/key',
    'proposal.manage',
    MarkKeyBody,
    'Mark as a key proposal (重点提案) supervised by a district leader (牵头督办领导)',
    (b) => ({ type: 'mark_key', ...b }),
  );
  command(
    '/consultations',
    'proposal.handle',
    ConsultBody,
    'The main handler records meeting the proposer (见面协商): date, participants, outcome; the reply waits for it',
    (b) => ({ type: 'consult', ...b }),
  );
  command(
    '/consultations/waive',
    'proposal.handle',
    WaiveConsultationBody,
    'The main handler records that no face-to-face consultation is needed, with the reason',
    (b) => ({ type: 'waive_consultation', ...b }),
  );
  command(
    '/reply',
    'proposal.handle',
    ReplyBody,
    'The main handler replies (答复), classing the outcome A 解决或采纳 / B 列入计划拟解决 / C 留作参考; needs a consultation first',
    (b) => ({ type: 'reply', ...b }),
  );
  command(
    '/commitments',
    'proposal.handle',
    CommitmentBody,
    'Add an implementation commitment (落实事项) with a deadline: the proposal becomes 落实型',
    (b) => ({ type: 'add_commitment', ...b }),
  );
  command(
    '/commitments/:index/complete',
    'proposal.handle',
    CompleteCommitmentBody,
    'A commitment is done, with evidence files (at least one)',
    (b, p) => ({ type: 'complete_commitment', index: Number(p.index), ...b }),
    z.strictObject({ id: z.uuid(), index: z.string().regex(/^\d{1,3}$/) }),
  );
  command(
    '/complete',
    'proposal.handle',
    CompleteBody,
    'The main handler closes handling (办结) once every commitment is done',
    (b) => ({ type: 'complete', ...b }),
  );
  command(
    '/ratings',
    'proposal.read',
    RateBody,
    'A proposer rates (满意/基本满意/不满意); 不满意 re-opens handling',
    (b) => ({ type: 'rate', ...b }),
  );
  command(
    '/progress',
    'proposal.handle',
    ProgressBody,
    'A handler reports progress on a key proposal to its supervising leader',
    (b) => ({ type: 'report_progress', ...b }),
  );
  command(
    '/progress/:seq/heard',
    'proposal.handle',
    HearBody,
    'The supervising leader records hearing a progress report, with instructions',
    (b, p) => ({ type: 'hear_progress', reportSeq: Number(p.seq), ...b }),
    z.strictObject({ id: z.uuid(), seq: z.string().regex(/^\d{1,6}$/) }),
  );

  for (const [suffix, thumb] of [
    ['', false],
    ['/thumbnail', true],
  ] as const) {
    route(app, {
      method: 'GET',
      url: `/api/v1/proposals/:id/files/:fileId${suffix}`,
      tag: TAG,
      permission: 'proposal.read',
      produces: 'image/*',
      params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }),
      summary: thumb
        ? 'Thumbnail of an evidence file of the proposal'
        : 'An evidence file of the proposal (reply, commitment or progress report)',
      async handler({ actor, params, reply }) {
        const f = await proposalFile(deps, actor, params.id, params.fileId);
        const opened = deps.files
          ? thumb
            ? await deps.files.openThumbnail(f.sha256)
            : await deps.files.open(f.sha256)
          : null;
        if (!opened) throw new NotFound('file', params.fileId);
        return reply
          .type(opened.mimeType)
          .header('content-length', opened.size)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(opened.stream);
      },
    });
  }
}
