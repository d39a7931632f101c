import { ArrowLeftOutlined, CheckSquareOutlined, EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { ApiError, errorText } from '../../../lib/api';
import { ActionModal } from '../components/ActionModal';
import { CaseMap } from '../components/CaseMap';
import { CaseStatusTag, DeadlineTag, formatTime } from '../components/CaseTags';
import { CaseTimeline } from '../components/CaseTimeline';
import { PhotoGallery } from '../components/PhotoGallery';
import {
  actionButtonLabel,
  caseSourceLabel,
  dangerActions,
  deadlineStatusLabel,
  primaryActions,
  timeLimitText,
} from '../labels';
import '../cases.css';
import { useCaseDetail } from '../use-case-detail';

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const settings = usePublicSettings();
  const {
    c,
    error,
    loading,
    reload: load,
    replace: setC,
    boundary,
    unitNames,
    caseNumbers,
    buttons,
    canReconcile,
    reconcile,
    reconciling,
    setActing,
    acting,
  } = useCaseDetail(id);

  if (error && !c) {
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={status === 404 ? '案卷不存在' : status === 403 ? '无权查看该案卷' : '案卷加载失败'}
        subTitle={errorText(error)}
        extra={
          <Space>
            <Button onClick={() => navigate('/cases')}>返回问题台账</Button>
            <Button type="primary" onClick={() => void load()}>
              重试
            </Button>
          </Space>
        }
        data-testid="case-detail-error"
      />
    );
  }

  if (!c) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const marker = c.location;
  const showDeadline = c.deadline && c.status !== 'closed' && c.status !== 'rejected' && c.status !== 'merged';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail-page" data-case-id={c.id}>
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <div className="cg-case-header-title">
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label="返回"
              data-testid="case-back"
            />
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
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading} data-testid="case-reload">
            刷新
          </Button>
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
                已作为重复问题合并到{' '}
                <Link to={`/cases/${c.mergedInto}`}>{caseNumbers[c.mergedInto] ?? '目标案卷'}</Link>
              </span>
            }
          />
        )}
        {c.status === 'rejected' && c.rejectionReason && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} message={`不予立案：${c.rejectionReason}`} />
        )}
        <div className="cg-case-actions" style={{ marginTop: 16 }} data-testid="case-actions">
          {buttons.map((t) => (
            <Button
              key={t}
              type={primaryActions.has(t) ? 'primary' : 'default'}
              danger={dangerActions.has(t)}
              onClick={() => setActing(t)}
              data-testid={`case-action-${t}`}
            >
              {actionButtonLabel[t] ?? t}
            </Button>
          ))}
          {canReconcile && (
            <Button
              icon={<CheckSquareOutlined />}
              onClick={() => void reconcile()}
              loading={reconciling}
              data-testid="case-reconcile"
            >
              对账销号
            </Button>
          )}
          {buttons.length === 0 && !canReconcile && (
            <Typography.Text type="secondary" data-testid="case-no-actions">
              当前没有需要您办理的操作。
            </Typography.Text>
          )}
        </div>
      </Card>

      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
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
            <Card title={`现场照片（${c.photos.length}）`} size="small">
              <PhotoGallery photos={c.photos} emptyText="没有照片" data-testid="case-photos" />
            </Card>
            <Card title="办理过程" size="small">
              <CaseTimeline actions={c.actions} unitName={(x) => unitNames[x]} caseNumber={(x) => caseNumbers[x]} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
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
            {marker || boundary ? (
              <div data-testid="case-map">
                <CaseMap tileUrl={settings.mapTileUrl} point={marker} boundary={boundary} height={380} />
              </div>
            ) : (
              <Empty description="未标注位置" data-testid="case-map-empty" />
            )}
            {marker && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12, display: 'block', marginTop: 6 }}
                className="cg-mono"
              >
                WGS-84：{marker.lng.toFixed(6)}, {marker.lat.toFixed(6)}
                {c.gridName ? ` · ${c.gridName}` : ''}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      <ActionModal
        type={acting}
        c={c}
        onClose={() => setActing(null)}
        onDone={(updated) => {
          setActing(null);
          setC(updated);
        }}
        onConflict={(msg) => {
          setActing(null);
          modal.warning({
            title: '案卷已被他人处理',
            content: `${msg.replace(/[。.]$/, '')}。页面已显示最新的案卷，请查看后再决定是否操作。`,
            okText: '知道了',
          });
          void load();
        }}
      />
    </Space>
  );
}
