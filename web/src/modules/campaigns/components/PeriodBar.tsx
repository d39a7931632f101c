import { DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { UnitPicker } from '../../../components/UnitPicker';

/** A unit in scope and a span of days, the filter every indicator page starts from. */
export function PeriodBar({
  unitId,
  from,
  to,
  onChange,
}: {
  unitId: string;
  from: string;
  to: string;
  onChange(v: { unitId: string; from: string; to: string }): void;
}) {
  return (
    <Space wrap>
      <UnitPicker
        value={unitId}
        onChange={(u) => u && onChange({ unitId: u, from, to })}
        style={{ width: 220 }}
        data-testid="period-unit"
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        onChange={(v) =>
          v?.[0] && v[1] && onChange({ unitId, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
        }
      />
    </Space>
  );
}
