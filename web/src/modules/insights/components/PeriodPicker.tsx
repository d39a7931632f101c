import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { PERIOD_PRESETS, PRESET_LABELS, presetOf, presetRange, type PeriodPreset } from '../hooks/periods';

/** 今日 / 本周 / 本月 / 本季 / 本年, or any range of days up to today. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: { from: string; to: string };
  onChange: (r: { from: string; to: string }) => void;
}) {
  const preset = presetOf(value);
  return (
    <Space wrap size={8}>
      <Segmented<PeriodPreset | 'range'>
        data-testid="insight-period"
        value={preset ?? 'range'}
        options={[
          ...PERIOD_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] })),
          { value: 'range' as const, label: '自定义', disabled: true },
        ]}
        onChange={(p) => p !== 'range' && onChange(presetRange(p))}
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
      />
    </Space>
  );
}
