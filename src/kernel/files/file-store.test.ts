import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { createFileStore, type FileStore } from './file-store.js';
import { HEIC_SAMPLE, noisyJpeg, pngHeaderOnly, solidJpeg, withJpegSize } from './test-fixtures.js';

const base = await mkdtemp(path.join(os.tmpdir(), 'civicgrid-files-'));
afterAll(() => rm(base, { recursive: true, force: true }));

let root: string;
let store: FileStore;
let n = 0;
beforeEach(async () => {
  root = path.join(base, `s${n++}`);
  store = createFileStore({ root });
});

async function allFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

function expectRefused(e: DomainError, code: string) {
  expect(e.kind).toBe('invalid');
  expect(e.code).toBe(code);
  expect(e.errors[0].field).toBe('file');
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('file store: accepted photos', () => {
  it('stores a JPEG content-addressed with its size and a thumbnail of at most 320 px', async () => {
    const data = await solidJpeg(800, 600).toBuffer();
    const saved = await store.save({ data, filename: 'IMG_0001.JPG', declaredType: 'image/jpeg' });
    const sha = createHash('sha256').update(data).digest('hex');
    expect(saved).toEqual({
      sha256: sha,
      size: data.length,
      mimeType: 'image/jpeg',
      width: 800,
      height: 600,
      thumbnail: true,
      gps: null,
      takenAt: null,
    });
    expect(await readFile(path.join(root, sha.slice(0, 2), sha))).toEqual(data);
    const thumb = await sharp(path.join(root, 'thumbs', sha.slice(0, 2), `${sha}.jpg`)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 240]);
  });

  it('stores a PNG with transparency and a JPEG thumbnail', async () => {
    const data = await sharp({
      create: { width: 300, height: 500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const saved = await store.save({ data, filename: 'scan.png' });
    expect([saved.mimeType, saved.width, saved.height, saved.thumbnail]).toEqual(['image/png', 300, 500, true]);
    const thumb = await store.openThumbnail(saved.sha256);
    const meta = await sharp(await readAll(thumb!.stream)).metadata();
    expect([thumb!.mimeType, meta.format, meta.width, meta.height]).toEqual(['image/jpeg', 'jpeg', 192, 320]);
  });

  it('reports the size as displayed and turns the thumbnail by the EXIF orientation', async () => {
    const data = await solidJpeg(400, 200).withMetadata({ orientation: 6 }).toBuffer();
    const saved = await store.save({ data, filename: 'portrait.jpg' });
    expect([saved.width, saved.height]).toEqual([200, 400]);
    const meta = await sharp(await readAll((await store.openThumbnail(saved.sha256))!.stream)).metadata();
    expect([meta.width, meta.height]).toEqual([160, 320]);
  });

  it('reads the EXIF GPS position as WGS-84 degrees and the time the photo was taken', async () => {
    const data = await solidJpeg(64, 64)
      .withExif({
        IFD2: { DateTimeOriginal: '2026:08:06 09:30:00', OffsetTimeOriginal: '+08:00' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '33/1 37/1 12/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '114/1 39/1 0/1',
        },
      })
      .toBuffer();
    const saved = await store.save({ data, filename: 'site.jpg' });
    expect(saved.gps!.lat).toBeCloseTo(33.62, 9);
    expect(saved.gps!.lng).toBeCloseTo(114.65, 9);
    expect(saved.takenAt).toBe('2026-08-06T09:30:00+08:00');
  });

  it('drops a 0/0 GPS position (a receiver without a fix)', async () => {
    const data = await solidJpeg(32, 32)
      .withExif({
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' },
      })
      .toBuffer();
    expect((await store.save({ data, filename: 'nofix.jpg' })).gps).toBeNull();
  });

  it('decodes HEIC, reading GPS from an Exif item behind an iloc base offset', async () => {
    const saved = await store.save({ data: HEIC_SAMPLE, filename: 'IMG_0002.HEIC' });
    expect([saved.mimeType, saved.width, saved.height, saved.thumbnail]).toEqual(['image/heic', 64, 48, true]);
    expect(saved.gps!.lat).toBeCloseTo(33.62, 9);
    expect(saved.gps!.lng).toBeCloseTo(114.65, 9);
    // No OffsetTimeOriginal: read in the store's zone, Asia/Shanghai by default.
    expect(saved.takenAt).toBe('2026-08-06T09:30:00+08:00');
    const opened = await store.open(saved.sha256);
    expect(opened!.mimeType).toBe('image/heic');
    await readAll(opened!.stream);
  });

  it('stores the same content once, whatever the name', async () => {
    const data = await solidJpeg(100, 100).toBuffer();
    const a = await store.save({ data, filename: 'a.jpg' });
    const b = await store.save({ data: Buffer.from(data), filename: 'b.jpeg' });
    expect(b).toEqual(a);
    expect((await allFiles(root)).sort()).toEqual(
      [path.join(a.sha256.slice(0, 2), a.sha256), path.join('thumbs', a.sha256.slice(0, 2), `${a.sha256}.jpg`)].sort(),
    );
  });

  it('goes by the bytes, not the name or the declared type', async () => {
    const data = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const saved = await store.save({ data, filename: 'photo.jpg', declaredType: 'image/jpeg' });
    expect(saved.mimeType).toBe('image/png');
  });
});

describe('file store: refused files leave nothing behind', () => {
  it('refuses a text file renamed .jpg as an unsupported type', async () => {
    const e = await refusal(
      store.save({ data: Buffer.from('这不是照片 just text\n'), filename: 'report.jpg', declaredType: 'image/jpeg' }),
    );
    expectRefused(e, 'file.unsupported_type');
    expect(e.message).toContain('report.jpg');
  });

  it("refuses AVIF, which shares HEIC's container but not its codec", async () => {
    const data = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#00f' } })
      .avif()
      .toBuffer();
    expectRefused(await refusal(store.save({ data, filename: 'x.heic' })), 'file.unsupported_type');
  });

  it('refuses a truncated JPEG as corrupt', async () => {
    const data = await noisyJpeg(256, 256);
    expectRefused(
      await refusal(store.save({ data: data.subarray(0, data.length >> 1), filename: 'cut.jpg' })),
      'file.corrupt',
    );
  });

  it('refuses a truncated HEIC as corrupt', async () => {
    expectRefused(
      await refusal(store.save({ data: HEIC_SAMPLE.subarray(0, 600), filename: 'cut.heic' })),
      'file.corrupt',
    );
  });

  it('refuses a file over 15 MB before looking inside', async () => {
    const data = Buffer.alloc(15 * 1024 * 1024 + 1);
    data.set([0xff, 0xd8, 0xff, 0xe0]);
    const e = await refusal(store.save({ data, filename: 'huge.jpg' }));
    expectRefused(e, 'file.too_large');
    expect(e.message).toContain('15 MB');
  });

  it('refuses a PNG declaring 100000×100000 pixels without decoding it', async () => {
    const data = pngHeaderOnly(100_000, 100_000);
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    expectRefused(await refusal(store.save({ data, filename: 'bomb.png' })), 'file.too_many_pixels');
    expect(performance.now() - t0).toBeLessThan(500);
    // Decoding would need 30 GB; anything near that would show here.
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a JPEG whose header claims 60000×60000 pixels', async () => {
    const data = withJpegSize(await solidJpeg(16, 16).toBuffer(), 60_000, 60_000);
    expectRefused(await refusal(store.save({ data, filename: 'bomb.jpg' })), 'file.too_many_pixels');
  });

  it('refuses a PNG declaring zero width as corrupt', async () => {
    expectRefused(await refusal(store.save({ data: pngHeaderOnly(0, 10), filename: 'zero.png' })), 'file.corrupt');
  });

  it('writes nothing for any refused file', async () => {
    await refusal(store.save({ data: Buffer.from('hello'), filename: 'a.jpg' }));
    await refusal(store.save({ data: pngHeaderOnly(100_000, 100_000), filename: 'b.png' }));
    const cut = await noisyJpeg(128, 128);
    await refusal(store.save({ data: cut.subarray(0, 2000), filename: 'c.jpg' }));
    expect(await allFiles(root)).toEqual([]);
  });

  it('removes its temporary file when the final write fails', async () => {
    const data = await solidJpeg(50, 50).toBuffer();
    const sha = createHash('sha256').update(data).digest('hex');
    // A folder where the file should go makes the rename fail after the temporary file was written.
    await mkdir(path.join(root, sha.slice(0, 2), sha), { recursive: true });
    await expect(store.save({ data, filename: 'x.jpg' })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await allFiles(root)).toEqual([]);
    expect(await store.exists(sha)).toBe(false);
  });
});

describe('file store: reading back', () => {
  it('opens the original and the thumbnail as streams with their sizes', async () => {
    const data = await solidJpeg(640, 480).toBuffer();
    const { sha256 } = await store.save({ data, filename: 'a.jpg' });
    expect(await store.exists(sha256)).toBe(true);
    const original = await store.open(sha256);
    expect([original!.size, original!.mimeType]).toEqual([data.length, 'image/jpeg']);
    expect(await readAll(original!.stream)).toEqual(data);
    const thumb = await store.openThumbnail(sha256);
    const bytes = await readAll(thumb!.stream);
    expect(bytes.length).toBe(thumb!.size);
  });

  it('answers null for unknown or malformed ids, never a path outside the store', async () => {
    const unknown = 'a'.repeat(64);
    expect(await store.open(unknown)).toBeNull();
    expect(await store.openThumbnail(unknown)).toBeNull();
    expect(await store.exists(unknown)).toBe(false);
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), '', 'thumbs']) {
      expect(await store.open(bad)).toBeNull();
      expect(await store.exists(bad)).toBe(false);
    }
  });
});
