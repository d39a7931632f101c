import { Invalid } from '../errors.js';

/**
 * Keyset cursors of the lists paged with 加载更多: the last row's (sort key, id), as opaque text. The
 * next page starts after that pair, so rows added meanwhile neither repeat nor push others off.
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The (sort key, id) of a cursor from `encodeCursor`; a cursor that is not one is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return v as [string, string];
  } catch {
    // falls through to the refusal
  }
  throw new Invalid('cursor.invalid', 'bad cursor', [
    { field: 'cursor', code: 'cursor.invalid', message: 'bad cursor' },
  ]);
}
