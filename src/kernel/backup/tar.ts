import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';

/**
 * A small ustar writer and reader for backup archives (.tar.gz): regular files only, written with Node's
 * zlib — no dependency that could fetch anything at install time, and the reader accepts only what the
 * writer makes (checked header sums, no links, no absolute or `..` names; gzip's CRC catches damage).
 */
const BLOCK = 512;

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(base) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0) throw new Error(`name too long for the archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155)
      throw new Error(`name too long for the archive: ${name}`);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'binary');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export class TarGzWriter {
  private readonly gzip: Gzip = createGzip();
  private readonly out: WriteStream;
  private readonly done: Promise<unknown>;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
    this.gzip.pipe(this.out);
    this.done = once(this.out, 'close');
    // Errors surface at finish(); until then keep them from ending the process.
    this.out.on('error', () => undefined);
  }

  private async write(buf: Buffer): Promise<void> {
    if (!this.gzip.write(buf)) await once(this.gzip, 'drain');
  }

  async addBuffer(name: string, data: Buffer, mtime = new Date()): Promise<void> {
    await this.write(header(name, data.length, mtime));
    await this.write(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  async addFile(name: string, file: string, size: number, mtime: Date): Promise<void> {
    await this.write(header(name, size, mtime));
    let written = 0;
    for await (const chunk of createReadStream(file)) {
      written += (chunk as Buffer).length;
      await this.write(chunk as Buffer);
    }
    if (written !== size) throw new Error(`${name} changed size while being archived`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await Promise.race([
      this.done,
      once(this.out, 'error').then(([e]) => Promise.reject(e)),
      once(this.gzip, 'error').then(([e]) => Promise.reject(e)),
    ]);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

export class CorruptArchiveError extends Error {}

/**
 * Reads a .tar.gz written by TarGzWriter, calling `onEntry` for each file's header, then `onData` with
 * its bytes in order. Throws CorruptArchiveError on anything else (bad gzip, bad sum, truncation).
 */
export async function readTarGz(
  file: string,
  onEntry: (e: TarEntry) => Promise<void> | void,
  onData: (chunk: Buffer) => Promise<void> | void,
  onEnd: () => Promise<void> | void,
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let remaining = 0; // bytes of the current entry still to hand over
  let padding = 0; // bytes of padding still to skip
  let ended = false;
  const take = async (): Promise<void> => {
    for (;;) {
      if (remaining > 0) {
        if (!pending.length) return;
        const n = Math.min(remaining, pending.length);
        await onData(pending.subarray(0, n));
        pending = pending.subarray(n);
        remaining -= n;
        if (remaining === 0) await onEnd();
        continue;
      }
      if (padding > 0) {
        const n = Math.min(padding, pending.length);
        pending = pending.subarray(n);
        padding -= n;
        if (padding > 0) return;
        continue;
      }
      if (ended) {
        pending = Buffer.alloc(0);
        return;
      }
      if (pending.length < BLOCK) return;
      const h = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (h.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      const stored = parseInt(h.toString('ascii', 148, 156).replace(/[\0 ]/g, ''), 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      if (sum !== stored || h.toString('binary', 257, 263) !== 'ustar\0')
        throw new CorruptArchiveError('archive header damaged');
      if (h.toString('ascii', 156, 157) !== '0') throw new CorruptArchiveError('archive holds a non-file entry');
      const cstr = (s: number, e: number) => {
        const b = h.subarray(s, e);
        const z = b.indexOf(0);
        return b.subarray(0, z < 0 ? b.length : z).toString('utf8');
      };
      const prefix = cstr(345, 500);
      const name = prefix ? `${prefix}/${cstr(0, 100)}` : cstr(0, 100);
      if (!name || name.startsWith('/') || name.split('/').some((p) => p === '..' || p === '' || p === '.'))
        throw new CorruptArchiveError(`archive holds an unsafe name: ${name}`);
      const size = parseInt(h.toString('ascii', 124, 136).replace(/[\0 ]/g, ''), 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new CorruptArchiveError('archive header damaged');
      await onEntry({ name, size });
      remaining = size;
      padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (size === 0) await onEnd();
    }
  };
  try {
    for await (const chunk of createReadStream(file).pipe(createGunzip())) {
      pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      await take();
    }
  } catch (err) {
    if (err instanceof CorruptArchiveError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw err;
    throw new CorruptArchiveError(`archive unreadable: ${(err as Error).message}`);
  }
  if (!ended || remaining > 0) throw new CorruptArchiveError('archive truncated');
}
