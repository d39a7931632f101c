import { Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../../../app/auth';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { orgApi } from '../../org/api';
import { BuildingsTab } from '../components/BuildingsTab';
import { HouseholdsTab } from '../components/HouseholdsTab';
import { ResidentsTab } from '../components/ResidentsTab';
import { ReviewsTab } from '../components/ReviewsTab';
import { TagsTab } from '../components/TagsTab';
import '../population.css';

/** The unit the page shows (default: my scope), and whether it is a small grid (which has a map). */
function useUnitChoice() {
  const me = useMe();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const id = unitId ?? me.unitId;
  const unit = useApiQuery(['org', 'unit', id], (signal) => orgApi.getUnit(id, signal), undefined, {
    staleTime: 5 * 60_000,
  });
  const gridId = unit.data?.id === id && unit.data.kind === 'grid_small' ? id : undefined;
  return { unitId: id, setUnitId, gridId, unitName: unit.data?.name ?? me.unitName };
}

/** 居民与房屋: households, residents and buildings per grid; merge reviews; tag settings. */
export default function PopulationPage() {
  const { can } = useAuth();
  const { unitId, setUnitId, gridId, unitName } = useUnitChoice();
  const [tab, setTab] = useState('households');
  const scope = { unitId, gridId };

  return (
    <Card
      title="居民与房屋"
      data-testid="population-page"
      extra={
        <Space>
          <Typography.Text type="secondary">范围</Typography.Text>
          <UnitPicker
            value={unitId}
            onChange={(v) => setUnitId(v)}
            placeholder={unitName}
            style={{ width: 300 }}
            data-testid="population-unit"
          />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'households', label: '户', children: <HouseholdsTab {...scope} /> },
          { key: 'residents', label: '居民', children: <ResidentsTab {...scope} /> },
          { key: 'buildings', label: '楼栋', children: <BuildingsTab {...scope} /> },
          { key: 'reviews', label: '合并审核', children: <ReviewsTab /> },
          ...(can('resident.configure') ? [{ key: 'tags', label: '标签设置', children: <TagsTab /> }] : []),
        ]}
      />
    </Card>
  );
}
