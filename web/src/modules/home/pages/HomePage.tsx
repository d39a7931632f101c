import { Card, Col, Descriptions, Row, Space } from 'antd';
import { useMe } from '../../../app/auth';
import { visibleNav } from '../../../app/nav';
import { usePublicSettings } from '../../../app/settings';
import { GreetingCard } from '../components/GreetingCard';
import { HeadlineCard } from '../components/HeadlineCard';
import { QuickEntries } from '../components/QuickEntries';
import { WorkItemsCard } from '../components/WorkItemsCard';
import { useWorkbench } from '../use-workbench';
import '../home.css';

/**
 * 工作台, the first page after login: the greeting and today; 待办事项 — what waits for me, each count
 * one click from its list; my scope's headline numbers for today and this month; then the entries.
 */
export default function HomePage() {
  const me = useMe();
  const settings = usePublicSettings();
  const wb = useWorkbench();
  const entries = visibleNav(me).filter((n) => n.path !== '');
  const hasHeadline = !wb.data || wb.data.headline.measures.length > 0;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="home-page">
      <GreetingCard />
      <Row gutter={[12, 12]} align="stretch">
        <Col xs={24} lg={hasHeadline ? 13 : 24}>
          <WorkItemsCard
            items={wb.data?.items}
            loading={wb.isLoading}
            fetching={wb.isFetching}
            onRefresh={() => void wb.refetch()}
          />
        </Col>
        {hasHeadline && (
          <Col xs={24} lg={11}>
            <HeadlineCard data={wb.data} loading={wb.isLoading} />
          </Col>
        )}
      </Row>
      <QuickEntries entries={entries} />
      <Card title="系统信息" size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="行政区划">
            {settings.districtName}（{settings.districtCode}）
          </Descriptions.Item>
          <Descriptions.Item label="数据权限">{me.unitName} 及下级单位</Descriptions.Item>
          <Descriptions.Item label="版本">{settings.version || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
