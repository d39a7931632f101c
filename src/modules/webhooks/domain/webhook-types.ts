import {
  DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_KINDS,
  type DeliveryStatus,
  type WebhookEventType,
  type WebhookKind,
} from '../../../contracts/webhooks.js';

// The value lists are contract data (the API's enums); titles and delivery records are the module's.
export {
  DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_KINDS,
  type DeliveryStatus,
  type WebhookEventType,
  type WebhookKind,
};

/** Robot message titles (zh-CN). */
export const EVENT_TITLES: Record<WebhookEventType, string> = {
  'case.dispatched': '问题已派遣',
  'case.overdue': '问题已超期',
  'case.closed': '问题已结案',
  'report.missing': '报表未按时上报',
  'proposal.overdue': '政协提案办理逾期',
  'supervisor_opinion.overdue': '民主监督意见逾期未复',
  'instruction.created': '领导批示',
};

/** One try at sending a delivery, as kept on the delivery row. */
export interface AttemptRecord {
  at: string;
  /** null when no HTTP reply arrived (refused, timed out). */
  statusCode: number | null;
  /** null on success. */
  error: string | null;
  durationMs: number;
}

/** One delivery as the formatter sees it. */
export interface OutgoingEvent {
  deliveryId: string;
  /** Shared by every delivery of one event. */
  eventId: string;
  type: string;
  occurredAt: string;
  districtCode: string;
  data: Record<string, unknown>;
  /** One-line Chinese summary for robot messages. */
  text: string;
}

export interface DeliveryTarget {
  kind: WebhookKind;
  url: string;
  secret: string | null;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}
