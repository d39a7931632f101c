import { fixedOffsetMs } from '../../../kernel/calendar/local-time.js';
import { dingtalkSignedUrl, signPayload } from './signing.js';
import {
  EVENT_TITLES,
  type DeliveryTarget,
  type OutgoingEvent,
  type OutgoingRequest,
  type WebhookEventType,
} from './webhook-types.js';

const USER_AGENT = 'CivicGrid-Webhooks/1';
const JSON_TYPE = 'application/json; charset=utf-8';
// WeCom refuses markdown over 4096 bytes; a summary of 1000 characters keeps well under it even in CJK.
const MAX_TEXT = 1000;

export function eventTitle(type: string): string {
  return EVENT_TITLES[type as WebhookEventType] ?? type;
}

/** '2026-11-30 10:00' in the district's zone. */
export function localMinute(iso: string, timeZone: string): string {
  return new Date(new Date(iso).getTime() + fixedOffsetMs(timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** The JSON document a 'webhook' subscription receives. */
export function webhookBody(e: OutgoingEvent): string {
  return JSON.stringify({
    id: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    districtCode: e.districtCode,
    data: e.data,
  });
}

/** DingTalk custom robot markdown message. */
export function dingtalkMessage(e: OutgoingEvent, timeZone: string) {
  const title = `网格治理：${eventTitle(e.type)}`;
  const text = `#### ${title}\n\n${oneLine(e.text)}\n\n> ${localMinute(e.occurredAt, timeZone)} · CivicGrid 网格治理平台`;
  return { msgtype: 'markdown', markdown: { title, text } } as const;
}

/** WeCom group robot markdown message. */
export function wecomMessage(e: OutgoingEvent, timeZone: string) {
  const colour = e.type === 'case.overdue' || e.type === 'report.missing' ? 'warning' : 'info';
  const content = `**网格治理：<font color="${colour}">${eventTitle(e.type)}</font>**\n${oneLine(e.text)}\n> <font color="comment">${localMinute(e.occurredAt, timeZone)} · CivicGrid 网格治理平台</font>`;
  return { msgtype: 'markdown', markdown: { content } } as const;
}

/** The HTTP request for one delivery; `now` stamps and signs it. */
export function buildRequest(
  target: DeliveryTarget,
  e: OutgoingEvent,
  opts: { now: Date; timeZone: string },
): OutgoingRequest {
  if (target.kind === 'dingtalk') {
    return {
      url: target.secret ? dingtalkSignedUrl(target.url, target.secret, opts.now.getTime()) : target.url,
      headers: { 'content-type': JSON_TYPE, 'user-agent': USER_AGENT },
      body: JSON.stringify(dingtalkMessage(e, opts.timeZone)),
    };
  }
  if (target.kind === 'wecom') {
    return {
      url: target.url,
      headers: { 'content-type': JSON_TYPE, 'user-agent': USER_AGENT },
      body: JSON.stringify(wecomMessage(e, opts.timeZone)),
    };
  }
  const body = webhookBody(e);
  const timestamp = Math.floor(opts.now.getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': JSON_TYPE,
    'user-agent': USER_AGENT,
    'x-civicgrid-event': e.type,
    'x-civicgrid-delivery': e.deliveryId,
    'x-civicgrid-timestamp': String(timestamp),
  };
  if (target.secret) headers['x-civicgrid-signature'] = signPayload(target.secret, timestamp, body);
  return { url: target.url, headers, body };
}

/**
 * Whether a reply counts as delivered: any 2xx, and for the robots also {"errcode":0}, since DingTalk
 * and WeCom answer 200 with a non-zero errcode for a bad signature, a missing keyword or throttling.
 * Returns null on success, else why not.
 */
export function judgeReply(kind: DeliveryTarget['kind'], status: number, body: string): string | null {
  const snippet = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (status < 200 || status > 299) return `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
  if (kind === 'webhook') return null;
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(body);
  } catch {
    return `reply is not JSON: ${snippet}`;
  }
  if (reply?.errcode === 0) return null;
  return reply?.errcode === undefined
    ? `reply has no errcode: ${snippet}`
    : `errcode ${String(reply.errcode)}: ${String(reply.errmsg ?? '')}`;
}
