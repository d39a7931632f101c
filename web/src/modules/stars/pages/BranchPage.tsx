import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, InputNumber, Space, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { BattleMapSection } from '../components/BattleMapSection';
import { EvidenceSection } from '../components/EvidenceSection';
import { TeamSection } from '../components/TeamSection';
import { WeeklySection } from '../components/WeeklySection';
import { BRANCH_KIND_LABELS } from '../plan-labels';
import { currentYear, plansApi } from '../plans-api';

/**
 * One branch (党支部): where it sits, then its sections — stars held and their history, the battle map,
 * the action team, the weekly progress and the evidence shown for the stars.
 */
export default function BranchPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const map = useApiQuery(['stars', 'map', id, year], (signal) => plansApi.map(id, year, signal));
  const b = map.data?.branch;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <Link to="/stars/branches">
              <Button type="text" size="small" icon={<ArrowLeftOutlined />} />
            </Link>
            <span data-testid="branch-name">{b?.name ?? '党支部'}</span>
            {b?.kind && <Tag>{BRANCH_KIND_LABELS[b.kind]}</Tag>}
          </Space>
        }
        extra={
          <Space>
            年度
            <InputNumber
              min={2020}
              max={2100}
              value={year}
              onChange={(v) => v && setParams({ year: String(v) })}
              style={{ width: 90 }}
            />
          </Space>
        }
      >
        <ErrorAlert error={map.error} />
        {b && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="所属社区（村）">{b.parent?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="街道">{b.subdistrict?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="争创目标">
              {map.data?.plan ? `${map.data.plan.stars.length} 颗星` : '未制定'}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {/* Section: stars held and their history (星级与评定历史) — the rating part adds it here. */}
      {map.data && <BattleMapSection map={map.data} />}
      {map.data && <TeamSection branchId={id} canKeep={map.data.can.keep} />}
      {map.data && <WeeklySection branchId={id} />}
      {map.data && <EvidenceSection branchId={id} />}
    </Space>
  );
}
