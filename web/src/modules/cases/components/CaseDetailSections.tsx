import {
  ArrowLeftOutlined,
  CheckSquareOutlined,
  EnvironmentOutlined,
  PrinterOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BoundaryFeature } from '../../org/api';
import type { CaseActionType, CaseDetail } from '../api';
import {
  actionButtonLabel,
  caseSourceLabel,
  dangerActions,
  deadlineStatusLabel,
  primaryActions,
  timeLimitText,
} from '../labels';
import { CaseMap } from './CaseMap';
import { CaseStatusTag, DeadlineTag, formatTime } from './CaseTags';

/** A deadline still matters while the case is being worked on. */
const deadlineShown = (c: CaseDetail) =>
  !!c.deadline && c.status !== 'closed' && c.status !== 'rejected' && c.status !== 'merged';

/** The case's number, status and description, what is pending on it, and the actions the account may take. */
export function CaseHeaderCard({
  c,
  loading,
  onReload,
  onBack,
  actions,
  onAction,
  canReconcile,
  reconciling,
  onReconcile,
  mergedIntoNumber,
}: {
  c: CaseDetail;
  loading: boolean;
  onReload: () => void;
  onBack: () => void;
  actions: CaseActionType[];
  onAction: (t: CaseActionType) => void;
  canReconcile: boolean;
  reconciling: boolean;
  onReconcile: () => void;
  /** Number of the case this one was merged into, once looked up. */
  mergedIntoNumber?: string;
}) {
  const showDeadline = deadlineShown(c);
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <div className="cg-case-header-title">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" data-testid="case-back" />
          <span className="cg-case-number" data-testid="case-number">
            {c.caseNumber}
          </span>
          <span data-testid="case-status" data-status={c.status}>
            <CaseStatusTag status={c.status} name={c.statusName} />
          </span>
          <Tag bordered={false} color="blue" data-testid="case-category">
            {c.categoryName}
          </Tag>
          {showDeadline && <DeadlineTag status={c.deadlineStatus} />}
          {c.fixedOnSpot && (
            <Tag color="green" bordered={false}>
              立行整改
            </Tag>
          )}
          {c.reworkCount > 0 && (
            <Tag color="volcano" bordered={false}>
              返工 {c.reworkCount} 次
            </Tag>
          )}
          {c.reconciledAt && (
            <Tag color="success" icon={<CheckSquareOutlined />} data-testid="case-reconciled">
              已销号
            </Tag>
          )}
        </div>
        <Space wrap>
          <Link to={`/cases/${c.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="case-print">
              打印案卷
            </Button>
          </Link>
          {c.actions.some((a) => a.type === 'dispatch') && (
            <Link to={`/cases/${c.id}/dispatch-order`}>
              <Button icon={<PrinterOutlined />} data-testid="case-print-dispatch">
                打印派遣单
              </Button>
            </Link>
          )}
          <Button icon={<ReloadOutlined />} onClick={onReload} loading={loading} data-testid="case-reload">
            刷新
          </Button>
        </Space>
      </div>
      <Typography.Paragraph
        style={{ margin: '12px 0 0', fontSize: 15, whiteSpace: 'pre-wrap' }}
        data-testid="case-description"
      >
        {c.description}
      </Typography.Paragraph>
      {c.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={`责任单位申请延期 ${timeLimitText(c.pendingExtension)}，待审批`}
          description={`理由：${c.pendingExtension.reason}`}
          data-testid="case-pending-extension"
        />
      )}
      {c.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message={
            <span>
              已作为重复问题合并到 <Link to={`/cases/${c.mergedInto}`}>{mergedIntoNumber ?? '目标案卷'}</Link>
            </span>
          }
        />
      )}
      {c.status === 'rejected' && c.rejectionReason && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={`不予立案：${c.rejectionReason}`} />
      )}
      <div className="cg-case-actions" style={{ marginTop: 16 }} data-testid="case-actions">
        {actions.map((t) => (
          <Button
            key={t}
            type={primaryActions.has(t) ? 'primary' : 'default'}
            danger={dangerActions.has(t)}
            onClick={() => onAction(t)}
            data-testid={`case-action-${t}`}
          >
            {actionButtonLabel[t] ?? t}
          </Button>
        ))}
        {canReconcile && (
          <Button
            icon={<CheckSquareOutlined />}
            onClick={onReconcile}
            loading={reconciling}
            data-testid="case-reconcile"
          >
            对账销号
          </Button>
        )}
        {actions.length === 0 && !canReconcile && (
          <Typography.Text type="secondary" data-testid="case-no-actions">
            当前没有需要您办理的操作。
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}

/** 基本信息: category, source, grid, times, responsible unit and counts. */
export function CaseInfoCard({ c }: { c: CaseDetail }) {
  const showDeadline = deadlineShown(c);
  return (
    <Card title="基本信息" size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }} data-testid="case-info">
        <Descriptions.Item label="问题类别">
          {c.categoryName}
          <Typography.Text type="secondary" className="cg-mono" style={{ marginLeft: 6 }}>
            {c.categoryCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="来源">{caseSourceLabel[c.source] ?? c.source}</Descriptions.Item>
        <Descriptions.Item label="所属网格" span="filled">
          {c.gridName ? (
            [c.subdistrictName, c.communityName, c.gridName].filter(Boolean).join(' / ')
          ) : (
            <Typography.Text type="warning">{c.outOfGrid ? '不在任何网格内' : '未定位'}</Typography.Text>
          )}
        </Descriptions.Item>
        {c.address && (
          <Descriptions.Item label="地址" span="filled">
            {c.address}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="上报时间">{formatTime(c.reportedAt)}</Descriptions.Item>
        <Descriptions.Item label="上报人数">{c.reporters ?? 1}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{c.assignedUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="处置时限">
          {c.deadline ? (
            <Space size={4}>
              <span data-testid="case-deadline">{formatTime(c.deadline)}</span>
              {showDeadline && c.deadlineStatus !== 'none' && (
                <Typography.Text type="secondary">（{deadlineStatusLabel[c.deadlineStatus]}）</Typography.Text>
              )}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="催办 / 督办">
          {c.urgeCount} 次 / {c.superviseCount} 次
        </Descriptions.Item>
        <Descriptions.Item label="延期">{c.extensionCount ?? 0} 次</Descriptions.Item>
        {c.closedAt && <Descriptions.Item label="结案时间">{formatTime(c.closedAt)}</Descriptions.Item>}
        {c.reconciledAt && <Descriptions.Item label="销号时间">{formatTime(c.reconciledAt)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/** 位置: the point on a map with its grid's boundary, or 未标注位置. */
export function CaseLocationCard({
  c,
  boundary,
  tileUrl,
}: {
  c: CaseDetail;
  boundary: BoundaryFeature | null;
  tileUrl: string | null;
}) {
  return (
    <Card
      title={
        <Space>
          <EnvironmentOutlined />
          <span>位置</span>
        </Space>
      }
      size="small"
      styles={{ body: { padding: 8 } }}
      style={{ position: 'sticky', top: 80 }}
    >
      {c.location || boundary ? (
        <div data-testid="case-map">
          <CaseMap tileUrl={tileUrl} point={c.location} boundary={boundary} height={380} />
        </div>
      ) : (
        <Empty description="未标注位置" data-testid="case-map-empty" />
      )}
      {c.location && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }} className="cg-mono">
          WGS-84：{c.location.lng.toFixed(6)}, {c.location.lat.toFixed(6)}
          {c.gridName ? ` · ${c.gridName}` : ''}
        </Typography.Text>
      )}
    </Card>
  );
}
