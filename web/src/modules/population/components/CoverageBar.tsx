import { Progress } from 'antd';
import { percent } from '../labels';

/** 走访率 as a bar and a figure; — for a scope without households. */
export function CoverageBar({ rate }: { rate: number | null }) {
  const pct = rate === null ? 0 : Math.round(rate * 1000) / 10;
  return (
    <div className="cg-pop-progress" data-testid="coverage-bar">
      <Progress
        percent={pct}
        size="small"
        showInfo={false}
        strokeColor={rate !== null && rate >= 0.9 ? '#52c41a' : rate !== null && rate >= 0.6 ? '#1677ff' : '#fa8c16'}
      />
      <span className="cg-pop-progress-text">{percent(rate)}</span>
    </div>
  );
}
