import { formatDate } from '../../../lib/format-time';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ApiError, errorText } from '../../../lib/api';
import { useApiMutation } from '../../../lib/query';
import { pct, quarterLabel } from '../labels';
import { RATING_STATE_NAMES, ratingApi, type RatingView, type StarOutcomeView } from '../rating-api';

type Indicator = StarOutcomeView['indicators'][number];
type Decisions = Record<string, { hold: boolean; reason: string }>;

const STATE_COLORS: Record<RatingView['state'], string> = {
  open: 'default',
  self_assessed: 'gold',
  proposed: 'blue',
  confirmed: 'green',
};

export function RatingStateTag({ state, overdue }: { state: RatingView['state']; overdue?: boolean }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLORS[state]}>{RATING_STATE_NAMES[state]}</Tag>
      {overdue && <Tag color="red">已逾期</Tag>}
    </Space>
  );
}

function initialDecisions(v: RatingView): Decisions {
  const from = v.state === 'confirmed' ? v.confirmedStars : v.proposedStars;
  return Object.fromEntries(
    v.outcomes.map((o) => {
      const d = from.find((x) => x.key === o.key);
      return [o.key, { hold: d ? d.hold : v.heldBefore.includes(o.key), reason: d?.reason ?? '' }];
    }),
  );
}

/**
 * One branch's rating of a quarter: each star's indicators (the panel's scores, the kept rates, the
 * evidence), the decision on each star, and the step the caller may take — the branch's
 * self-assessment, the 街道's proposal, the district's confirmation or return. A refusal shows the
 * server's sentence beside the field it names.
 */
