/**
 * Finds the Exif block of a HEIF/HEIC file (ISO/IEC 23008-12): the `Exif` item named in `meta/iinf`,
 * located through `meta/iloc`. exifr reads the block of Apple's files but ignores iloc's base_offset,
 * which libheif and several Android phones use, and then finds nothing; so we locate it ourselves and
 * hand exifr the bare TIFF structure. Every read is bounds-checked: the input is untrusted.
 */

interface Box {
  type: string;
  /** first byte of the payload (after size, type and any 64-bit size) */
  start: number;
  end: number;
}

function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      const big = buf.readBigUInt64BE(at + 8);
      if (big > BigInt(to - at)) return;
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) return;
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

function child(buf: Buffer, parent: Box, type: string, skip = 0): Box | undefined {
  for (const b of boxes(buf, parent.start + skip, parent.end)) if (b.type === type) return b;
  return undefined;
}

/** Reads an unsigned big-endian integer of 0, 4 or 8 bytes, the widths iloc allows. */
function uint(buf: Buffer, at: number, bytes: number, end: number): number {
  if (bytes === 0) return 0;
  if (at + bytes > end) throw new RangeError('iloc truncated');
  if (bytes === 4) return buf.readUInt32BE(at);
  if (bytes === 8) {
    const v = buf.readBigUInt64BE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('iloc offset too large');
    return Number(v);
  }
  if (bytes === 2) return buf.readUInt16BE(at);
  throw new RangeError(`iloc field width ${bytes}`);
}

function exifItemId(buf: Buffer, iinf: Box): number | null {
  const version = buf[iinf.start];
  const skip = 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(buf, iinf.start + skip, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const v = buf[infe.start];
    if (v < 2) continue;
    const idBytes = v === 2 ? 2 : 4;
    const at = infe.start + 4;
    if (at + idBytes + 2 + 4 > infe.end) continue;
    const id = idBytes === 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
    if (buf.toString('latin1', at + idBytes + 2, at + idBytes + 6) === 'Exif') return id;
  }
  return null;
}

function itemBytes(buf: Buffer, meta: Box, iloc: Box, wanted: number): Buffer | null {
  const end = iloc.end;
  const version = buf[iloc.start];
  let at = iloc.start + 4;
  if (at + 2 > end) return null;
  const offsetSize = buf[at] >> 4;
  const lengthSize = buf[at] & 15;
  const baseOffsetSize = buf[at + 1] >> 4;
  const indexSize = version === 1 || version === 2 ? buf[at + 1] & 15 : 0;
  at += 2;
  const count = version < 2 ? uint(buf, at, 2, end) : uint(buf, at, 4, end);
  at += version < 2 ? 2 : 4;
  for (let i = 0; i < count; i++) {
    const id = version < 2 ? uint(buf, at, 2, end) : uint(buf, at, 4, end);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = uint(buf, at, 2, end) & 15;
      at += 2;
    }
    at += 2; // data_reference_index: 0 means this file
    const base = uint(buf, at, baseOffsetSize, end);
    at += baseOffsetSize;
    const extents = uint(buf, at, 2, end);
    at += 2;
    const parts: Buffer[] = [];
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      const offset = uint(buf, at, offsetSize, end);
      at += offsetSize;
      const length = uint(buf, at, lengthSize, end);
      at += lengthSize;
      if (id !== wanted) continue;
      // construction_method 0: offsets into the file; 1: into the meta box's idat.
      let from: number;
      let limit: number;
      if (method === 0) {
        from = base + offset;
        limit = buf.length;
      } else if (method === 1) {
        const idat = child(buf, meta, 'idat', 4);
        if (!idat) return null;
        from = idat.start + base + offset;
        limit = idat.end;
      } else {
        return null;
      }
      const to = length === 0 ? limit : from + length;
      if (from < 0 || to > limit || to <= from) return null;
      parts.push(buf.subarray(from, to));
    }
    if (id === wanted) return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
  return null;
}

function tiffStart(block: Buffer): number {
  const isTiff = (at: number) =>
    at >= 0 &&
    at + 4 <= block.length &&
    ((block[at] === 0x49 && block[at + 1] === 0x49 && block[at + 2] === 0x2a && block[at + 3] === 0) ||
      (block[at] === 0x4d && block[at + 1] === 0x4d && block[at + 2] === 0 && block[at + 3] === 0x2a));
  if (block.length >= 4) {
    // The block starts with exif_tiff_header_offset; some writers get it wrong, so search nearby too.
    const declared = 4 + block.readUInt32BE(0);
    if (isTiff(declared)) return declared;
  }
  for (let at = 0; at < Math.min(block.length - 4, 64); at++) if (isTiff(at)) return at;
  return -1;
}

/** The TIFF structure (starting `II*\0` or `MM\0*`) of a HEIF file's Exif item, or null. */
export function findHeifExif(buf: Buffer): Buffer | null {
  try {
    let meta: Box | undefined;
    for (const b of boxes(buf, 0, buf.length)) {
      if (b.type === 'meta') {
        meta = b;
        break;
      }
    }
    if (!meta) return null;
    // meta is a FullBox: 4 bytes of version and flags before its children.
    const iinf = child(buf, meta, 'iinf', 4);
    const iloc = child(buf, meta, 'iloc', 4);
    if (!iinf || !iloc) return null;
    const id = exifItemId(buf, iinf);
    if (id === null) return null;
    const block = itemBytes(buf, meta, iloc, id);
    if (!block) return null;
    const at = tiffStart(block);
    return at < 0 ? null : block.subarray(at);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
