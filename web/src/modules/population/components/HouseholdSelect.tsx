import { Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { populationApi } from '../api';
import { POP } from '../use-population';

/** A household searched by address, building or a member's name, within `unitId` (default: my scope). */
export function HouseholdSelect({
  value,
  onChange,
  unitId,
  excludeId,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  unitId?: string;
  excludeId?: string;
  'data-testid'?: string;
}) {
  const [q, setQ] = useState('');
  const query = useDebounced({ unitId, q: q.trim() || undefined }, 300);
  const list = useApiQuery([POP, 'household-options', query], (signal) =>
    populationApi.households(query, undefined, signal),
  );
  const options = (list.data?.items ?? [])
    .filter((h) => h.id !== excludeId)
    .map((h) => ({ value: h.id, label: `${h.address}（${h.headName ?? '户主未登记'}，${h.grid.name}）` }));
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={list.loading}
      options={options}
      placeholder="输入门牌、楼栋或居民姓名查找"
      notFoundContent={list.loading ? '查找中…' : '没有找到'}
      data-testid={testId}
    />
  );
}
