import type { FileTable } from '../../../kernel/db/schema.js';
import type { FileMeta } from '../../../contracts/files.js';

export const presentFile = (f: FileTable): FileMeta => ({
  id: f.id,
  filename: f.filename,
  mimeType: f.mime_type,
  size: f.size,
  width: f.width,
  height: f.height,
  gps: f.gps_lng !== null && f.gps_lat !== null ? { lng: f.gps_lng, lat: f.gps_lat } : null,
  takenAt: f.taken_at,
  url: `/api/v1/files/${f.id}`,
  thumbnailUrl: `/api/v1/files/${f.id}/thumbnail`,
});
