import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { fileError } from './file-errors.js';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/heic';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);

/** The real type from the first bytes; null for anything we do not take (the name and the browser's word are ignored). */
export function sniffImageType(buf: Buffer): ImageType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (buf.length >= 16 && buf.toString('latin1', 4, 8) === 'ftyp') {
    const size = Math.min(buf.readUInt32BE(0), buf.length);
    const brands = [buf.toString('latin1', 8, 12)];
    for (let at = 16; at + 4 <= size; at += 4) brands.push(buf.toString('latin1', at, at + 4));
    // AVIF shares the container (mif1) but not the codec: only HEVC brands count as HEIC.
    if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
  }
  return null;
}

export interface DecodeLimits {
  maxPixels: number;
  /** the thumbnail's long side in pixels */
  thumbnailSize: number;
}

export interface DecodedImage {
  /** as displayed, i.e. after EXIF orientation (JPEG, PNG) or irot/imir (HEIC) */
  width: number;
  height: number;
  /** a JPEG, no metadata, long side ≤ thumbnailSize */
  thumbnail: Buffer;
}

function checkSize(width: number, height: number, limits: DecodeLimits, name: string) {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw fileError('file.corrupt', `照片「${name}」已损坏或不完整，请重新拍摄或选择原图`, '图片尺寸无效');
  }
  if (width * height > limits.maxPixels) {
    const mp = Math.round(limits.maxPixels / 1e6);
    throw fileError(
      'file.too_many_pixels',
      `照片「${name}」像素过多（${width}×${height}），最多 ${mp} 百万像素`,
      `像素超过 ${mp} 百万`,
    );
  }
}

function corrupt(name: string): never {
  throw fileError('file.corrupt', `照片「${name}」已损坏或不完整，请重新拍摄或选择原图`, '无法解码图片');
}

/** PNG declares its size in IHDR, the first chunk; reading it costs nothing, decoding a bomb costs gigabytes. */
function pngHeaderSize(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function thumbnailOf(image: Sharp, size: number): Promise<Buffer> {
  return image
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function decodeWithSharp(
  data: Buffer,
  type: ImageType,
  limits: DecodeLimits,
  name: string,
): Promise<DecodedImage> {
  if (type === 'image/png') {
    const declared = pngHeaderSize(data);
    if (!declared) corrupt(name);
    checkSize(declared.width, declared.height, limits, name);
  }
  // limitInputPixels is a second fence behind our own check; failOn 'truncated' refuses cut-off files
  // but keeps the many phone JPEGs that carry harmless warnings.
  const options: SharpOptions = { failOn: 'truncated', limitInputPixels: limits.maxPixels };
  let meta: Metadata;
  try {
    // Header only, no pixels: without sharp's own limit here, too large an image gets our clearer refusal.
    meta = await sharp(data, { ...options, limitInputPixels: false }).metadata();
  } catch {
    corrupt(name);
  }
  if (meta.format !== (type === 'image/png' ? 'png' : 'jpeg')) corrupt(name);
  checkSize(meta.width ?? 0, meta.height ?? 0, limits, name);
  const shown = meta.autoOrient ?? { width: meta.width, height: meta.height };
  try {
    // Making the thumbnail decodes every row, so a truncated or damaged file fails here.
    const thumbnail = await thumbnailOf(sharp(data, options).autoOrient(), limits.thumbnailSize);
    return { width: shown.width, height: shown.height, thumbnail };
  } catch {
    corrupt(name);
  }
}

interface HeifImage {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(
    target: { data: Uint8ClampedArray; width: number; height: number },
    done: (r: { data: Uint8ClampedArray } | null) => void,
  ): void;
  free(): void;
}
interface LibHeif {
  ready?: Promise<unknown>;
  HeifDecoder: new () => { decoder: { delete?: () => void } | null; decode(data: Uint8Array): HeifImage[] };
}

let libheif: LibHeif | null | undefined;

/** Loaded on the first HEIC only: the WebAssembly bundle is 2 MB of JavaScript. */
async function loadLibheif(): Promise<LibHeif | null> {
  if (libheif === undefined) {
    try {
      const lib = createRequire(import.meta.url)('libheif-js/wasm-bundle') as LibHeif;
      await lib.ready;
      libheif = lib;
    } catch {
      libheif = null;
    }
  }
  return libheif;
}

async function decodeHeic(data: Buffer, limits: DecodeLimits, name: string): Promise<DecodedImage> {
  const lib = await loadLibheif();
  if (!lib) {
    throw fileError(
      'file.unsupported_type',
      `本服务器暂不能读取 HEIC 照片「${name}」，请在手机相机设置中选择“兼容性最佳”（JPEG）后重拍`,
      '不支持 HEIC',
    );
  }
  const decoder = new lib.HeifDecoder();
  let images: HeifImage[] = [];
  try {
    images = decoder.decode(data);
    const image = images.find((i) => i.is_primary()) ?? images[0];
    if (!image) corrupt(name);
    const width = image.get_width();
    const height = image.get_height();
    // The handle's size comes from the header: checked before a single pixel is decoded.
    checkSize(width, height, limits, name);
    const rgba = await new Promise<Uint8ClampedArray | null>((resolve) => {
      image.display({ data: new Uint8ClampedArray(width * height * 4), width, height }, (r) =>
        resolve(r ? r.data : null),
      );
    });
    if (!rgba) corrupt(name);
    const raw = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
    const thumbnail = await thumbnailOf(sharp(raw, { raw: { width, height, channels: 4 } }), limits.thumbnailSize);
    return { width, height, thumbnail };
  } catch (e) {
    if (e instanceof Error && 'code' in e && String(e.code).startsWith('file.')) throw e;
    return corrupt(name);
  } finally {
    for (const i of images) i.free();
    decoder.decoder?.delete?.();
  }
}

/** Checks the size limits from the header, then decodes the whole image and makes its thumbnail. */
export function decodeImage(data: Buffer, type: ImageType, limits: DecodeLimits, name: string): Promise<DecodedImage> {
  return type === 'image/heic' ? decodeHeic(data, limits, name) : decodeWithSharp(data, type, limits, name);
}
