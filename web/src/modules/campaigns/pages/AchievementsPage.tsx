import { Alert, Card, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { campaignsApi } from '../api';
import { PeriodBar } from '../components/PeriodBar';
import { RecordsDrawer } from '../components/RecordsDrawer';
import { INDICATOR_KIND_NAMES, quarterSoFar } from '../labels';

/** 工作成效: a unit's figures over a period and the sentence they make, each figure opening its records. */
export default function AchievementsPage() {
  const me = useMe();
  const [q, setQ] = useState({ unitId: me.unitId, ...quarterSoFar() });
  const [drill, setDrill] = useState<{ id: string; name: string; measureUnit: string } | null>(null);
  const a = useApiQuery(['indicators', 'achievements', q], (signal) => campaignsApi.achievements(q, signal));
  return (
    <Card title="工作成效" extra={<PeriodBar {...q} onChange={setQ} />}>
      <ErrorAlert error={a.error} style={{ marginBottom: 12 }} />
      {a.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            message={`${a.data.unitName}（${a.data.from} 至 ${a.data.to}）`}
            description={
              <Typography.Paragraph
                copyable
                style={{ fontSize: 16, marginBottom: 0 }}
                data-testid="achievement-sentence"
              >
                {a.data.sentence || '本期暂无工作量记录。'}
              </Typography.Paragraph>
            }
          />
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 12 }}>
            {a.data.figures.map((f) => (
              <Card
                key={f.indicatorId}
                size="small"
                hoverable
                onClick={() => setDrill({ id: f.indicatorId, name: f.name, measureUnit: f.measureUnit })}
                data-testid="achievement-figure"
              >
                <Statistic title={f.name} value={f.value} suffix={f.measureUnit} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {INDICATOR_KIND_NAMES[f.kind]} · 点击查看原始记录
                </Typography.Text>
              </Card>
            ))}
          </div>
        </Space>
      )}
      <RecordsDrawer indicator={drill} query={q} onClose={() => setDrill(null)} />
    </Card>
  );
}