export function RatingDetail({ view, onChanged }: { view: RatingView; onChanged: (v: RatingView) => void }) {
  const { can } = useAuth();
  const [scores, setScores] = useState<Record<string, Record<string, number | null>>>(view.scores);
  const [decisions, setDecisions] = useState<Decisions>(() => initialDecisions(view));
  const [selfText, setSelfText] = useState(view.selfText ?? '');
  const [remark, setRemark] = useState(view.proposalRemark ?? '');
  const [returning, setReturning] = useState(false);
  const [returnReason, setReturnReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  const canSelf = can('star.report') && view.actions.includes('self_assess');
  const canPropose = can('star.review') && view.actions.includes('propose');
  const canRate = can('star.rate') && view.actions.includes('confirm');
  const editScores = canPropose;
  const editDecisions = canPropose || canRate;

  const fieldError = (field: string) =>
    error instanceof ApiError ? error.errors.find((e) => e.field === field)?.message : undefined;
  const done = (v: RatingView) => {
    setError(null);
    onChanged(v);
  };
  const options = {
    toastError: false,
    invalidates: [
      ['stars', 'ratings'],
      ['stars', 'ranking'],
    ],
  };
  const selfAssess = useApiMutation(
    () => ratingApi.selfAssess({ branchId: view.branchId, quarter: view.quarter, text: selfText }),
    { ...options, successMessage: '自评已提交', onSuccess: done },
  );
  const propose = useApiMutation(
    () => {
      const clean: Record<string, Record<string, number>> = {};
      for (const [s, byInd] of Object.entries(scores))
        for (const [i, v] of Object.entries(byInd)) if (v !== null && v !== undefined) (clean[s] ??= {})[i] = v;
      return ratingApi.propose({
        branchId: view.branchId,
        quarter: view.quarter,
        scores: clean,
        stars: Object.entries(decisions).map(([key, d]) => ({ key, hold: d.hold, reason: d.reason || null })),
        remark: remark || null,
      });
    },
    { ...options, successMessage: '已提交区级确认', onSuccess: done },
  );
  const confirm = useApiMutation(
    () =>
      ratingApi.confirm(
        view.id!,
        Object.entries(decisions).map(([key, d]) => ({ key, hold: d.hold, reason: d.reason || null })),
      ),
    { ...options, successMessage: '评比结果已确认', onSuccess: done },
  );
  const giveBack = useApiMutation(() => ratingApi.returnTo(view.id!, returnReason), {
    ...options,
    successMessage: '已退回街道',
    onSuccess: (v) => {
      setReturning(false);
      done(v);
    },
  });
  const busy = selfAssess.isPending || propose.isPending || confirm.isPending || giveBack.isPending;
  const run = (m: { mutateAsync: () => Promise<unknown> }) => m.mutateAsync().catch((e: unknown) => setError(e));

  const starIndex = (key: string) => Object.keys(decisions).indexOf(key);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rating-detail">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="党支部">{view.branchName}</Descriptions.Item>
        <Descriptions.Item label="所属">
          {view.subdistrictName} · {view.communityName}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <RatingStateTag state={view.state} overdue={view.overdue} />
        </Descriptions.Item>
        <Descriptions.Item label="评比季度">{quarterLabel(view.quarter)}</Descriptions.Item>
        <Descriptions.Item label="期限" span={2}>
          自评 {view.deadlines.self} · 街道提名 {view.deadlines.propose} · 区级确认 {view.deadlines.confirm}
        </Descriptions.Item>
        {view.state === 'confirmed' && (
          <Descriptions.Item label="确认结果" span={3}>
            现有 {view.starsHeld} 星，总分 {view.totalScore}（{view.confirmed?.byName}，
            {view.confirmed?.at.slice(0, 10)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      {view.returnedReason && view.state !== 'confirmed' && (
        <Alert
          type="warning"
          showIcon
          message={`区里退回（第 ${view.returnCount} 次，${view.returned?.byName}）：${view.returnedReason}`}
        />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="rating-error"
          message={errorText(error)}
          description={
            error instanceof ApiError && error.errors.length > 1
              ? error.errors.map((e) => <div key={e.field}>{`${e.field}：${e.message}`}</div>)
              : undefined
          }
        />
      )}

      <Card size="small" title="支部自评">
        {canSelf ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={3}
              value={selfText}
              onChange={(e) => setSelfText(e.target.value)}
              placeholder="本季度各颗星的创建情况"
              data-testid="rating-self-text"
            />
            <Button onClick={() => void run(selfAssess)} loading={selfAssess.isPending} disabled={!selfText.trim()}>
              提交自评
            </Button>
          </Space>
        ) : (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {view.selfText ?? <Typography.Text type="secondary">尚未自评</Typography.Text>}
            {view.selfAssessed && (
              <Typography.Text type="secondary">
                {'  '}（{view.selfAssessed.byName}，{view.selfAssessed.at.slice(0, 10)}）
              </Typography.Text>
            )}
          </Typography.Paragraph>
        )}
      </Card>

      {view.outcomes.map((o) => {
        const d = decisions[o.key]!;
        const i = starIndex(o.key);
        const starErr = fieldError(`stars[${i}]`);
        const reasonErr = fieldError(`stars[${i}].reason`);
        const changes = d.hold !== o.heldBefore;
        return (
          <Card
            key={o.key}
            size="small"
            data-testid={`rating-star-${o.key}`}
            title={
              <Space>
                <span>★ {o.name}</span>
                {o.heldBefore && <Tag color="gold">已有此星</Tag>}
                <Typography.Text type={o.eligible ? 'success' : 'secondary'}>
                  {o.score ?? '—'} / {o.total} 分（达标 {o.threshold}）{o.eligible ? '可评定' : '未达评定条件'}
                </Typography.Text>
              </Space>
            }
            extra={
              <Space>
                <span>评定为星</span>
                <Switch
                  checked={d.hold}
                  disabled={!editDecisions}
                  onChange={(hold) => setDecisions({ ...decisions, [o.key]: { ...d, hold } })}
                  data-testid={`rating-hold-${o.key}`}
                />
              </Space>
            }
          >
            <Table<Indicator>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={o.indicators}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '满分', dataIndex: 'maxScore', width: 56, align: 'right' },
                {
                  title: '得分',
                  width: 120,
                  render: (_, ind) => {
                    if (ind.kind === 'scored' && editScores) {
                      const err = fieldError(`scores.${o.key}.${ind.key}`);
                      return (
                        <InputNumber
                          size="small"
                          min={0}
                          status={err ? 'error' : undefined}
                          title={err}
                          value={scores[o.key]?.[ind.key] ?? null}
                          onChange={(v) => setScores({ ...scores, [o.key]: { ...scores[o.key], [ind.key]: v } })}
                          data-testid={`rating-score-${o.key}-${ind.key}`}
                        />
                      );
                    }
                    return (
                      ind.score ?? (
                        <Typography.Text type="secondary">
                          {ind.kind === 'scored' ? '未打分' : '无数据'}
                        </Typography.Text>
                      )
                    );
                  },
                },
                {
                  title: '依据',
                  render: (_, ind) =>
                    ind.kind === 'computed'
                      ? ind.denominator
                        ? `${ind.numerator} / ${ind.denominator}（${pct((ind.numerator ?? 0) / ind.denominator)}）`
                        : '本季度无数据，不计入'
                      : '评比小组打分',
                },
                {
                  title: '佐证',
                  width: 100,
                  render: (_, ind) =>
                    ind.evidenceRequired ? (
                      <Tag color={ind.evidenceCount > 0 ? 'green' : 'red'}>
                        {ind.evidenceCount > 0 ? `${ind.evidenceCount} 份` : '缺必备佐证'}
                      </Tag>
                    ) : ind.evidenceCount > 0 ? (
                      `${ind.evidenceCount} 份`
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {(changes || d.reason) && (
              <Input
                style={{ marginTop: 8 }}
                disabled={!editDecisions}
                status={reasonErr ? 'error' : undefined}
                placeholder={d.hold ? '授星理由' : '摘星理由'}
                value={d.reason}
                onChange={(e) => setDecisions({ ...decisions, [o.key]: { ...d, reason: e.target.value } })}
                data-testid={`rating-reason-${o.key}`}
              />
            )}
            {(starErr || reasonErr) && <Typography.Text type="danger">{starErr ?? reasonErr}</Typography.Text>}
          </Card>
        );
      })}

      {view.evidence.length > 0 && (
        <Card size="small" title={`佐证材料（${view.evidence.length} 份）`}>
          {view.evidence.map((e) => (
            <div key={e.id}>
              {view.outcomes.find((o) => o.key === e.starKey)?.name ?? '（已调整的星）'}
              {e.indicatorKey
                ? ` / ${
                    view.outcomes.find((o) => o.key === e.starKey)?.indicators.find((i) => i.key === e.indicatorKey)
                      ?.name ?? '（已调整的指标）'
                  }`
                : ''}
              ：{e.note ?? '附件'}（{e.uploadedByName}，{formatDate(e.uploadedAt)}）
              {e.fileId && (
                <a href={`/api/v1/files/${e.fileId}`} target="_blank" rel="noreferrer">
                  {' '}
                  查看
                </a>
              )}
            </div>
          ))}
        </Card>
      )}

      {canPropose && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={2}
            placeholder="评议说明（可选）"
            value={remark}
            onChange={(e) => setRemark(e.target.value)}
          />
          <Button
            type="primary"
            onClick={() => void run(propose)}
            loading={propose.isPending}
            disabled={busy}
            data-testid="rating-propose"
          >
            提交提名，报区级确认
          </Button>
        </Space>
      )}
      {canRate && (
        <Space>
          <Button
            type="primary"
            onClick={() => void run(confirm)}
            loading={confirm.isPending}
            disabled={busy}
            data-testid="rating-confirm"
          >
            确认评比结果
          </Button>
          <Button danger onClick={() => setReturning(true)} disabled={busy} data-testid="rating-return">
            退回街道
          </Button>
        </Space>
      )}
      <Modal
        title="退回街道重新提名"
        open={returning}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !returnReason.trim(), loading: giveBack.isPending }}
        onOk={() => void run(giveBack)}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea
          rows={3}
          placeholder="退回理由"
          value={returnReason}
          onChange={(e) => setReturnReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
