import sharp from 'sharp';
import fs from 'node:fs';
const img = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } });
const buf = await img.jpeg().withExif({ IFD0: { Make: 'Test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 2/1 0/1' }, IFD2: { DateTimeOriginal: '2026:08:06 09:30:00', OffsetTimeOriginal: '+08:00' } }).withMetadata({orientation: 6}).toBuffer();
fs.writeFileSync('/tmp/heic/a.jpg', buf);
const exifr = (await import('exifr')).default;
console.log(await exifr.parse(buf, { gps: true, reviveValues: false, pick: ['DateTimeOriginal','OffsetTimeOriginal','GPSLatitude','GPSLatitudeRef','GPSLongitude','GPSLongitudeRef','Orientation'] }));
const m = await sharp(buf).metadata(); console.log(m.orientation, m.autoOrient);
