import { Button, Card, Col, Drawer, Empty, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { starsApi, type StarSetList, type StarSetView } from '../api';
import { StarCard } from '../components/StarCard';
import { StarSetEditor } from '../components/StarSetEditor';
import { BRANCH_KIND_LABELS, quarterLabel, quarterOptions } from '../labels';

type Version = StarSetList['versions'][number];
const KINDS = ['urban', 'village'] as const;

/** 星级标准: the sets in force in a quarter, the versions kept, and (for the offices keeping them) a revision. */
export default function StarSetsPage() {
  const { can } = useAuth();
  const [quarter, setQuarter] = useState<string>();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('urban');
  const [editing, setEditing] = useState<StarSetView | null>(null);
  const sets = useApiQuery(['stars', 'sets', quarter], (signal) => starsApi.sets(quarter, signal));
  const sources = useApiQuery(['stars', 'rate-sources'], (signal) => starsApi.rateSources(signal));
  const sourceLabel = useMemo(() => {
    const m = new Map((sources.data?.items ?? []).map((s) => [s.code, s.label]));
    return (code: string) => m.get(code) ?? '（数据来源未接入）';
  }, [sources.data]);
  const current = sets.data?.[kind] ?? null;
  const versions = (sets.data?.versions ?? []).filter((v) => v.branchKind === kind);
  const options = quarterOptions(new Date(), 8, 0);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          “五星”支部星级标准
        </Typography.Title>
        <Space>
          <span>评比季度</span>
          <Select
            style={{ width: 160 }}
            value={quarter ?? sets.data?.quarter}
            options={options}
            onChange={setQuarter}
            data-testid="sets-quarter"
          />
          {can('star.configure') && current && (
            <Button type="primary" onClick={() => setEditing(current)} data-testid="sets-revise">
              修订标准
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={sets.error} />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as typeof kind)}
        items={KINDS.map((k) => ({ key: k, label: `${BRANCH_KIND_LABELS[k]}党支部` }))}
      />
      <Row gutter={16}>
        <Col span={17}>
          {current ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                第 {current.version} 版，{quarterLabel(current.effectiveFrom)}执行
                {current.note ? `（${current.note}）` : ''}
                。达到达标分、必备佐证齐全的星可以评定；系统计算的指标在该季度无数据时不计入，按其余指标折算。
              </Typography.Text>
              {current.stars.map((s) => (
                <StarCard key={s.key} star={s} sourceLabel={sourceLabel} />
              ))}
            </Space>
          ) : (
            <Empty description="该季度没有执行中的星级标准" />
          )}
        </Col>
        <Col span={7}>
          <Card size="small" title="版本记录">
            <Table<Version>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={versions}
              columns={[
                { title: '版本', dataIndex: 'version', width: 52, render: (v) => `第${v}版` },
                { title: '执行起', dataIndex: 'effectiveFrom', render: (q) => quarterLabel(q) },
                { title: '修订人', dataIndex: 'createdByName' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Drawer
        title={`修订${BRANCH_KIND_LABELS[kind]}党支部星级标准`}
        width={1180}
        open={!!editing}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <StarSetEditor
            base={editing}
            sources={sources.data?.items ?? []}
            onSaved={() => {
              setEditing(null);
              void sets.refetch();
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}
