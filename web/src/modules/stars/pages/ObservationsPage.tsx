import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { ObservationForm } from '../components/ObservationForm';
import { cycleApi, type ObservationDetail, type ObservationSummary } from '../cycle-api';

type Cell = { score: number | null; remark: string };
type Sheet = Record<string, Cell>;

const key = (visitorId: string, branchId: string) => `${visitorId}|${branchId}`;

/** One event: averages per branch; the host enters each visitor's score and remark per branch. */
function ObservationDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { message } = App.useApp();
  const q = useApiQuery(['stars', 'observation', id], (s) => cycleApi.observation(id, s));
  const o = q.data;
  const [sheet, setSheet] = useState<Sheet>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!o) return;
    setSheet(
      Object.fromEntries(
        o.scores.map((s) => [key(s.visitorId, s.branchId), { score: s.score, remark: s.remark ?? '' }]),
      ),
    );
  }, [o]);
  const save = async (d: ObservationDetail) => {
    const scores = d.visitors.flatMap((v) =>
      d.branches.flatMap((b) => {
        const c = sheet[key(v.id, b.branchId)];
        return c && c.score !== null
          ? [{ visitorId: v.id, branchId: b.branchId, score: c.score, remark: c.remark || null }]
          : [];
      }),
    );
    if (!scores.length) return void message.info('请先填写评分');
    setSaving(true);
    setProblem(null);
    try {
      await cycleApi.putScores(d.id, { scores });
      message.success(`已保存 ${scores.length} 项评分`);
      void q.refetch();
    } catch (e) {
      // Name the cell the server refused: scores[i].score → visitor × branch.
      const m = e instanceof ApiError ? /^scores\[(\d+)\]/.exec(e.errors[0]?.field ?? '') : null;
      const s = m ? scores[Number(m[1])] : undefined;
      const where = s
        ? `${d.visitors.find((v) => v.id === s.visitorId)?.name} 对 ${d.branches.find((b) => b.branchId === s.branchId)?.branchName}：`
        : '';
      setProblem(`${where}${e instanceof ApiError ? (e.errors[0]?.message ?? errorText(e)) : errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };
  const set = (k: string, c: Partial<Cell>) =>
    setSheet((x) => ({ ...x, [k]: { score: x[k]?.score ?? null, remark: x[k]?.remark ?? '', ...c } }));
  return (
    <Drawer
      open
      width={Math.min(1100, window.innerWidth - 80)}
      title={o ? `${o.day} ${o.title}` : '观摩'}
      onClose={onClose}
      extra={
        o?.canScore && (
          <Button type="primary" loading={saving} onClick={() => save(o)} data-testid="obs-save-scores">
            保存评分
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {o && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {o.hostName} 组织 · 举办地 {o.placeName}
            {o.attendees !== null ? ` · 到场 ${o.attendees} 人` : ''} · 评分人员 {o.visitorCount} 名
          </Typography.Text>
          {o.note && <Typography.Paragraph>{o.note}</Typography.Paragraph>}
          {problem && (
            <Typography.Text type="danger" data-testid="obs-problem">
              {problem}
            </Typography.Text>
          )}
          <Table
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={o.visitors}
            data-testid="obs-sheet"
            columns={[
              { title: '评分人员', dataIndex: 'name', width: 140, fixed: 'left' },
              ...o.branches.map((b) => ({
                key: b.branchId,
                width: 170,
                title: (
                  <div>
                    {b.branchName}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      平均 {b.average ?? '—'}（{b.count} 人评）
                    </Typography.Text>
                  </div>
                ),
                render: (_: unknown, v: { id: string }) => {
                  const k = key(v.id, b.branchId);
                  const c = sheet[k];
                  if (!o.canScore) return c ? `${c.score ?? '—'}${c.remark ? `（${c.remark}）` : ''}` : '—';
                  return (
                    <Space direction="vertical" size={2}>
                      <InputNumber
                        size="small"
                        value={c?.score ?? null}
                        min={0}
                        max={100}
                        step={1}
                        placeholder="0–100"
                        onChange={(n) => set(k, { score: n === null ? null : Number(n) })}
                        style={{ width: 90 }}
                      />
                      <Input
                        size="small"
                        placeholder="评语"
                        value={c?.remark ?? ''}
                        onChange={(e) => set(k, { remark: e.target.value })}
                      />
                    </Space>
                  );
                },
              })),
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** 每月观摩: the events held in scope (or visiting a branch in it); the 街道 holds them and enters scores. */
export default function ObservationsPage() {
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApiQuery(['stars', 'observations'], (s) => cycleApi.observations({}, s));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          支部观摩
        </Typography.Title>
        {can('star.review') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="obs-create">
            组织观摩
          </Button>
        )}
      </Space>
      <ErrorAlert error={list.error} />
      <Table<ObservationSummary>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '日期', dataIndex: 'day', width: 110 },
          { title: '名称', dataIndex: 'title' },
          { title: '组织', dataIndex: 'hostName', width: 150 },
          { title: '举办地', dataIndex: 'placeName', width: 150 },
          { title: '观摩支部', dataIndex: 'branchCount', width: 90, align: 'right' },
          { title: '评分人员', dataIndex: 'visitorCount', width: 90, align: 'right' },
          { title: '到场', dataIndex: 'attendees', width: 70, align: 'right', render: (n: number | null) => n ?? '—' },
          {
            title: '评分',
            width: 110,
            render: (_, r) => {
              const all = r.branchCount * r.visitorCount;
              return (
                <Tag color={all && r.scored >= all ? 'green' : r.scored ? 'blue' : 'default'}>
                  {r.scored}/{all}
                </Tag>
              );
            },
          },
        ]}
      />
      {creating && (
        <ObservationForm
          onClose={(id) => {
            setCreating(false);
            if (id) {
              void list.refetch();
              setOpen(id);
            }
          }}
        />
      )}
      {open && <ObservationDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
