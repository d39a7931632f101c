/**
 * Multipart upload (field "file") to the REST API, failing like the JSON calls: an ApiError, status 0
 * when the network is down, and a 401 broadcast so the console goes back to the login page.
 *
 * With `onProgress` it goes through XMLHttpRequest (fetch reports no upload progress), else through fetch.
 */
import { ApiError, UNAUTHORIZED_EVENT } from './api';

export interface UploadOptions {
  /** Upload progress in percent (0–100). */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** The message for a 413 that came without problem+json (a proxy's HTML page): what was too large. */
  tooLarge?: string;
}

const ACCEPT = 'application/json, application/problem+json';
const OFFLINE = () => new ApiError(0, { detail: '无法连接到服务器，请检查网络' });

/** The parsed body, or the ApiError the reply stands for. */
function settle<T>(status: number, text: string, opts: UploadOptions): T {
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (status >= 200 && status < 300) return data as T;
  if (status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  if (status === 413 && !data) {
    const what = opts.tooLarge ?? '文件';
    throw new ApiError(413, { title: `${what}过大`, detail: `${what}过大，服务器拒收` });
  }
  throw new ApiError(status, (data as object) ?? {});
}

/** POST `file` as multipart to `/api/v1${path}`. */
export async function uploadMultipart<T>(
  path: string,
  file: Blob,
  filename: string,
  opts: UploadOptions = {},
): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename);
  const url = `/api/v1${path}`;
  const { onProgress, signal } = opts;
  if (onProgress) {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', ACCEPT);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onerror = () => reject(OFFLINE());
      xhr.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(form);
    });
    return settle<T>(status, text, opts);
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: ACCEPT },
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw OFFLINE();
  }
  return settle<T>(res.status, await res.text(), opts);
}
