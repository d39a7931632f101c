import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { TeamBody } from '../../../contracts/star-plans.js';
import { canKeepTeam, canSeeTeam } from '../domain/plan-access.js';
import { gridOutside, memberProblems } from '../domain/team-rules.js';
import type { PlansDeps } from '../plans-deps.js';
import { teamStore, type LoadedTeam } from '../store/team.store.js';
import { describeBranches } from './branch-access.js';

type Body = z.output<typeof TeamBody>;
const GRID_KINDS = ['grid_large', 'grid_small'];

/** A team the actor sees (one of its branches in scope); otherwise 404. */
export async function loadVisibleTeam(ex: Executor, actor: Actor, id: string): Promise<LoadedTeam> {
  const [team] = await teamStore.load(ex, [id]);
  if (
    !team ||
    team.row.district_code !== actor.districtCode ||
    !canSeeTeam(
      actor,
      team.branches.map((b) => b.branch_path),
    )
  )
    throw new NotFound('team', id);
  return team;
}

/** Checks branches, accounts, units and grids of a team body; answers the branches and the members' names. */
async function checkBody(deps: PlansDeps, ex: Executor, actor: Actor, body: Body) {
  const problems: FieldProblem[] = [];
  const units = await deps.org.unitsByIds(ex, [
    ...body.branchIds,
    ...body.gridIds,
    ...body.members.flatMap((m) => (m.kind === 'unit' && m.unitId ? [m.unitId] : [])),
  ]);
  const branchUnits = body.branchIds.flatMap((id, i) => {
    const u = units.get(id);
    if (!u || u.kind !== 'party_branch' || u.districtCode !== actor.districtCode || u.status !== 'active') {
      problems.push({ field: `branchIds[${i}]`, code: 'team.branch_unknown', message: 'no such party branch' });
      return [];
    }
    if (!u.path.startsWith(actor.scopePath)) {
      problems.push({
        field: `branchIds[${i}]`,
        code: 'team.branch_outside_scope',
        message: 'branch outside your scope',
      });
      return [];
    }
    if (body.branchIds.indexOf(id) !== i) {
      problems.push({ field: `branchIds[${i}]`, code: 'team.branch_repeated', message: 'branch listed twice' });
      return [];
    }
    return [u];
  });
  const branches = await describeBranches(deps, ex, branchUnits);
  const communityPaths = branches.flatMap((b) => (b.parentPath ? [b.parentPath] : []));
  body.gridIds.forEach((id, i) => {
    const g = units.get(id);
    if (!g || !GRID_KINDS.includes(g.kind) || g.status !== 'active' || gridOutside(g.path, communityPaths))
      problems.push({
        field: `gridIds[${i}]`,
        code: 'team.grid_outside',
        message: 'not a grid of the team’s branches’ communities or villages',
      });
  });
  const accountIds = [
    ...(body.leaderAccountId ? [body.leaderAccountId] : []),
    ...body.members.flatMap((m) => (m.kind === 'account' && m.accountId ? [m.accountId] : [])),
  ];
  const accounts = await deps.org.accountsByIds(ex, accountIds);
  const accountOk = (id: string) => {
    const a = accounts.get(id);
    return !!a && a.active && a.districtCode === actor.districtCode;
  };
  if (body.leaderAccountId && !accountOk(body.leaderAccountId))
    problems.push({ field: 'leaderAccountId', code: 'team.account_unknown', message: 'no such active account' });
  const names = body.members.map((m, i) => {
    if (m.kind === 'account') {
      if (!accountOk(m.accountId!))
        problems.push({ field: `members[${i}].accountId`, code: 'team.account_unknown', message: 'no such account' });
      return accounts.get(m.accountId!)?.name ?? '';
    }
    if (m.kind === 'unit') {
      const u = units.get(m.unitId!);
      if (!u || u.districtCode !== actor.districtCode || u.status !== 'active' || GRID_KINDS.includes(u.kind))
        problems.push({ field: `members[${i}].unitId`, code: 'team.unit_unknown', message: 'no such active unit' });
      return u?.name ?? '';
    }
    return m.name!.trim();
  });
  problems.push(...memberProblems(body.members, body.gridIds));
  if (problems.length) throw new Invalid('star.invalid_team', problems[0]!.message, problems);
  return { branches, names };
}

/** Forms (id null) or rewrites an action team with its branches, members and grids. */
export async function saveTeam(
  deps: PlansDeps,
  actor: Actor,
  id: string | null,
  body: Body,
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = id ? await loadVisibleTeam(trx, actor, id) : null;
    const forbid = () =>
      new Forbidden(
        'star.team_forbidden',
        'a community keeps its branch’s team; the sub-district teams across branches',
      );
    if (
      before &&
      !canKeepTeam(
        actor,
        before.branches.map((b) => b.branch_path),
      )
    )
      throw forbid();
    const { branches, names } = await checkBody(deps, trx, actor, body);
    if (
      !canKeepTeam(
        actor,
        branches.map((b) => b.unit.path),
      )
    )
      throw forbid();
    const teamId = id ?? newId(now.getTime());
    const kept = new Map((before?.members ?? []).map((m) => [m.id, m.phone]));
    const at = now.toISOString();
    const head = {
      name: body.name,
      leader_name: body.leaderName,
      leader_account_id: body.leaderAccountId ?? null,
      note: body.note ?? null,
      updated_at: at,
    };
    if (before) await teamStore.update(trx, teamId, head);
    else
      await teamStore.insert(trx, {
        id: teamId,
        district_code: actor.districtCode,
        ...head,
        version: 1,
        created_by: actor.accountId,
        created_at: at,
      });
    await teamStore.replaceParts(trx, teamId, {
      branches: branches.map((b) => ({ team_id: teamId, branch_id: b.unit.id, branch_path: b.unit.path })),
      members: body.members.map((m, i) => ({
        id: newId(now.getTime()),
        team_id: teamId,
        seq: i + 1,
        kind: m.kind,
        account_id: m.kind === 'account' ? m.accountId! : null,
        unit_id: m.kind === 'unit' ? m.unitId! : null,
        name: names[i]!,
        phone: m.phone !== undefined ? m.phone : (kept.get(m.id ?? '') ?? null),
        role: m.role,
        grid_id: m.gridId ?? null,
      })),
      grids: body.gridIds.map((g) => ({ team_id: teamId, grid_id: g })),
    });
    // A measure stays with the team only while its branch is one of the team's.
    if (before) await teamStore.releaseMeasuresOutside(trx, teamId, body.branchIds, at);
    await recordAudit(trx, {
      actor,
      action: before ? 'star_team.update' : 'star_team.create',
      entityType: 'star_team',
      entityId: teamId,
      at: now,
      requestId,
      summary: `${before ? '修改' : '组建'}聚力团「${body.name}」：${branches.length} 个支部，成员 ${body.members.length} 人`,
    });
    return teamId;
  });
}
