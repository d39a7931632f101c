import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-time';
import { ClosureModal, LiftModal } from '../components/ClosureModals';
import { InspectionModal } from '../components/InspectionModal';
import { RevealPhone } from '../components/RevealPhone';
import { VenueFormModal } from '../components/VenueFormModal';
import { VenueHistory } from '../components/VenueHistory';
import { VENUE_STATUS_COLORS, VENUE_STATUS_NAMES } from '../labels';
import { useVenueDetail } from '../use-venue-detail';

/** A venue's page: its details, the owner's phone (masked, 查看 with a reason), and its whole history. */
export default function VenueDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { venue, data: v, settings, dialog, setDialog, saved, revealed, setRevealed } = useVenueDetail(id);
  if (!v) return venue.error ? <ErrorAlert error={venue.error} /> : <Skeleton active />;
  const order = v.openClosure;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/venues')}
              aria-label="返回列表"
            />
            <span data-testid="venue-title">{v.name}</span>
            <StatusTag status={v.status} colors={VENUE_STATUS_COLORS} names={VENUE_STATUS_NAMES} />
          </Space>
        }
        extra={
          <Space>
            {v.can.inspect && (
              <Button type="primary" onClick={() => setDialog('inspect')} data-testid="venue-inspect">
                检查
              </Button>
            )}
            {v.can.close && (
              <Button danger onClick={() => setDialog('close')} data-testid="venue-close">
                停业整顿
              </Button>
            )}
            {v.can.lift && (
              <Button onClick={() => setDialog('lift')} data-testid="venue-lift">
                解除
              </Button>
            )}
            {v.can.edit && (
              <Button onClick={() => setDialog('edit')} data-testid="venue-edit">
                编辑
              </Button>
            )}
          </Space>
        }
      >
        {order && (
          <Alert
            type={order.overdue ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 12 }}
            message={`停业整顿中：${order.startDate} 至 ${order.untilDate}（${order.days} 天）${order.overdue ? '，已到期，待复查合格后解除' : ''}`}
            description={`事由：${order.reason}；下达：${order.issuedBy.name}，${formatDateTime(order.issuedAt)}${
              v.recheckPassed ? '；复查已合格，可解除' : ''
            }`}
          />
        )}
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="类型">{v.typeName}</Descriptions.Item>
          <Descriptions.Item label="所在社区">{v.community?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所在网格">{v.grid.name}</Descriptions.Item>
          <Descriptions.Item label="地址" span={2}>
            {v.address}
          </Descriptions.Item>
          <Descriptions.Item label="坐标">
            {v.location ? `${v.location.lng.toFixed(5)}, ${v.location.lat.toFixed(5)}` : '按网格登记'}
          </Descriptions.Item>
          <Descriptions.Item label="负责人">{v.ownerName}</Descriptions.Item>
          <Descriptions.Item label="联系电话">
            <RevealPhone
              venueId={v.id}
              masked={v.ownerPhone}
              canReveal={v.can.reveal}
              revealed={revealed}
              onRevealed={setRevealed}
            />
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(v.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="检查与整顿记录" extra={<Typography.Text type="secondary">最新在前</Typography.Text>}>
        <VenueHistory history={v.history} />
      </Card>
      {dialog === 'inspect' && <InspectionModal venue={v} onClose={() => setDialog(null)} onDone={saved} />}
      {dialog === 'close' && <ClosureModal venue={v} onClose={() => setDialog(null)} onDone={saved} />}
      {dialog === 'lift' && <LiftModal venue={v} onClose={() => setDialog(null)} onDone={saved} />}
      {dialog === 'edit' && (
        <VenueFormModal
          venue={v}
          revealedPhone={revealed}
          types={settings?.types ?? []}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
    </Space>
  );
}
