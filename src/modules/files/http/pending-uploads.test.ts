import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { noisyJpeg, solidJpeg } from '../../../kernel/files/test-fixtures.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { openVenueKit, POINTS, type VenueKit } from '../../venues/test-kit.js';
import { filesModule } from '../index.js';

// Issue 16, item 6: an upload is its uploader's until attached; pending ones expire and are capped.
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: pending uploads`, () => {
    let k: VenueKit;
    beforeAll(async () => {
      k = await openVenueKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    const fileRow = (id: string) =>
      k.h.database.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

    it('an inspection may not attach another account’s upload: 422 naming the field, nothing written', async () => {
      const venue = await k.venue('dehua');
      const mine = await k.photo('wgy');
      const theirs = await k.photo('dehua');
      const before = await k.count('venue_inspections');
      const r = await k.call('wgy', 'POST', `/api/v1/venues/${venue}/inspections`, {
        items: k.findings(),
        photoIds: [mine, theirs],
      });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors).toEqual([{ field: 'photoIds[1]', message: zhSentence('file.not_own') }]);
      expect(await k.count('venue_inspections')).toBe(before);
      // Neither file became attached.
      expect((await fileRow(mine))?.attached_at).toBeNull();
      expect((await fileRow(theirs))?.attached_at).toBeNull();
      const ok = await k.call('wgy', 'POST', `/api/v1/venues/${venue}/inspections`, {
        items: k.findings(),
        photoIds: [mine],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await fileRow(mine))?.attached_at).toBe(k.h.clock.now().toISOString());
    });

    it('a case report may not attach another account’s upload: 422 naming the field, no case', async () => {
      const theirs = await k.photo('dehua');
      const before = await k.count('cases');
      const body = { categoryCode: '0102', description: '路灯不亮', location: POINTS.dehua1 };
      const r = await k.call('wgy', 'POST', '/api/v1/cases', { ...body, photoIds: [theirs] });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json().errors).toEqual([{ field: 'photoIds[0]', message: zhSentence('file.not_own') }]);
      expect(await k.count('cases')).toBe(before);
      expect((await fileRow(theirs))?.attached_at).toBeNull();
      expect((await fileRow(theirs))?.case_id).toBeNull();
      const own = await k.call('dehua', 'POST', '/api/v1/cases', { ...body, photoIds: [theirs] });
      expect(own.statusCode, own.body).toBe(201);
      expect((await fileRow(theirs))?.attached_at).not.toBeNull();
    });

    it('the prune job forgets old pending uploads and their bytes, keeps attached and recent ones', async () => {
      const db = k.h.database.db;
      const store = k.h.context.files;
      // Start from no pending uploads of earlier tests.
      await db.deleteFrom('files').where('attached_at', 'is', null).execute();
      const uploadBytes = async (bytes: Buffer) => {
        const up = await k.upload('wgy', '/api/v1/files', 'x.jpg', 'image/jpeg', bytes);
        expect(up.statusCode, up.body).toBe(201);
        return up.json().id as string;
      };
      const venue = await k.venue('dehua');
      const attached = await uploadBytes(await solidJpeg(64, 48).toBuffer());
      const sharesBytes = await uploadBytes(await solidJpeg(64, 48).toBuffer()); // same content as `attached`
      const oldAlone = await uploadBytes(await solidJpeg(70, 50).toBuffer());
      const ins = await k.call('wgy', 'POST', `/api/v1/venues/${venue}/inspections`, {
        items: k.findings(),
        photoIds: [attached],
      });
      expect(ins.statusCode, ins.body).toBe(201);
      const t0 = k.h.clock.now().getTime();
      k.h.clock.advance(2 * 3600_000);
      const recent = await uploadBytes(await solidJpeg(72, 52).toBuffer());
      const sha = async (id: string) => (await fileRow(id))!.sha256;
      const shas = { attached: await sha(attached), oldAlone: await sha(oldAlone), recent: await sha(recent) };
      expect(await sha(sharesBytes)).toBe(shas.attached);

      const job = filesModule.jobs!(k.h.context).find((j) => j.name === 'files.prune_pending')!;
      // A day and a second after the first uploads (the default 24 hours): `recent` is 22 hours old.
      const result = await job.run(new Date(t0 + 24 * 3600_000 + 1000));
      expect(result).toMatchObject({ deleted: 2, removedFiles: 1 });
      expect(await fileRow(sharesBytes)).toBeUndefined();
      expect(await fileRow(oldAlone)).toBeUndefined();
      expect(await fileRow(attached)).toBeDefined();
      expect(await fileRow(recent)).toBeDefined();
      expect(await store.exists(shas.oldAlone)).toBe(false);
      expect(await store.openThumbnail(shas.oldAlone)).toBeNull();
      expect(await store.exists(shas.attached)).toBe(true);
      expect(await store.exists(shas.recent)).toBe(true);
      // The attached photo is still served.
      const url = `/api/v1/files/${attached}`;
      expect((await k.call('wgy', 'GET', url)).statusCode).toBe(200);
    });
  });

  describe(`${tdb.name}: the pending-upload cap`, () => {
    let h: Harness;
    let cookie: string;
    beforeAll(async () => {
      h = await openHarness(tdb, { CIVICGRID_UPLOAD_PENDING_MB: '1' });
      cookie = await h.login('admin');
    }, 120_000);
    afterAll(async () => h?.close());

    const upload = (bytes: Buffer) => {
      const boundary = '----cap' + Date.now();
      return h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          ),
          bytes,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    };

    it('refuses the upload that would take the account’s pending bytes past the cap, storing nothing', async () => {
      const first = await noisyJpeg(1000, 900);
      const second = await noisyJpeg(1000, 1000);
      // The figures the cap is judged on: 1 MB = 1,048,576 bytes.
      expect(first.length).toBeLessThan(1_048_576);
      expect(first.length + second.length).toBeGreaterThan(1_048_576);
      const ok = await upload(first);
      expect(ok.statusCode, ok.body).toBe(201);
      const rows = async () =>
        Number(
          (
            await h.database.db
              .selectFrom('files')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await rows();
      const over = await upload(second);
      expect(over.statusCode, over.body).toBe(422);
      expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(over.json()).toMatchObject({ code: 'file.pending_quota', errors: [{ field: 'file' }] });
      expect(await rows()).toBe(before);
      const { createHash } = await import('node:crypto');
      expect(await h.context.files.exists(createHash('sha256').update(second).digest('hex'))).toBe(false);
    });
  });
}
