import { Space, Timeline, Typography, type TimelineItemProps } from 'antd';
import type { CaseActionEntry, TimeLimit } from '../api';
import { actionTimelineColor, timeLimitText } from '../labels';
import { formatTime } from './CaseTags';
import { PhotoGallery } from './PhotoGallery';

interface Props {
  actions: CaseActionEntry[];
  /** Names of units by id, for payloads that only carry an id (派遣). */
  unitName?: (id: string) => string | undefined;
  caseNumber?: (id: string) => string | undefined;
  /** Items of other kinds to merge in by time (领导批示). */
  extra?: { at: string; item: TimelineItemProps }[];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

function isLimit(v: unknown): v is TimeLimit {
  return !!v && typeof v === 'object' && typeof (v as TimeLimit).value === 'number';
}

/** What the payload says, in a line or two. */
function payloadLines(a: CaseActionEntry, props: Props): string[] {
  const p = (a.payload ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  switch (a.type) {
    case 'report':
      if (p.fixedOnSpot) out.push('立行整改（现场已整改，待核查）');
      break;
    case 'dispatch': {
      const unitId = str(p.unitId);
      const unitName = str(p.unitName) ?? (unitId ? props.unitName?.(unitId) : undefined);
      if (unitName) out.push(`责任单位：${unitName}`);
      if (isLimit(p.timeLimit)) out.push(`处置时限：${timeLimitText(p.timeLimit)}`);
      if (str(p.deadline)) out.push(`截止时间：${formatTime(p.deadline as string)}`);
      break;
    }
    case 'request_extension':
      if (isLimit(p.extra)) out.push(`申请延长：${timeLimitText(p.extra)}`);
      break;
    case 'approve_extension':
      if (isLimit(p.extra)) out.push(`延长：${timeLimitText(p.extra)}`);
      if (str(p.deadline)) out.push(`新的截止时间：${formatTime(p.deadline as string)}`);
      break;
    case 'verify_fail':
      if (str(p.deadline)) out.push(`返工截止时间：${formatTime(p.deadline as string)}`);
      break;
    case 'merge': {
      const t = str(p.targetCaseId);
      if (t) out.push(`合并到：${props.caseNumber?.(t) ?? str(p.targetCaseNumber) ?? t}`);
      break;
    }
    case 'absorb': {
      const s = str(p.sourceCaseId);
      if (s) out.push(`并入重复问题：${props.caseNumber?.(s) ?? str(p.sourceCaseNumber) ?? s}`);
      break;
    }
  }
  const reason = str(p.reason);
  if (reason) out.push(`理由：${reason}`);
  return out;
}

/** The append-only history of a case: who, which unit, when, what, photos. */
export function CaseTimeline(props: Props) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={mergeByTime(
        props.actions.map((a) => ({
          at: a.at,
          item: {
            color: actionTimelineColor[a.type] ?? 'blue',
            children: (
              <div data-testid="case-timeline-item" data-action={a.type}>
                <Space size={8} wrap>
                  <Typography.Text strong>{a.typeName || a.type}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(a.at)}
                  </Typography.Text>
                </Space>
                <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                  {a.actorName}
                  {a.unitName ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>（{a.unitName}）</span> : null}
                </div>
                {payloadLines(a, props).map((l, i) => (
                  <div key={i} style={{ fontSize: 13 }}>
                    {l}
                  </div>
                ))}
                {a.comment && (
                  <Typography.Paragraph
                    style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                    className="cg-case-comment"
                  >
                    {a.comment}
                  </Typography.Paragraph>
                )}
                {a.attachments.length > 0 && (
                  <div style={{ marginTop: 6 }}>
                    <PhotoGallery photos={a.attachments} size={64} />
                  </div>
                )}
              </div>
            ),
          },
        })),
        props.extra,
      )}
    />
  );
}

/** The case's own steps and the extra items, oldest first (a step and an item at one instant: the step first). */
function mergeByTime(
  own: { at: string; item: TimelineItemProps }[],
  extra: { at: string; item: TimelineItemProps }[] = [],
): TimelineItemProps[] {
  return [...own, ...extra].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((x) => x.item);
}
