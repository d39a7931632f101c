import type { Actor } from '../../../kernel/auth/actor.js';
import { ASSESSMENT_RULE_LABELS } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { assessment } from './get-assessment.js';

/** The ranking as an Excel sheet (考核排名). */
export async function assessmentSheet(deps: SupervisionDeps, actor: Actor, periodText: string) {
  const a = await assessment(deps, actor, periodText);
  const kinds = a.rules.map((r) => r.kind);
  async function* rows() {
    for (const u of a.units) {
      const row: Record<string, unknown> = {
        rank: u.rank,
        unit: u.unitName,
        total: u.total,
        milestones: `${u.facts.milestonesOnTime}/${u.facts.milestonesDue}`,
        reports: `${u.facts.reportPeriodsReported}/${u.facts.reportPeriodsDue}`,
        overdue: u.facts.overdueTasks,
        marks: u.facts.qualityMarks.length
          ? (u.facts.qualityMarks.reduce((x, y) => x + y, 0) / u.facts.qualityMarks.length).toFixed(1)
          : '—',
      };
      for (const b of u.breakdown) row[`rule_${b.kind}`] = b.points;
      yield row;
    }
    // Units with nothing to judge, after the ranking and unscored.
    for (const u of a.noData)
      yield {
        rank: '—',
        unit: u.unitName,
        total: '无考核数据',
        milestones: '0/0',
        reports: '0/0',
        overdue: u.facts.overdueTasks,
        marks: '—',
      };
  }
  return {
    sheetName: '考核排名',
    title: `督查督办考核排名（${periodText}）`,
    subtitle: `考核期 ${a.period.from} 至 ${a.period.to}，统计截至 ${a.asOf}`,
    columns: [
      { header: '名次', key: 'rank', width: 6 },
      { header: '单位', key: 'unit', width: 28 },
      { header: '总分', key: 'total', width: 8 },
      ...kinds.map((k) => ({ header: ASSESSMENT_RULE_LABELS[k], key: `rule_${k}`, width: 14 })),
      { header: '时间节点（按期/应完成）', key: 'milestones', width: 16 },
      { header: '进度报告（已报/应报）', key: 'reports', width: 16 },
      { header: '逾期任务数', key: 'overdue', width: 10 },
      { header: '质量评价均分', key: 'marks', width: 12 },
    ],
    rows: rows(),
  };
}
