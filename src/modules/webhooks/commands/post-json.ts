import type { OutgoingRequest } from '../domain/webhook-types.js';

export interface PostReply {
  /** null when no reply arrived. */
  status: number | null;
  /** The start of the reply body (enough to judge a robot's errcode and to log). */
  body: string;
  /** Why no reply arrived; null when one did. */
  error: string | null;
  durationMs: number;
}

const MAX_REPLY_BYTES = 64 * 1024;

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_REPLY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8');
}

function reason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timeout after ${timeoutMs / 1000} s`;
  return e?.cause?.message ?? e?.cause?.code ?? e?.message ?? String(err);
}

/**
 * One POST with a hard time limit covering connect, headers and body. Redirects are not followed:
 * a receiver that moved must be re-registered rather than have signed events forwarded elsewhere.
 */
export async function postJson(fetchImpl: typeof fetch, req: OutgoingRequest, timeoutMs: number): Promise<PostReply> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await fetchImpl(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await readLimited(res);
    return { status: res.status, body, error: null, durationMs: took() };
  } catch (err) {
    return { status: null, body: '', error: reason(err, timeoutMs), durationMs: took() };
  }
}
