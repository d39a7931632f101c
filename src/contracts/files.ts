import { z } from 'zod';

// Replies of the photo API, shared by the server (OpenAPI, reply checks in tests) and the console.

export const FileMeta = z.object({
  id: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** From the photo's EXIF, WGS-84. */
  gps: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  /** From the photo's EXIF. */
  takenAt: z.string().nullable(),
  url: z.string(),
  thumbnailUrl: z.string(),
});
export type FileMeta = z.infer<typeof FileMeta>;
