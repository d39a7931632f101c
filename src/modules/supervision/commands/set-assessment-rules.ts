import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { ASSESSMENT_RULE_LABELS } from '../../../contracts/supervision.js';
import { ruleProblems, type AssessmentRule } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';

/** The supervision office sets the district's assessment rules. */
export async function setAssessmentRules(
  deps: SupervisionDeps,
  actor: Actor,
  rules: AssessmentRule[],
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const problems = ruleProblems(rules);
  if (problems.length) throw new Invalid('supervision.invalid_rules', problems[0].message, problems);
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await assessmentStore.replaceRules(trx, {
      district_code: actor.districtCode,
      rules: JSON.stringify(rules),
      updated_by: actor.accountId,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'assessment.rules',
      entityType: 'assessment_rules',
      entityId: actor.districtCode,
      at: now,
      requestId,
      summary: `考核规则：${rules.map((r) => ASSESSMENT_RULE_LABELS[r.kind]).join('、')}`,
    });
  });
  return { rules };
}
