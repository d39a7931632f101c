import { api } from '../../lib/api';
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ENTITY_TYPE_NAMES,
  AUDIT_UNKNOWN_ACTION_NAME,
  AUDIT_UNKNOWN_ENTITY_TYPE_NAME,
  type AuditEvent,
  type AuditPage,
  type ListAuditQuery,
} from '../../../../src/contracts/platform';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/platform.ts). */
export type { AuditEvent };
export type AuditQuery = Omit<z.input<typeof ListAuditQuery>, 'limit'> & { limit?: number };

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<AuditPage>('/audit', { ...query }, { signal }),
};

/** The server's names for the codes it records (src/contracts/platform.ts); a test keeps them complete. */
export const entityTypeLabel: Record<string, string> = AUDIT_ENTITY_TYPE_NAMES;
export const actionNames: Record<string, string> = AUDIT_ACTION_NAMES;

/** An action's Chinese name; a code the table does not know yet shows as 其他操作, never in English. */
export function actionLabel(action: string): string {
  return Object.hasOwn(actionNames, action) ? actionNames[action] : AUDIT_UNKNOWN_ACTION_NAME;
}

/** An entity type's Chinese name, or 其他对象. */
export function entityTypeName(entityType: string): string {
  return Object.hasOwn(entityTypeLabel, entityType) ? entityTypeLabel[entityType] : AUDIT_UNKNOWN_ENTITY_TYPE_NAME;
}
