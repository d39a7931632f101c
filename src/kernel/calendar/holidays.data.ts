/**
 * The official PRC public-holiday schedule (全体公民放假的节日) with make-up workdays (调休上班), as
 * published each year by the State Council General Office (国务院办公厅). Written out date by date from
 * the notices and cross-checked day by day against the `chinese-days` package in the tests.
 *
 * Adding a year: copy the notice's dates here once it is published (usually October–December of
 * the year before); until then admins enter the year in the calendar settings, and the calendar
 * falls back to Monday–Friday and reports the year as not covered.
 * 2027 is deliberately absent: its notice is not yet known, and guessing a 调休 pattern is worse than
 * the visible Monday–Friday fallback.
 */

export type HolidayName = '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节';

export interface HolidayNotice {
  /** Title without the 书名号, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  title: string;
  /** Document number, e.g. 国办发明电〔2024〕12号. */
  number: string;
  /** Date the notice was signed and published, YYYY-MM-DD. */
  published: string;
  url: string;
}

export interface HolidayPeriod {
  name: HolidayName;
  /** A second festival merged into the same break, in the notice's order (2020, 2023 and 2025). */
  mergedWith?: HolidayName;
  /** Every day off in the break, weekends included, as listed by the notice's 放假 range. */
  daysOff: readonly string[];
  /** Weekend days worked instead (调休上班). */
  makeupWorkdays: readonly string[];
}

export interface HolidayYear {
  year: number;
  notice: HolidayNotice;
  /** Later notices that changed this year's schedule; `periods` already include their effect. */
  amendments?: readonly HolidayNotice[];
  periods: readonly HolidayPeriod[];
}

/** 《国务院办公厅关于延长2020年春节假期的通知》: the Spring Festival break ran to 2 February (COVID-19). */
const AMENDMENT_2020: HolidayNotice = {
  title: '国务院办公厅关于延长2020年春节假期的通知',
  number: '国办发明电〔2020〕1号',
  published: '2020-01-26',
  url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
};

/** Formats a notice the way official documents cite one: 《title》（number）. */
export function citeNotice(notice: HolidayNotice): string {
  return `《${notice.title}》（${notice.number}）`;
}

