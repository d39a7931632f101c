import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { UnitPicker } from '../../../components/UnitPicker';
import type { MeasureInfo } from '../api';
import type { RankingParams } from '../rankings-api';
import { PERIOD_PRESETS, PRESET_LABEL, type PeriodPreset } from '../rankings-periods';

const LEVELS = [
  { label: '下级单位', value: 'children' },
  { label: '全部网格', value: 'grids' },
];

/** What is ranked: the measure (grouped by module), the unit and level, and the period. */
export function RankingFilters({
  measures,
  params,
  preset,
  update,
}: {
  measures: MeasureInfo[];
  params: RankingParams;
  preset: PeriodPreset;
  update: (patch: Record<string, string | undefined>) => void;
}) {
  const options = useMemo(() => {
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const m of measures) {
      const list = groups.get(m.group) ?? [];
      list.push({ label: m.label, value: m.code });
      groups.set(m.group, list);
    }
    return [...groups].map(([label, items]) => ({ label, title: label, options: items }));
  }, [measures]);
  return (
    <Space wrap size={[12, 8]}>
      <Select
        showSearch
        optionFilterProp="label"
        style={{ width: 200 }}
        value={params.measure}
        options={options}
        onChange={(v) => update({ measure: v })}
        aria-label="排名指标"
        data-testid="ranking-measure"
      />
      <UnitPicker
        value={params.unitId ?? null}
        onChange={(v) => update({ unitId: v })}
        placeholder="本单位"
        allowClear
        style={{ width: 220 }}
        data-testid="ranking-unit"
      />
      <Segmented
        options={LEVELS}
        value={params.level}
        onChange={(v) => update({ level: v === 'grids' ? 'grids' : undefined })}
      />
      <Segmented
        options={[...PERIOD_PRESETS, 'custom' as const].map((p) => ({ label: PRESET_LABEL[p], value: p }))}
        value={preset}
        onChange={(v) =>
          update(
            v === 'custom'
              ? { period: 'custom', from: params.from, to: params.to }
              : { period: v, from: undefined, to: undefined },
          )
        }
        data-testid="ranking-period"
      />
      {preset === 'custom' && (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(params.from), dayjs(params.to)]}
          onChange={(r) => r?.[0] && r[1] && update({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
        />
      )}
    </Space>
  );
}
