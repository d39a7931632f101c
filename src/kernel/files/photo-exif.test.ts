import { describe, expect, it } from 'vitest';
import { findHeifExif } from './heif-exif.js';
import { exifTimeToIso, gpsFromTags } from './photo-exif.js';
import { HEIC_SAMPLE } from './test-fixtures.js';

describe('gpsFromTags', () => {
  it('turns degrees, minutes and seconds into signed decimal degrees', () => {
    expect(
      gpsFromTags({ GPSLatitude: [33, 37, 12], GPSLatitudeRef: 'N', GPSLongitude: [114, 39, 0], GPSLongitudeRef: 'E' }),
    ).toEqual({ lat: 33.62, lng: 114.65 });
    const sw = gpsFromTags({
      GPSLatitude: [33, 30, 0],
      GPSLatitudeRef: 'S',
      GPSLongitude: [70, 45, 0],
      GPSLongitudeRef: 'W',
    });
    expect(sw).toEqual({ lat: -33.5, lng: -70.75 });
  });

  it('gives null for missing, out-of-range, non-numeric and 0/0 positions', () => {
    expect(gpsFromTags({})).toBeNull();
    expect(gpsFromTags({ GPSLatitude: [33, 0, 0] })).toBeNull();
    expect(gpsFromTags({ GPSLatitude: [95, 0, 0], GPSLongitude: [114, 0, 0] })).toBeNull();
    expect(gpsFromTags({ GPSLatitude: [33, 0, 0], GPSLongitude: [181, 0, 0] })).toBeNull();
    expect(gpsFromTags({ GPSLatitude: 'north', GPSLongitude: [114, 0, 0] })).toBeNull();
    expect(
      gpsFromTags({ GPSLatitude: [0, 0, 0], GPSLatitudeRef: 'N', GPSLongitude: [0, 0, 0], GPSLongitudeRef: 'E' }),
    ).toBeNull();
  });
});

describe('exifTimeToIso', () => {
  it('keeps the wall time and uses OffsetTimeOriginal when the camera wrote it', () => {
    expect(exifTimeToIso('2026:08:06 09:30:00', '+09:00', 'Asia/Shanghai')).toBe('2026-08-06T09:30:00+09:00');
  });

  it('reads a time without offset in the given zone, daylight saving included', () => {
    expect(exifTimeToIso('2026:08:06 09:30:00', undefined, 'Asia/Shanghai')).toBe('2026-08-06T09:30:00+08:00');
    expect(exifTimeToIso('2026:07:01 12:00:00', undefined, 'Europe/Berlin')).toBe('2026-07-01T12:00:00+02:00');
    expect(exifTimeToIso('2026:01:15 12:00:00', undefined, 'Europe/Berlin')).toBe('2026-01-15T12:00:00+01:00');
    expect(new Date(exifTimeToIso('2026:08:06 09:30:00', null, 'Asia/Shanghai')!).toISOString()).toBe(
      '2026-08-06T01:30:00.000Z',
    );
  });

  it('gives null for unset clocks and impossible dates', () => {
    for (const v of [
      '0000:00:00 00:00:00',
      '2026:02:30 10:00:00',
      '2026:08:06 25:00:00',
      '    :  :     :  :  ',
      '',
      42,
      undefined,
    ]) {
      expect(exifTimeToIso(v, undefined, 'Asia/Shanghai')).toBeNull();
    }
  });
});

describe('findHeifExif', () => {
  it('finds the TIFF structure of a HEIC Exif item', () => {
    const tiff = findHeifExif(HEIC_SAMPLE);
    expect(tiff!.subarray(0, 4).toString('latin1')).toMatch(/^(II\*\0|MM\0\*)$/);
  });

  it('gives null, never an exception, for anything else or a cut-off file', () => {
    expect(findHeifExif(Buffer.from('not a heif file at all'))).toBeNull();
    expect(findHeifExif(Buffer.alloc(0))).toBeNull();
    for (let cut = 0; cut < HEIC_SAMPLE.length; cut += 7) {
      const out = findHeifExif(HEIC_SAMPLE.subarray(0, cut));
      if (out) expect(out.subarray(0, 2).toString('latin1')).toMatch(/II|MM/);
    }
  });

  it('survives random corruption of the boxes', () => {
    let seed = 1;
    const rand = () => ((seed = Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 300; i++) {
      const copy = Buffer.from(HEIC_SAMPLE);
      for (let k = 0; k < 4; k++) copy[Math.floor(rand() * 400)] = Math.floor(rand() * 256);
      expect(() => findHeifExif(copy)).not.toThrow();
    }
  });
});
