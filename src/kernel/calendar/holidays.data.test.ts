import { describe, it, expect } from 'vitest';
import { isWorkday as referenceIsWorkday } from 'chinese-days';
import reference from 'chinese-days/dist/chinese-days.json';
import { createCalendar, HOLIDAY_SCHEDULE, type HolidayName } from './index.js';

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const FESTIVALS: HolidayName[] = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d++) out.push(dateOf(d));
  return out;
}

describe('shipped holiday schedule', () => {
  it('ships 2020 through 2026, one entry per year, in order', () => {
    expect(HOLIDAY_SCHEDULE.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
  it('cites a State Council notice published the year before', () => {
    for (const y of HOLIDAY_SCHEDULE) {
      expect(y.notice.title).toBe(`国务院办公厅关于${y.year}年部分节假日安排的通知`);
      expect(y.notice.number).toMatch(new RegExp(`^国办发明电〔${y.year - 1}〕\\d+号$`));
      expect(y.notice.published.slice(0, 4)).toBe(String(y.year - 1));
      expect(y.notice.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
    }
  });
  it('records the 2020 Spring Festival extension as an amendment', () => {
    expect(HOLIDAY_SCHEDULE[0].amendments?.map((a) => a.number)).toEqual(['国办发明电〔2020〕1号']);
  });
  it('names all seven festivals every year', () => {
    for (const y of HOLIDAY_SCHEDULE) {
      const names = y.periods.flatMap((p) => (p.mergedWith ? [p.name, p.mergedWith] : [p.name]));
      expect([...names].sort()).toEqual([...FESTIVALS].sort());
    }
  });
  it('gives each break consecutive days off and make-up days only on weekends', () => {
    for (const y of HOLIDAY_SCHEDULE) {
      for (const p of y.periods) {
        const days = p.daysOff.map(dayOf);
        days.forEach((d, i) => i > 0 && expect(d, `${y.year} ${p.name}`).toBe(days[i - 1] + 1));
        for (const w of p.makeupWorkdays) expect(isWeekend(w), `${w} is a weekend`).toBe(true);
      }
    }
  });
  it('lists no date twice', () => {
    const all = HOLIDAY_SCHEDULE.flatMap((y) => y.periods.flatMap((p) => [...p.daysOff, ...p.makeupWorkdays]));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('cross-check with chinese-days', () => {
  const cal = createCalendar();
  const days = eachDay('2020-01-01', '2026-12-31');

  it('agrees on isWorkday for every day 2020-01-01..2026-12-31', () => {
    const mismatches = days.filter((d) => cal.isWorkday(d) !== referenceIsWorkday(d));
    expect(mismatches).toEqual([]);
    expect(days).toHaveLength(2557);
  });
  it('agrees on which days are holidays and which are make-up workdays', () => {
    const inRange = (m: Record<string, string>) =>
      Object.keys(m)
        .filter((d) => d >= '2020-01-01' && d <= '2026-12-31')
        .sort();
    expect(days.filter((d) => cal.dayKind(d) === 'holiday')).toEqual(inRange(reference.holidays));
    expect(days.filter((d) => cal.dayKind(d) === 'makeup_workday')).toEqual(inRange(reference.workdays));
  });
  it('agrees on the number of working days in each year', () => {
    for (let year = 2020; year <= 2026; year++) {
      const expected = eachDay(`${year}-01-01`, `${year}-12-31`).filter((d) => referenceIsWorkday(d)).length;
      expect(cal.workdaysBetween(`${year - 1}-12-31`, `${year}-12-31`), String(year)).toBe(expected);
    }
  });
});
