import { Button, Card, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAuth } from '../../../app/auth';
import { useApiQuery } from '../../../lib/query';
import { screeningApi, SCR, type Campaign, type ListedQuery } from '../api';
import { CampaignModal } from '../components/CampaignModal';
import { ChecksTab } from '../components/ChecksTab';
import { EntriesTab } from '../components/EntriesTab';
import { ListedEntriesCard } from '../components/ListedEntriesCard';
import { PurgeCard } from '../components/PurgeCard';
import { CAMPAIGN_STATUS_NAMES } from '../labels';

const STATUS_COLOR: Record<Campaign['status'], string> = { open: 'green', closed: 'default', purged: 'purple' };

/** 排查名单: one campaign at a time — its entries, its 协查 queue, and its close and purge. */
export default function ScreeningPage() {
  const { can } = useAuth();
  const campaigns = useApiQuery([SCR, 'campaigns'], (signal) => screeningApi.campaigns(signal));
  const [chosen, setChosen] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const items = campaigns.data?.items ?? [];
  const campaign = items.find((c) => c.id === chosen) ?? items[0];
  // /screening?unitId=&from=&to=: the dashboard's 排查人数 of an area and period opens the people
  // listed then, over every list, above the one-list view.
  const [params, setParams] = useSearchParams();
  const listed = listedQueryOf(params);
  const setListed = (patch: Partial<ListedQuery>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>排查名单</Typography.Text>
            <Select
              style={{ width: 320 }}
              value={campaign?.id}
              placeholder="选择排查名单"
              data-testid="scr-campaign-select"
              onChange={setChosen}
              options={items.map((c) => ({
                value: c.id,
                label: `${c.name}（${c.scopeUnit.name}，${CAMPAIGN_STATUS_NAMES[c.status]}）`,
              }))}
            />
            {campaign && (
              <>
                <Tag color={STATUS_COLOR[campaign.status]}>{CAMPAIGN_STATUS_NAMES[campaign.status]}</Tag>
                <Typography.Text type="secondary">
                  {campaign.startsOn} 至 {campaign.endsOn} · 登记 {campaign.counts.entries} 人 · 协查{' '}
                  {campaign.counts.checks} 条，待核查 {campaign.counts.checksPending} 条
                </Typography.Text>
                {campaign.counts.checksOverdue > 0 && <Tag color="red">已超时 {campaign.counts.checksOverdue} 条</Tag>}
              </>
            )}
          </Space>
          {can('screening.manage') && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="scr-open">
              开启排查
            </Button>
          )}
        </Space>
      </Card>
      {listed && (
        <ListedEntriesCard
          query={listed}
          campaigns={items}
          onChange={setListed}
          onClose={() => setParams(new URLSearchParams(), { replace: true })}
        />
      )}
      <ErrorAlert error={campaigns.error} />
      {!campaign ? (
        <Card>
          <Empty description={campaigns.loading ? '加载中…' : '暂无排查名单'} />
        </Card>
      ) : (
        <Card size="small">
          <Tabs
            destroyOnHidden
            items={[
              ...(campaign.status !== 'purged'
                ? [
                    { key: 'entries', label: '排查对象', children: <EntriesTab campaign={campaign} /> },
                    { key: 'checks', label: '24小时协查', children: <ChecksTab campaign={campaign} /> },
                  ]
                : []),
              {
                key: 'purge',
                label: campaign.status === 'purged' ? '清除记录' : '结束与清除',
                children: <PurgeCard campaign={campaign} />,
              },
            ]}
          />
        </Card>
      )}
      <CampaignModal
        open={opening}
        onClose={(id) => {
          setOpening(false);
          if (id) setChosen(id);
        }}
      />
    </Space>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period list's filters from the address, or null when it names no period. */
function listedQueryOf(p: URLSearchParams): ListedQuery | null {
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  if (!DAY.test(from) || !DAY.test(to)) return null;
  return { from, to, unitId: p.get('unitId') || undefined };
}
