import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Image, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import type { UploadedFile } from '../../cases/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import {
  cycleApi,
  fileUrl,
  thumbUrl,
  WEEK_STATUS_COLORS,
  WEEK_STATUS_LABELS,
  type BranchWeekly,
  type WeeklyReport,
} from '../cycle-api';

type Week = BranchWeekly['weeks'][number];

export function Photos({ ids }: { ids: string[] }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {ids.map((id) => (
          <Image
            key={id}
            src={thumbUrl(id)}
            preview={{ src: fileUrl(id) }}
            width={64}
            height={64}
            style={{ objectFit: 'cover' }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** Write or amend a week's progress: the text, the photos kept and new ones. */
function WeekForm({ branchId, week, onClose }: { branchId: string; week: Week; onClose(saved: boolean): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; photos: UploadedFile[] }>();
  const [kept, setKept] = useState<string[]>(week.report?.fileIds ?? []);
  const [saving, setSaving] = useState(false);
  const save = async (v: { text: string; photos?: UploadedFile[] }) => {
    setSaving(true);
    try {
      const r = await cycleApi.putWeekly(branchId, week.week, {
        text: v.text,
        fileIds: [...kept, ...(v.photos ?? []).map((p) => p.id)],
      });
      message.success(r.revision > 1 ? `已修改（第 ${r.revision} 版）` : '已报送');
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['text']).length) message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${week.week} 这一周的推进情况${week.report ? '（修改）' : ''}`}
      okText={week.report ? '保存修改' : '报送'}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        应于 {week.dueDay ?? '—'} 前报送{week.report ? '；修改会保留此前的每一版，按时与否以第一次报送为准' : ''}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ text: week.report?.text ?? '' }}>
        <Form.Item name="text" label="本周推进了什么" rules={[{ required: true, message: '请填写推进情况' }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount data-testid="weekly-text" />
        </Form.Item>
        {kept.length > 0 && (
          <Form.Item label="已有照片（点叉移除）">
            <Space wrap>
              {kept.map((id) => (
                <Tag key={id} closable onClose={() => setKept(kept.filter((x) => x !== id))}>
                  <img src={thumbUrl(id)} alt="" width={40} height={40} style={{ objectFit: 'cover' }} />
                </Tag>
              ))}
            </Space>
          </Form.Item>
        )}
        <Form.Item name="photos" label="照片">
          <PhotoUpload max={9 - kept.length} data-testid="weekly-photos" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function History({ id, onClose }: { id: string; onClose(): void }) {
  const r = useApiQuery(['stars', 'weekly', id], (s) => cycleApi.report(id, s));
  return (
    <Modal open title="修改记录" footer={null} onCancel={onClose} width={620}>
      <ErrorAlert error={r.error} />
      <List<NonNullable<WeeklyReport['history']>[number]>
        loading={r.loading}
        dataSource={[...(r.data?.history ?? [])].reverse()}
        renderItem={(v) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                第 {v.revision} 版 · {v.submittedByName} · {formatDateTime(v.submittedAt)}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>
              <Photos ids={v.fileIds} />
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** 每周推进 of one branch: its recent weeks with status and report; the branch's own side writes and amends. */
export function WeeklySection({ branchId, weeks = 8 }: { branchId: string; weeks?: number }) {
  const { can } = useAuth();
  const [editing, setEditing] = useState<Week | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const q = useApiQuery(['stars', 'branch-weekly', branchId], (s) => cycleApi.branchWeekly(branchId, {}, s));
  const shown = (q.data?.weeks ?? []).slice(0, weeks).filter((w) => w.cell.status !== 'none');
  return (
    <Card size="small" title="每周推进" data-testid="weekly-section">
      <ErrorAlert error={q.error} />
      <List<Week>
        loading={q.loading}
        dataSource={shown}
        renderItem={(w) => (
          <List.Item
            data-testid="weekly-week"
            actions={[
              ...(w.report && w.report.revision > 1
                ? [
                    <Button
                      key="h"
                      size="small"
                      type="link"
                      icon={<HistoryOutlined />}
                      onClick={() => setHistory(w.report!.id)}
                    >
                      {w.report.revision} 版
                    </Button>,
                  ]
                : []),
              ...(can('star.report') && w.cell.status !== 'exempt'
                ? [
                    <Button
                      key="e"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(w)}
                      data-testid="weekly-edit"
                    >
                      {w.report ? '修改' : '填报'}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{w.week} 周</span>
                  <Tag color={WEEK_STATUS_COLORS[w.cell.status]}>{WEEK_STATUS_LABELS[w.cell.status]}</Tag>
                  {w.dueDay && <Typography.Text type="secondary">{w.dueDay} 截止</Typography.Text>}
                  {w.cell.remindedAt && !w.report && <Tag>已提醒</Tag>}
                </Space>
              }
              description={
                w.report ? (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.85)' }}>{w.report.text}</div>
                    <Photos ids={w.report.fileIds} />
                    <Typography.Text type="secondary">
                      {w.report.submittedByName} · {formatDateTime(w.report.submittedAt)}
                    </Typography.Text>
                  </Space>
                ) : null
              }
            />
          </List.Item>
        )}
      />
      {editing && (
        <WeekForm
          branchId={branchId}
          week={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void q.refetch();
          }}
        />
      )}
      {history && <History id={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}
