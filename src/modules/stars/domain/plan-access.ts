import type { Actor } from '../../../kernel/auth/actor.js';

// Who may see and keep battle maps and action teams, as a pure role × scope policy (issue 14):
// star.read sees branches in scope; star.report keeps the battle map and the single-branch teams of a
// branch in scope (the community's 两委 and the branch secretary); star.review keeps teams across
// branches when every branch lies in scope (the 街道). The branch must lie in the actor's subtree.

const inScope = (actor: Pick<Actor, 'scopePath'>, path: string) => path.startsWith(actor.scopePath);
const holds = (actor: Pick<Actor, 'permissions'>, p: 'star.read' | 'star.report' | 'star.review') =>
  actor.permissions.has(p);

export function canSeeBranch(actor: Pick<Actor, 'permissions' | 'scopePath'>, branchPath: string): boolean {
  return holds(actor, 'star.read') && inScope(actor, branchPath);
}

export function canKeepPlan(actor: Pick<Actor, 'permissions' | 'scopePath'>, branchPath: string): boolean {
  return holds(actor, 'star.report') && inScope(actor, branchPath);
}

/** A team is seen by whoever sees one of its branches. */
export function canSeeTeam(actor: Pick<Actor, 'permissions' | 'scopePath'>, branchPaths: readonly string[]): boolean {
  return branchPaths.some((p) => canSeeBranch(actor, p));
}

export function canKeepTeam(actor: Pick<Actor, 'permissions' | 'scopePath'>, branchPaths: readonly string[]): boolean {
  if (branchPaths.length === 0 || !branchPaths.every((p) => inScope(actor, p))) return false;
  if (holds(actor, 'star.review')) return true;
  return holds(actor, 'star.report') && branchPaths.length === 1;
}
