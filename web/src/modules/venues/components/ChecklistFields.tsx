import { Radio, Space, Typography } from 'antd';
import type { CheckResult } from '../api';
import { CHECK_RESULT_NAMES } from '../labels';

const RESULTS: CheckResult[] = ['pass', 'fail', 'na'];

/** A picked finding in its colour: 合格 green, 不合格 red, 不适用 grey, as the tags show them. */
const PICKED: Record<CheckResult, React.CSSProperties> = {
  pass: { background: '#389e0d', borderColor: '#389e0d', color: '#fff' },
  fail: { background: '#cf1322', borderColor: '#cf1322', color: '#fff' },
  na: { background: '#8c8c8c', borderColor: '#8c8c8c', color: '#fff' },
};

/** One row per checklist item with 合格 / 不合格 / 不适用; an item not yet ticked shows as such. */
export function ChecklistFields({
  checklist,
  value,
  onChange,
  size = 'middle',
}: {
  checklist: { code: string; name: string }[];
  value: Record<string, CheckResult | undefined>;
  onChange(next: Record<string, CheckResult | undefined>): void;
  size?: 'middle' | 'large';
}) {
  return (
    <Space direction="vertical" size={size === 'large' ? 12 : 8} style={{ width: '100%' }}>
      {checklist.map((c) => (
        <div key={c.code} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Text strong={size === 'large'}>{c.name}</Typography.Text>
          <Radio.Group
            buttonStyle="solid"
            size={size}
            value={value[c.code]}
            onChange={(e) => onChange({ ...value, [c.code]: e.target.value as CheckResult })}
            data-testid={`check-${c.code}`}
          >
            {RESULTS.map((r) => (
              <Radio.Button key={r} value={r} style={value[c.code] === r ? PICKED[r] : undefined}>
                {CHECK_RESULT_NAMES[r]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </div>
      ))}
    </Space>
  );
}

/** Every item ticked, as the API takes it; null while one is missing. */
export function findingsOf(
  checklist: { code: string }[],
  value: Record<string, CheckResult | undefined>,
): { code: string; result: CheckResult }[] | null {
  const out = checklist.map((c) => ({ code: c.code, result: value[c.code] }));
  return out.every((f) => f.result) ? (out as { code: string; result: CheckResult }[]) : null;
}
