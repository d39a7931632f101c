import { api } from '../../lib/api';
import type {
  Board,
  BoardBody,
  BoardDetail,
  BoardKind,
  BoardList,
  BoardReplacement,
  BoardReplacementPage,
  BoardReplacementQuery,
  BoardState,
  BoardStateBody,
} from '../../../../src/contracts/boards';

/** The shapes come from the server's contract (src/contracts/boards.ts). */
export type {
  Board,
  BoardBody,
  BoardDetail,
  BoardKind,
  BoardList,
  BoardReplacement,
  BoardReplacementPage,
  BoardReplacementQuery,
  BoardState,
  BoardStateBody,
};

export interface BoardQuery {
  unitId?: string;
  kind?: BoardKind;
  state?: BoardState;
  q?: string;
}

export const boardsApi = {
  list: (q: BoardQuery, signal?: AbortSignal) => api.get<BoardList>('/boards', { ...q }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<BoardDetail>(`/boards/${id}`, undefined, { signal }),
  create: (body: BoardBody) => api.post<BoardDetail>('/boards', body),
  update: (id: string, body: BoardBody) => api.put<BoardDetail>(`/boards/${id}`, body),
  changeState: (id: string, body: BoardStateBody) => api.post<BoardDetail>(`/boards/${id}/state`, body),
  /** The replacements of an area over days (the list behind 更换宣传牌数). */
  replacements: (q: BoardReplacementQuery, signal?: AbortSignal) =>
    api.get<BoardReplacementPage>('/board-replacements', { ...q }, { signal }),
};
