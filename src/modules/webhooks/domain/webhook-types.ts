/** Where a subscription sends: a signed JSON webhook, or a DingTalk / WeCom group robot. */
export const WEBHOOK_KINDS = ['webhook', 'dingtalk', 'wecom'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The events other modules report through enqueueEvent. */
export const WEBHOOK_EVENT_TYPES = [
  'case.dispatched',
  'case.overdue',
  'case.closed',
  'report.missing',
  'proposal.overdue',
  'supervisor_opinion.overdue',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Robot message titles (zh-CN). */
export const EVENT_TITLES: Record<WebhookEventType, string> = {
  'case.dispatched': '问题已派遣',
  'case.overdue': '问题已超期',
  'case.closed': '问题已结案',
  'report.missing': '报表未按时上报',
  'proposal.overdue': '政协提案办理逾期',
  'supervisor_opinion.overdue': '民主监督意见逾期未复',
};

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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
