import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, networkDown } from '../test/fetch-mock';
import { ApiError, UNAUTHORIZED_EVENT } from './api';
import { uploadMultipart } from './upload';

afterEach(() => {
  vi.unstubAllGlobals();
});

const blob = () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });

describe('uploadMultipart', () => {
  it('posts the file as multipart field "file" and answers the parsed body', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/files': () => json(201, { id: 'f1' }) });
    await expect(uploadMultipart('/files', blob(), 'a.jpg')).resolves.toEqual({ id: 'f1' });
    const body = calls[0].body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('file')).toBeInstanceOf(Blob);
  });

  it("fails with the server's problem+json as an ApiError", async () => {
    mockFetch({
      'POST /api/v1/files': () => json(415, { title: 'Unsupported Media Type', detail: '不支持的文件类型' }),
    });
    await expect(uploadMultipart('/files', blob(), 'a.jpg')).rejects.toMatchObject({
      status: 415,
      detail: '不支持的文件类型',
    });
  });

  it("says what was too large when a proxy's 413 page has no problem+json", async () => {
    mockFetch({ 'POST /api/v1/files': () => new Response('<html>413</html>', { status: 413 }) });
    await expect(uploadMultipart('/files', blob(), 'a.jpg', { tooLarge: '照片' })).rejects.toMatchObject({
      status: 413,
      detail: '照片过大，服务器拒收',
    });
  });

  it('fails with status 0 when the network is down', async () => {
    mockFetch({ 'POST /api/v1/files': () => networkDown() });
    const e = await uploadMultipart('/files', blob(), 'a.jpg').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 0 });
  });

  it('tells the console the session is gone on a 401', async () => {
    mockFetch({ 'POST /api/v1/tasks/import': () => json(401, { title: 'Unauthorized' }) });
    const seen = vi.fn();
    window.addEventListener(UNAUTHORIZED_EVENT, seen);
    await expect(uploadMultipart('/tasks/import', blob(), 'plan.xlsx')).rejects.toMatchObject({ status: 401 });
    window.removeEventListener(UNAUTHORIZED_EVENT, seen);
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
