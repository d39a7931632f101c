import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { SpecialDay } from '../api';

interface Props {
  year: number;
  /** 0-based month. */
  month: number;
  special: Map<string, SpecialDay>;
  today: string;
  onDayClick?: (date: string) => void;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** One month, Monday first, with holidays (休) and make-up workdays (班) marked. */
export function MonthGrid({ year, month, special, today, onDayClick }: Props) {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);

  return (
    <div className="cg-month" data-testid={`calendar-month-${month + 1}`}>
      <div className="cg-month-title">{month + 1} 月</div>
      <div className="cg-month-grid">
        {WEEKDAYS.map((w, i) => (
          <div key={w} className={i >= 5 ? 'cg-wd cg-wd-weekend' : 'cg-wd'}>
            {w}
          </div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`e${i}`} className="cg-day cg-day-empty" />;
          const date = first.date(d).format('YYYY-MM-DD');
          const s = special.get(date);
          const weekend = i % 7 >= 5;
          const cls = [
            'cg-day',
            s?.kind === 'holiday' ? 'cg-day-holiday' : '',
            s?.kind === 'workday' ? 'cg-day-workday' : '',
            !s && weekend ? 'cg-day-weekend' : '',
            date === today ? 'cg-day-today' : '',
            onDayClick ? 'cg-day-clickable' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const cell = (
            <div
              key={date}
              className={cls}
              data-date={date}
              data-kind={s?.kind ?? (weekend ? 'weekend' : 'weekday')}
              onClick={onDayClick ? () => onDayClick(date) : undefined}
            >
              <span className="cg-day-num">{d}</span>
              {s && <span className="cg-day-badge">{s.kind === 'holiday' ? '休' : '班'}</span>}
              {s?.origin === 'admin' && <span className="cg-day-admin" />}
            </div>
          );
          return s ? (
            <Tooltip
              key={date}
              title={`${date} ${s.name ?? ''}${s.kind === 'holiday' ? '（放假）' : '（调休上班）'}${s.origin === 'admin' ? ' · 管理员设置' : ''}`}
            >
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </div>
  );
}
