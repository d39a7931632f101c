import { z } from 'zod';
import { calendarDay } from './days.js';
import { Crs } from './org.js';

// Shapes of the 宣传阵地 API (issue 13 item 5): publicity boards (宣传栏 / 公益广告 / 墙绘) with place,
// photo and state, and their history. Times are ISO UTC.

export const BOARD_KINDS = ['board', 'psa', 'mural'] as const;
export const BoardKind = z.enum(BOARD_KINDS);
export type BoardKind = z.infer<typeof BoardKind>;
export const BOARD_KIND_NAMES: Record<BoardKind, string> = { board: '宣传栏', psa: '公益广告', mural: '墙绘' };

export const BOARD_STATES = ['good', 'damaged', 'to_replace', 'removed'] as const;
export const BoardState = z.enum(BOARD_STATES);
export type BoardState = z.infer<typeof BoardState>;
export const BOARD_STATE_NAMES: Record<BoardState, string> = {
  good: '完好',
  damaged: '破损',
  to_replace: '待更换',
  removed: '已拆除',
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最长 ${max} 个字符`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** Where a board stands: a point (located to its grid) or a unit in scope with an address. */
export const BoardBody = z.strictObject({
  kind: BoardKind,
  name: z.string().trim().min(1, '不能为空').max(100, '最长 100 个字符'),
  /** The unit it stands in; with a point, the point's grid must lie in it. */
  unitId: z.uuid().nullable().optional(),
  location: z
    .strictObject({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), crs: Crs.optional() })
    .nullable()
    .optional(),
  address: optionalText(200),
  /** An uploaded photo (POST /api/v1/files). */
  photoId: z.uuid().nullable().optional(),
});
export type BoardBody = z.infer<typeof BoardBody>;

export const BoardStateBody = z.strictObject({
  state: BoardState,
  /** The photo of the board as it now is; to 完好 with a new photo records a replacement (更换). */
  photoId: z.uuid().nullable().optional(),
  note: optionalText(500),
});
export type BoardStateBody = z.infer<typeof BoardStateBody>;

export const BoardListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  kind: BoardKind.optional(),
  state: BoardState.optional(),
  q: z.string().trim().max(50).optional(),
});

export const Board = z.object({
  id: z.string(),
  kind: BoardKind,
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  address: z.string().nullable(),
  state: BoardState,
  photoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Board = z.infer<typeof Board>;

export const BoardList = z.object({
  items: z.array(Board),
  /** Boards in the list per state. */
  byState: z.record(z.string(), z.number().int()),
  canWrite: z.boolean(),
});
export type BoardList = z.infer<typeof BoardList>;

export const BoardEvent = z.object({
  at: z.string(),
  actorName: z.string(),
  fromState: BoardState.nullable(),
  toState: BoardState,
  photoId: z.string().nullable(),
  note: z.string().nullable(),
  replaced: z.boolean(),
});
export type BoardEvent = z.infer<typeof BoardEvent>;

export const BoardDetail = Board.extend({ history: z.array(BoardEvent), canWrite: z.boolean() });
export type BoardDetail = z.infer<typeof BoardDetail>;

/**
 * The replacements (更换) recorded in an area over local days, both included (GET /board-replacements):
 * the list behind the dashboard's 更换宣传牌数, so its total is the number clicked.
 */
export const BoardReplacementQuery = z
  .strictObject({
    /** An area in scope (default the caller's): replacements of boards under it. */
    unitId: z.uuid().optional(),
    from: calendarDay(),
    to: calendarDay(),
  })
  .refine((q) => q.from <= q.to, { path: ['from'], message: '开始日期不能晚于结束日期' });
export type BoardReplacementQuery = z.infer<typeof BoardReplacementQuery>;

export const BoardReplacement = z.object({
  /** The history entry's id. */
  id: z.string(),
  boardId: z.string(),
  kind: BoardKind,
  name: z.string(),
  /** The unit the board stands in now. */
  unitId: z.string(),
  unitName: z.string(),
  address: z.string().nullable(),
  /** When it was replaced (ISO UTC) and by whom. */
  at: z.string(),
  actorName: z.string(),
  /** The new board's photo. */
  photoId: z.string().nullable(),
  note: z.string().nullable(),
});
export type BoardReplacement = z.infer<typeof BoardReplacement>;

export const BoardReplacementPage = z.object({
  /** Every replacement counted (the dashboard's number). */
  total: z.number().int(),
  /** The latest, at most 500. */
  items: z.array(BoardReplacement),
});
export type BoardReplacementPage = z.infer<typeof BoardReplacementPage>;