export const HOLIDAY_SCHEDULE: readonly HolidayYear[] = [
  {
    year: 2020,
    notice: {
      title: '国务院办公厅关于2020年部分节假日安排的通知',
      number: '国办发明电〔2019〕16号',
      published: '2019-11-21',
      url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    },
    amendments: [AMENDMENT_2020],
    periods: [
      { name: '元旦', daysOff: ['2020-01-01'], makeupWorkdays: [] },
      // The extension notice moved the end from 1-30 to 2-02, so 2-01 (a Saturday) stopped being a make-up workday.
      {
        name: '春节',
        daysOff: [
          '2020-01-24',
          '2020-01-25',
          '2020-01-26',
          '2020-01-27',
          '2020-01-28',
          '2020-01-29',
          '2020-01-30',
          '2020-01-31',
          '2020-02-01',
          '2020-02-02',
        ],
        makeupWorkdays: ['2020-01-19'],
      },
      { name: '清明节', daysOff: ['2020-04-04', '2020-04-05', '2020-04-06'], makeupWorkdays: [] },
      {
        name: '劳动节',
        daysOff: ['2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05'],
        makeupWorkdays: ['2020-04-26', '2020-05-09'],
      },
      { name: '端午节', daysOff: ['2020-06-25', '2020-06-26', '2020-06-27'], makeupWorkdays: ['2020-06-28'] },
      {
        name: '国庆节',
        mergedWith: '中秋节',
        daysOff: [
          '2020-10-01',
          '2020-10-02',
          '2020-10-03',
          '2020-10-04',
          '2020-10-05',
          '2020-10-06',
          '2020-10-07',
          '2020-10-08',
        ],
        makeupWorkdays: ['2020-09-27', '2020-10-10'],
      },
    ],
  },
  {
    year: 2021,
    notice: {
      title: '国务院办公厅关于2021年部分节假日安排的通知',
      number: '国办发明电〔2020〕27号',
      published: '2020-11-25',
      url: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2021-01-01', '2021-01-02', '2021-01-03'], makeupWorkdays: [] },
      {
        name: '春节',
        daysOff: ['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'],
        makeupWorkdays: ['2021-02-07', '2021-02-20'],
      },
      { name: '清明节', daysOff: ['2021-04-03', '2021-04-04', '2021-04-05'], makeupWorkdays: [] },
      {
        name: '劳动节',
        daysOff: ['2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'],
        makeupWorkdays: ['2021-04-25', '2021-05-08'],
      },
      { name: '端午节', daysOff: ['2021-06-12', '2021-06-13', '2021-06-14'], makeupWorkdays: [] },
      { name: '中秋节', daysOff: ['2021-09-19', '2021-09-20', '2021-09-21'], makeupWorkdays: ['2021-09-18'] },
      {
        name: '国庆节',
        daysOff: ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'],
        makeupWorkdays: ['2021-09-26', '2021-10-09'],
      },
    ],
  },
  {
    year: 2022,
    notice: {
      title: '国务院办公厅关于2022年部分节假日安排的通知',
      number: '国办发明电〔2021〕11号',
      published: '2021-10-25',
      url: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2022-01-01', '2022-01-02', '2022-01-03'], makeupWorkdays: [] },
      {
        name: '春节',
        daysOff: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'],
        makeupWorkdays: ['2022-01-29', '2022-01-30'],
      },
      { name: '清明节', daysOff: ['2022-04-03', '2022-04-04', '2022-04-05'], makeupWorkdays: ['2022-04-02'] },
      {
        name: '劳动节',
        daysOff: ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04'],
        makeupWorkdays: ['2022-04-24', '2022-05-07'],
      },
      { name: '端午节', daysOff: ['2022-06-03', '2022-06-04', '2022-06-05'], makeupWorkdays: [] },
      { name: '中秋节', daysOff: ['2022-09-10', '2022-09-11', '2022-09-12'], makeupWorkdays: [] },
      {
        name: '国庆节',
        daysOff: ['2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07'],
        makeupWorkdays: ['2022-10-08', '2022-10-09'],
      },
    ],
  },
  {
    year: 2023,
    notice: {
      title: '国务院办公厅关于2023年部分节假日安排的通知',
      number: '国办发明电〔2022〕16号',
      published: '2022-12-08',
      url: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2022-12-31', '2023-01-01', '2023-01-02'], makeupWorkdays: [] },
      {
        name: '春节',
        daysOff: ['2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'],
        makeupWorkdays: ['2023-01-28', '2023-01-29'],
      },
      { name: '清明节', daysOff: ['2023-04-05'], makeupWorkdays: [] },
      {
        name: '劳动节',
        daysOff: ['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'],
        makeupWorkdays: ['2023-04-23', '2023-05-06'],
      },
      { name: '端午节', daysOff: ['2023-06-22', '2023-06-23', '2023-06-24'], makeupWorkdays: ['2023-06-25'] },
      {
        name: '中秋节',
        mergedWith: '国庆节',
        daysOff: [
          '2023-09-29',
          '2023-09-30',
          '2023-10-01',
          '2023-10-02',
          '2023-10-03',
          '2023-10-04',
          '2023-10-05',
          '2023-10-06',
        ],
        makeupWorkdays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    notice: {
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      number: '国办发明电〔2023〕7号',
      published: '2023-10-25',
      url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2024-01-01'], makeupWorkdays: [] },
      {
        name: '春节',
        daysOff: [
          '2024-02-10',
          '2024-02-11',
          '2024-02-12',
          '2024-02-13',
          '2024-02-14',
          '2024-02-15',
          '2024-02-16',
          '2024-02-17',
        ],
        makeupWorkdays: ['2024-02-04', '2024-02-18'],
      },
      { name: '清明节', daysOff: ['2024-04-04', '2024-04-05', '2024-04-06'], makeupWorkdays: ['2024-04-07'] },
      {
        name: '劳动节',
        daysOff: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
        makeupWorkdays: ['2024-04-28', '2024-05-11'],
      },
      { name: '端午节', daysOff: ['2024-06-10'], makeupWorkdays: [] },
      { name: '中秋节', daysOff: ['2024-09-15', '2024-09-16', '2024-09-17'], makeupWorkdays: ['2024-09-14'] },
      {
        name: '国庆节',
        daysOff: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
        makeupWorkdays: ['2024-09-29', '2024-10-12'],
      },
    ],
  },
  {
    year: 2025,
    notice: {
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      number: '国办发明电〔2024〕12号',
      published: '2024-11-12',
      url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2025-01-01'], makeupWorkdays: [] },
      {
        name: '春节',
        daysOff: [
          '2025-01-28',
          '2025-01-29',
          '2025-01-30',
          '2025-01-31',
          '2025-02-01',
          '2025-02-02',
          '2025-02-03',
          '2025-02-04',
        ],
        makeupWorkdays: ['2025-01-26', '2025-02-08'],
      },
      { name: '清明节', daysOff: ['2025-04-04', '2025-04-05', '2025-04-06'], makeupWorkdays: [] },
      {
        name: '劳动节',
        daysOff: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
        makeupWorkdays: ['2025-04-27'],
      },
      { name: '端午节', daysOff: ['2025-05-31', '2025-06-01', '2025-06-02'], makeupWorkdays: [] },
      {
        name: '国庆节',
        mergedWith: '中秋节',
        daysOff: [
          '2025-10-01',
          '2025-10-02',
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ],
        makeupWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    notice: {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      number: '国办发明电〔2025〕7号',
      published: '2025-11-04',
      url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    },
    periods: [
      { name: '元旦', daysOff: ['2026-01-01', '2026-01-02', '2026-01-03'], makeupWorkdays: ['2026-01-04'] },
      {
        name: '春节',
        daysOff: [
          '2026-02-15',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-02-21',
          '2026-02-22',
          '2026-02-23',
        ],
        makeupWorkdays: ['2026-02-14', '2026-02-28'],
      },
      { name: '清明节', daysOff: ['2026-04-04', '2026-04-05', '2026-04-06'], makeupWorkdays: [] },
      {
        name: '劳动节',
        daysOff: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
        makeupWorkdays: ['2026-05-09'],
      },
      { name: '端午节', daysOff: ['2026-06-19', '2026-06-20', '2026-06-21'], makeupWorkdays: [] },
      { name: '中秋节', daysOff: ['2026-09-25', '2026-09-26', '2026-09-27'], makeupWorkdays: [] },
      {
        name: '国庆节',
        daysOff: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
        makeupWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
];
