import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  Instruction,
  InstructionBody,
  InstructionList,
  InstructionListQuery,
  InstructionReplyBody,
} from '../../../contracts/instructions.js';
import { listInstructions } from '../commands/list-instructions.js';
import { replyInstruction } from '../commands/reply-instruction.js';
import { writeInstruction } from '../commands/write-instruction.js';
import type { InstructionsDeps } from '../deps.js';
import { presentInstruction, presentInstructionList } from './instruction.presenter.js';

export function registerInstructionRoutes(app: FastifyInstance, deps: InstructionsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/instructions',
    tag: 'instructions',
    query: InstructionListQuery,
    response: InstructionList,
    summary:
      'The 领导批示 on one task, case or proposal, oldest first, with each owner unit’s answer; needs the record’s own read permission and scope (404 outside it)',
    handler: async ({ actor, query }) => presentInstructionList(await listInstructions(deps, actor, query), actor),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/instructions',
    tag: 'instructions',
    permission: 'instruction.write',
    body: InstructionBody,
    status: 201,
    response: Instruction,
    summary: 'A leader writes a 批示 on a record in scope; its owner units are told (inbox, webhook event)',
    handler: async ({ actor, body, req }) =>
      presentInstruction(await writeInstruction(deps, actor, body, req.id), actor),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/instructions/:id/replies',
    tag: 'instructions',
    params: IdParams,
    body: InstructionReplyBody,
    status: 201,
    response: Instruction,
    summary: 'An owner unit answers a 批示 (已阅 / 落实情况), once; the leader is told',
    handler: async ({ actor, params, body, req }) =>
      presentInstruction(await replyInstruction(deps, actor, params.id, body, req.id), actor),
  });
}
