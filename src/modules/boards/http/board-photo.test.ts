import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { openBoardKit, POINTS, type BoardKit } from '../test-kit.js';

// A board's photos are shown to everyone who sees the board: naming another's file (another 街道's
// upload, a case's photo) must not lift it into that view.
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: a board's photo is the writer's own upload, or the board's`, () => {
    let k: BoardKit;
    beforeAll(async () => {
      k = await openBoardKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('refuses a file someone else uploaded, as if it did not exist, and writes nothing', async () => {
      const theirs = await k.photo('chengbei');
      const before = { boards: await k.count('boards'), events: await k.count('board_events') };
      const r = await k.call('dehua', 'POST', '/api/v1/boards', {
        kind: 'board',
        name: '借用别处照片的宣传栏',
        location: POINTS.dehua,
        photoId: theirs,
      });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors[0]).toMatchObject({ field: 'photoId', message: zhSentence('board.photo_missing') });
      expect({ boards: await k.count('boards'), events: await k.count('board_events') }).toEqual(before);
      // chengbei's file stays out of 陈州's view.
      expect((await k.call('chenzhou', 'GET', `/api/v1/files/${theirs}`)).statusCode).toBe(404);

      const id = await k.board('dehua');
      const edit = await k.call('dehua', 'PUT', `/api/v1/boards/${id}`, {
        kind: 'board',
        name: '德化街宣传栏',
        location: POINTS.dehua,
        photoId: theirs,
      });
      expect(edit.statusCode).toBe(422);
      const state = await k.call('dehua', 'POST', `/api/v1/boards/${id}/state`, { state: 'good', photoId: theirs });
      expect(state.statusCode).toBe(422);
      expect((await k.call('dehua', 'GET', `/api/v1/boards/${id}`)).json()).toMatchObject({
        photoId: null,
        history: [{ toState: 'good' }],
      });
    });

    it('another writer in scope may keep the board’s own photo when editing it or changing its state', async () => {
      const photo = await k.photo('dehua');
      const id = await k.board('dehua', { photoId: photo });
      const edit = await k.call('chenzhou', 'PUT', `/api/v1/boards/${id}`, {
        kind: 'board',
        name: '德化街宣传栏（改名）',
        location: POINTS.dehua,
        photoId: photo,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const state = await k.call('chenzhou', 'POST', `/api/v1/boards/${id}/state`, {
        state: 'damaged',
        photoId: photo,
      });
      expect(state.statusCode, state.body).toBe(200);
      expect(state.json()).toMatchObject({ state: 'damaged', photoId: photo });
    });
  });
}
