import { z } from 'zod';

// Replies of the admins' Open311 API-key endpoints. Open311 GeoReport v2 itself (/open311/v2, XML
// and JSON) follows its own published format and is not described here.

export const ApiKeyView = z.object({
  id: z.string(),
  /** The client app, e.g. 「i周口」市民端. */
  name: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyList = z.object({ items: z.array(ApiKeyView) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** The key is shown this once. */
export const IssuedApiKey = z.object({ id: z.string(), name: z.string(), key: z.string(), createdAt: z.string() });
export type IssuedApiKey = z.infer<typeof IssuedApiKey>;
