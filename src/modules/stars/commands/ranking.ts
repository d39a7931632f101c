import type { Ranking } from '../../../contracts/star-rating.js';
import type { StarOutcomeView } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import { previousQuarter } from '../domain/quarters.js';
import { rankBranches, type RankEntry } from '../domain/ranking.js';
import type { StarsDeps } from '../deps.js';
import { ratingStore } from '../store/rating.store.js';
import { branchesUnder, scopeUnit } from './rating-access.js';

/**
 * The ranking of the branches under a 街道 or the district (SPEC §9, issue 14 item 5) for a quarter:
 * by stars held after the quarter's confirmed rating, then by its total score, ties sharing a rank
 * (1, 1, 3); movement against the previous quarter's ranking of the same branches; branches without a
 * confirmed rating listed as 未评. It reads the kept rows only (the confirmed ratings' stars held, their
 * names and the score), so a district of 20,000 branches ranks without recomputing an indicator; each row
 * names the rating its numbers come from.
 */
export async function rankingOf(
  deps: StarsDeps,
  actor: Actor,
  q: { quarter: string; unitId?: string },
): Promise<Ranking> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const unit = await scopeUnit(deps, db, actor, q.unitId);
  const prev = previousQuarter(q.quarter);
  const path = unit.kind === 'district' ? null : unit.path;
  const branches = await branchesUnder(deps, db, actor.districtCode, unit.path);
  const now = new Map(
    (await ratingStore.confirmedIn(db, actor.districtCode, q.quarter, path)).map((r) => [r.branch_id, r]),
  );
  const before = new Map(
    (await ratingStore.confirmedRanksIn(db, actor.districtCode, prev, path)).map((r) => [r.branch_id, r]),
  );
  const entry =
    (m: ReadonlyMap<string, { stars_held: number | null; total_score: number | null }>) =>
    (b: (typeof branches)[number]): RankEntry => {
      const r = m.get(b.id);
      return {
        branchId: b.id,
        name: b.name,
        rated: r ? { stars: r.stars_held ?? 0, score: r.total_score ?? 0 } : null,
      };
    };
  const info = new Map(branches.map((b) => [b.id, b]));
  const rows = rankBranches(branches.map(entry(now)), branches.map(entry(before)));
  return {
    quarter: q.quarter,
    previousQuarter: prev,
    unitId: unit.id,
    unitName: unit.name,
    rated: rows.filter((r) => r.rated).length,
    unrated: rows.filter((r) => !r.rated).length,
    rows: rows.map((r) => {
      const b = info.get(r.branchId)!;
      return {
        branchId: r.branchId,
        branchName: b.name,
        communityName: b.communityName,
        subdistrictName: b.subdistrictName,
        rank: r.rank,
        previousRank: r.previousRank,
        movement: r.movement,
        stars: r.rated ? r.rated.stars : null,
        starNames: JSON.parse(now.get(r.branchId)?.held_stars ?? '[]') as string[],
        score: r.rated ? r.rated.score : null,
        ratingId: now.get(r.branchId)?.id ?? null,
      };
    }),
  };
}

const movementText = (m: number | null, prev: number | null) =>
  m === null ? (prev === null ? '新进' : '') : m > 0 ? `↑${m}` : m < 0 ? `↓${-m}` : '—';

/**
 * The ranking as .xlsx: a row per branch, and for each rated one its stars' scores and the rating's
 * number, so a figure on paper leads back to the rating (its indicators and evidence) in the system.
 */
export async function rankingSheet(
  deps: StarsDeps,
  actor: Actor,
  q: { quarter: string; unitId?: string },
): Promise<{ sheet: XlsxSheet; fileName: string }> {
  const ranking = await rankingOf(deps, actor, q);
  const db = deps.database.db;
  const ratingIds = ranking.rows.flatMap((r) => (r.ratingId ? [r.ratingId] : []));
  const outcomes = new Map<string, string>();
  for (let i = 0; i < ratingIds.length; i += 500) {
    for (const row of await ratingStore.outcomesOf(db, ratingIds.slice(i, i + 500))) {
      const views = JSON.parse(row.outcome ?? '[]') as StarOutcomeView[];
      outcomes.set(row.id, views.map((v) => `${v.name} ${v.score ?? '—'}/${v.total}`).join('；'));
    }
  }
  const title = `${ranking.unitName}“五星”支部评比排名（${ranking.quarter}）`;
  return {
    fileName: `${title}.xlsx`,
    sheet: {
      sheetName: '排名',
      title,
      subtitle: `已评 ${ranking.rated} 个，未评 ${ranking.unrated} 个；对比上季 ${ranking.previousQuarter}；导出时间 ${formatLocalDateTime(deps.clock.now(), deps.config.timeZone)}`,
      columns: [
        { header: '排名', key: 'rank', width: 8 },
        { header: '较上季', key: 'movement', width: 8 },
        { header: '街道', key: 'subdistrict', width: 16 },
        { header: '社区/行政村', key: 'community', width: 16 },
        { header: '党支部', key: 'branch', width: 22 },
        { header: '星数', key: 'stars', width: 8 },
        { header: '所获星', key: 'starNames', width: 30 },
        { header: '总分', key: 'score', width: 10 },
        { header: '各星得分', key: 'detail', width: 60 },
        { header: '评比编号', key: 'ratingId', width: 38 },
      ],
      rows: (async function* () {
        for (const r of ranking.rows)
          yield {
            rank: r.rank ?? '未评',
            movement: r.rank === null ? '' : movementText(r.movement, r.previousRank),
            subdistrict: r.subdistrictName,
            community: r.communityName,
            branch: r.branchName,
            stars: r.stars ?? '',
            starNames: r.starNames.join('、'),
            score: r.score ?? '',
            detail: r.ratingId ? (outcomes.get(r.ratingId) ?? '') : '',
            ratingId: r.ratingId ?? '',
          };
      })(),
    },
  };
}
