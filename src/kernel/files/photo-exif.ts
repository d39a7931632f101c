import exifr from 'exifr';
import { findHeifExif } from './heif-exif.js';
import type { ImageType } from './image-decode.js';

export interface PhotoExif {
  /** WGS-84 decimal degrees as the camera's GPS wrote them (no GCJ-02 shift). */
  gps: { lng: number; lat: number } | null;
  /** DateTimeOriginal as ISO 8601 with the offset, e.g. 2026-08-06T09:30:00+08:00. */
  takenAt: string | null;
}

const NONE: PhotoExif = { gps: null, takenAt: null };

const PICK = [
  'DateTimeOriginal',
  'OffsetTimeOriginal',
  'GPSLatitude',
  'GPSLatitudeRef',
  'GPSLongitude',
  'GPSLongitudeRef',
];

/**
 * Reads the position and the time a photo was taken. Unreadable or implausible EXIF gives nulls,
 * never an error: a photo with broken metadata is still a photo.
 * @param timeZone the zone a DateTimeOriginal without OffsetTimeOriginal is read in (config.timeZone)
 */
export async function readPhotoExif(data: Buffer, type: ImageType, timeZone: string): Promise<PhotoExif> {
  const source = type === 'image/heic' ? findHeifExif(data) : data;
  if (!source) return NONE;
  let tags: Record<string, unknown> | undefined;
  try {
    // reviveValues: false keeps DateTimeOriginal as written, instead of a Date in the server's zone.
    tags = await exifr.parse(source, { pick: PICK, reviveValues: false });
  } catch {
    return NONE;
  }
  if (!tags) return NONE;
  return {
    gps: gpsFromTags(tags),
    takenAt: exifTimeToIso(tags.DateTimeOriginal, tags.OffsetTimeOriginal, timeZone),
  };
}

function degrees(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value.length >= 1 && value.length <= 3 && value.every((v) => typeof v === 'number')) {
    const [d, m = 0, s = 0] = value as number[];
    return d + m / 60 + s / 3600;
  }
  return NaN;
}

/** GPS tags to WGS-84 degrees; null for missing, out of range, or 0/0 (a receiver without a fix). */
export function gpsFromTags(tags: Record<string, unknown>): { lng: number; lat: number } | null {
  let lat = degrees(tags.GPSLatitude);
  let lng = degrees(tags.GPSLongitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (
    String(tags.GPSLatitudeRef ?? 'N')
      .trim()
      .toUpperCase() === 'S'
  )
    lat = -Math.abs(lat);
  if (
    String(tags.GPSLongitudeRef ?? 'E')
      .trim()
      .toUpperCase() === 'W'
  )
    lng = -Math.abs(lng);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  if (Math.abs(lat) < 1e-7 && Math.abs(lng) < 1e-7) return null;
  return { lng, lat };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at an instant, e.g. 480 for Asia/Shanghai. */
function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * EXIF local time ("2026:08:06 09:30:00") to ISO 8601 with an offset. OffsetTimeOriginal wins when the
 * camera wrote one; otherwise the wall time is read in `timeZone`, where the grid workers are.
 */
export function exifTimeToIso(value: unknown, offsetTag: unknown, timeZone: string): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  // Rejects 0000:00:00 00:00:00 (unset clocks) and impossible dates such as 02-30.
  if (
    y < 1900 ||
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  let offset: string;
  if (typeof offsetTag === 'string' && /^[+-]\d{2}:\d{2}$/.test(offsetTag.trim())) {
    offset = offsetTag.trim();
  } else {
    // Two passes find the offset in force at that wall time, even across a daylight-saving change.
    let minutes = zoneOffsetMinutes(timeZone, wall);
    minutes = zoneOffsetMinutes(timeZone, wall - minutes * 60_000);
    offset = formatOffset(minutes);
  }
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`;
}
