import { Col, Row, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InstructionButton, useInstructionTimeline } from '../../instructions';
import { ProposalActionModal } from '../components/ProposalActionModal';
import {
  CommitmentsCard,
  ProgressCard,
  ProposalHeaderCard,
  ProposalTimelineCard,
  RatingsCard,
} from '../components/ProposalDetailSections';
import { ConsultationsCard, RepliesCard } from '../components/RepliesCard';
import { useProposalDetail } from '../use-proposal-detail';

export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { p, error, action, setAction, may, done } = useProposalDetail(id);
  const instructions = useInstructionTimeline('proposal', id);

  if (error) return <ErrorAlert error={error} action={<Link to="/proposals">返回列表</Link>} />;
  if (!p) return <Spin style={{ display: 'block', margin: 48 }} />;
  const sections = { p, may, onAction: setAction };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="proposal-detail">
      <ProposalHeaderCard {...sections} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ConsultationsCard p={p} />
            <RepliesCard p={p} />
            <CommitmentsCard {...sections} />
            {p.isKey && <ProgressCard {...sections} />}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <RatingsCard p={p} />
            <ProposalTimelineCard
              p={p}
              extra={instructions}
              action={<InstructionButton kind="proposal" id={p.id} size="small" />}
            />
          </Space>
        </Col>
      </Row>
      <ProposalActionModal proposal={p} action={action} onClose={() => setAction(null)} onDone={done} />
      {!p.allowedActions.length && p.status !== 'completed' && (
        <Typography.Text type="secondary">当前没有需要您办理的操作。</Typography.Text>
      )}
    </Space>
  );
}
