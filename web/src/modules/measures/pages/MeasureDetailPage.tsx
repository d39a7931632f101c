import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { errorText } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { measuresApi, type FollowUp, type MeasureDetail } from '../api';
import {
  FOLLOW_UP_METHOD_NAMES,
  FOLLOW_UP_STATUS_COLORS,
  FOLLOW_UP_STATUS_NAMES,
  MEASURE_STATUS_COLORS,
  MEASURE_STATUS_NAMES,
  MEASURE_TYPE_NAMES,
  OWNER_ROLE_NAMES,
  rateText,
} from '../labels';
import './measures.css';

/** One day's cell of the follow-up grid: its status, who recorded it and how. */
function DayCell({ f, index }: { f: FollowUp; index: number }) {
  const who = f.recordedBy
    ? `${f.recordedBy.role ? OWNER_ROLE_NAMES[f.recordedBy.role] : ''}${f.recordedBy.name}`
    : f.markedBySystem
      ? '当日无人随访，系统记为未见到'
      : '尚未随访';
  const tip = [
    who,
    f.method ? FOLLOW_UP_METHOD_NAMES[f.method] : null,
    f.temperature != null ? `体温 ${f.temperature}℃` : null,
    f.note,
    f.recordedAt ? formatDateTime(f.recordedAt) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <div className={`cg-fu-cell cg-fu-${f.status}`} data-testid="follow-up-cell" data-status={f.status}>
        <div className="cg-fu-day">
          第 {index + 1} 天 {f.testDay && <span className="cg-fu-test">核酸</span>}
        </div>
        <div className="cg-fu-date">{f.day.slice(5)}</div>
        <StatusTag status={f.status} colors={FOLLOW_UP_STATUS_COLORS} names={FOLLOW_UP_STATUS_NAMES} />
        <div className="cg-fu-who">{f.recordedBy?.name ?? (f.markedBySystem ? '系统' : '')}</div>
      </div>
    </Tooltip>
  );
}

function EndModal({ m, onClose, onDone }: { m: MeasureDetail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ outcome: 'lost' | 'hospital'; reason: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await measuresApi.end(m.id, v);
      message.success('已结束居家措施');
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`提前结束：${m.subject.name}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText="结束"
      okButtonProps={{ danger: true, loading: busy }}
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'hospital' }}>
        <Form.Item name="outcome" label="结束方式">
          <Radio.Group
            options={[
              { value: 'hospital', label: MEASURE_STATUS_NAMES.hospital },
              { value: 'lost', label: MEASURE_STATUS_NAMES.lost },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function MeasureDetailPage() {
  const { id = '' } = useParams();
  const q = useApiQuery(['measures', 'detail', id], (signal) => measuresApi.get(id, signal));
  const [ending, setEnding] = useState(false);
  const m = q.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={q.error} />
      {m && (
        <>
          <Card
            size="small"
            title={
              <Space>
                <Link to="/measures">
                  <ArrowLeftOutlined />
                </Link>
                <span data-testid="measure-title">
                  {m.subject.name} · {MEASURE_TYPE_NAMES[m.type]}
                </span>
                <StatusTag status={m.status} colors={MEASURE_STATUS_COLORS} names={MEASURE_STATUS_NAMES} />
              </Space>
            }
            extra={
              m.canEnd && (
                <Button danger onClick={() => setEnding(true)}>
                  提前结束
                </Button>
              )
            }
          >
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="所在">
                {m.subdistrict.name} {m.community.name}
              </Descriptions.Item>
              <Descriptions.Item label="住址">{m.householdAddress ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="期限">
                {m.startDay} 至 {m.endDay}（{m.lengthDays} 天）
                {m.endedOn && m.status !== 'completed' ? `，${m.endedOn} 结束` : ''}
              </Descriptions.Item>
              {m.owners.map((o) => (
                <Descriptions.Item key={o.role} label={OWNER_ROLE_NAMES[o.role]}>
                  {o.name}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="随访完成">
                已见到 {m.seen} / 应随访 {m.due}（{rateText(m.seen, m.due)}）
              </Descriptions.Item>
              {m.note && <Descriptions.Item label="备注">{m.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title="每日随访">
            <div className="cg-fu-grid" data-testid="follow-up-grid">
              {m.followUps.map((f, i) => (
                <DayCell key={f.day} f={f} index={i} />
              ))}
            </div>
          </Card>
          <Card size="small" title="记录">
            <Timeline
              items={m.events.map((e) => ({
                children: (
                  <>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> {e.byName}：{e.detail}
                  </>
                ),
              }))}
            />
          </Card>
          {ending && (
            <EndModal
              m={m}
              onClose={() => setEnding(false)}
              onDone={() => {
                setEnding(false);
                void q.refetch();
              }}
            />
          )}
        </>
      )}
    </Space>
  );
}
