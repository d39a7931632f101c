import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileError } from './file-errors.js';
import { decodeImage, sniffImageType, type ImageType } from './image-decode.js';
import { readPhotoExif } from './photo-exif.js';

export type { ImageType } from './image-decode.js';

export interface FileStoreOptions {
  /** the folder that holds everything, e.g. `<dataDir>/files` */
  root: string;
  /** default 15 MB; give the same number to the upload route's body limit */
  maxBytes?: number;
  /** default 40 million: refuses decompression bombs before decoding */
  maxPixels?: number;
  /** the thumbnail's long side, default 320 px */
  thumbnailSize?: number;
  /** the zone an EXIF time without OffsetTimeOriginal is read in; default Asia/Shanghai (config.timeZone) */
  timeZone?: string;
}

export interface SaveFileInput {
  data: Buffer;
  /** the name the client gave; only quoted in error messages, never trusted */
  filename: string;
  /** the client's Content-Type; ignored, the bytes decide */
  declaredType?: string;
}

export interface StoredFile {
  sha256: string;
  size: number;
  mimeType: ImageType;
  /** as displayed, after EXIF orientation */
  width: number;
  height: number;
  thumbnail: boolean;
  /** WGS-84 from EXIF GPS; null when absent, 0/0 or out of range */
  gps: { lng: number; lat: number } | null;
  /** EXIF DateTimeOriginal as ISO 8601 with its offset, e.g. 2026-08-06T09:30:00+08:00 */
  takenAt: string | null;
}

export interface OpenedFile {
  /** closes its file when read to the end or destroyed */
  stream: Readable;
  size: number;
  mimeType: string;
}

export interface FileStore {
  readonly root: string;
  readonly limits: { readonly maxBytes: number; readonly maxPixels: number };
  save(input: SaveFileInput): Promise<StoredFile>;
  open(sha256: string): Promise<OpenedFile | null>;
  openThumbnail(sha256: string): Promise<OpenedFile | null>;
  exists(sha256: string): Promise<boolean>;
  /** Deletes the bytes and thumbnail of a content (gone already is fine); the caller knows no row names it. */
  remove(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Client file names go into messages: strip any path and control characters, keep it short. */
function displayName(filename: string): string {
  const base = path.basename(String(filename ?? '').replaceAll('\\', '/'));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean) return '未命名';
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

async function isFileOfSize(p: string, size: number): Promise<boolean> {
  try {
    const s = await stat(p);
    return s.isFile() && s.size === size;
  } catch {
    return false;
  }
}

/**
 * Writes to a temporary file in the target folder, flushes it, then renames: a reader or a crash sees
 * the whole file or none. The temporary file is removed on any failure.
 */
async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fh: FileHandle | undefined;
  try {
    fh = await open(tmp, 'wx', 0o644);
    await fh.writeFile(bytes);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, target);
  } catch (e) {
    await fh?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

async function openForReading(p: string, mimeType: string | null): Promise<OpenedFile | null> {
  let fh: FileHandle;
  try {
    fh = await open(p, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw e;
  }
  try {
    const s = await fh.stat();
    if (!s.isFile()) {
      await fh.close();
      return null;
    }
    let type = mimeType;
    if (!type) {
      const head = Buffer.alloc(64);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      type = sniffImageType(head.subarray(0, bytesRead)) ?? 'application/octet-stream';
    }
    return { stream: fh.createReadStream({ start: 0 }), size: s.size, mimeType: type };
  } catch (e) {
    await fh.close().catch(() => {});
    throw e;
  }
}

export function createFileStore(options: FileStoreOptions): FileStore {
  const root = path.resolve(options.root);
  const maxBytes = options.maxBytes ?? 15 * 1024 * 1024;
  const maxPixels = options.maxPixels ?? 40_000_000;
  const thumbnailSize = options.thumbnailSize ?? 320;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';

  const originalPath = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  const thumbnailPath = (sha: string) => path.join(root, 'thumbs', sha.slice(0, 2), `${sha}.jpg`);

  return {
    root,
    limits: { maxBytes, maxPixels },

    async save({ data, filename }) {
      const name = displayName(filename);
      if (data.length > maxBytes) {
        const mb = Math.round(maxBytes / 1024 / 1024);
        throw fileError(
          'file.too_large',
          `照片「${name}」太大（${(data.length / 1024 / 1024).toFixed(1)} MB），单张不能超过 ${mb} MB`,
          `超过 ${mb} MB`,
        );
      }
      const mimeType = sniffImageType(data);
      if (!mimeType) {
        throw fileError(
          'file.unsupported_type',
          `文件「${name}」不是 JPEG、PNG 或 HEIC 格式的照片`,
          '只支持 JPEG、PNG、HEIC 照片',
        );
      }
      // Everything is checked and the thumbnail made in memory before a byte is written.
      const image = await decodeImage(data, mimeType, { maxPixels, thumbnailSize }, name);
      const exif = await readPhotoExif(data, mimeType, timeZone);
      const sha256 = createHash('sha256').update(data).digest('hex');

      const original = originalPath(sha256);
      if (!(await isFileOfSize(original, data.length))) await writeAtomically(original, data);
      const thumb = thumbnailPath(sha256);
      if (!(await isFileOfSize(thumb, image.thumbnail.length))) await writeAtomically(thumb, image.thumbnail);

      return {
        sha256,
        size: data.length,
        mimeType,
        width: image.width,
        height: image.height,
        thumbnail: true,
        gps: exif.gps,
        takenAt: exif.takenAt,
      };
    },

    async open(sha256) {
      return SHA256.test(sha256) ? openForReading(originalPath(sha256), null) : null;
    },

    async openThumbnail(sha256) {
      return SHA256.test(sha256) ? openForReading(thumbnailPath(sha256), 'image/jpeg') : null;
    },

    async exists(sha256) {
      if (!SHA256.test(sha256)) return false;
      try {
        return (await stat(originalPath(sha256))).isFile();
      } catch {
        return false;
      }
    },

    async remove(sha256) {
      if (!SHA256.test(sha256)) return;
      await rm(originalPath(sha256), { force: true });
      await rm(thumbnailPath(sha256), { force: true });
    },
  };
}
