import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import {
  BoardBody,
  BoardDetail,
  BoardList,
  BoardListQuery,
  BoardReplacementPage,
  BoardReplacementQuery,
  BoardStateBody,
} from '../../../contracts/boards.js';
import { getBoard, listBoards } from '../commands/list-boards.js';
import { listBoardReplacements } from '../commands/list-replacements.js';
import { changeBoardState, createBoard, updateBoard } from '../commands/save-board.js';
import type { BoardsDeps } from '../deps.js';

const TAG = 'boards';

export function registerBoardRoutes(app: FastifyInstance, deps: BoardsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/boards',
    tag: TAG,
    permission: 'board.read',
    query: BoardListQuery,
    response: BoardList,
    summary:
      'Publicity boards (宣传栏 / 公益广告 / 墙绘) under a unit in scope, by kind, state or text, with counts per state',
    handler: ({ actor, query }) => listBoards(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/board-replacements',
    tag: TAG,
    permission: 'board.read',
    query: BoardReplacementQuery,
    response: BoardReplacementPage,
    summary:
      'Boards replaced (更换) in an area over local days, both included (the list behind 更换宣传牌数): the count and the latest 500',
    handler: ({ actor, query }) => listBoardReplacements(deps, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/boards',
    tag: TAG,
    permission: 'board.write',
    body: BoardBody,
    status: 201,
    response: BoardDetail,
    summary: 'Register a board at a point (located to its grid) or in a unit with an address, in scope; it starts 完好',
    handler: async ({ actor, body, req }) => getBoard(deps, actor, await createBoard(deps, actor, body, req.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/boards/:id',
    tag: TAG,
    permission: 'board.read',
    params: IdParams,
    response: BoardDetail,
    summary: 'One board with its history of states (who, when, photo, replacement)',
    handler: ({ actor, params }) => getBoard(deps, actor, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/boards/:id',
    tag: TAG,
    permission: 'board.write',
    params: IdParams,
    body: BoardBody,
    response: BoardDetail,
    summary: 'Edit a board’s kind, name, place and photo (its state changes through /state)',
    handler: async ({ actor, params, body, req }) => {
      await updateBoard(deps, actor, params.id, body, req.id);
      return getBoard(deps, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/boards/:id/state',
    tag: TAG,
    permission: 'board.write',
    params: IdParams,
    body: BoardStateBody,
    response: BoardDetail,
    summary:
      'Change a board’s state (完好 / 破损 / 待更换 / 已拆除) with a photo and note; to 完好 with a new photo records ' +
      'a replacement (更换), counted by the report figure boards.replaced',
    handler: async ({ actor, params, body, req }) => {
      await changeBoardState(deps, actor, params.id, body, req.id);
      return getBoard(deps, actor, params.id);
    },
  });
}
