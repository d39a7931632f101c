import type { Executor } from '../../../kernel/db/db.js';
import { DEFAULT_ASSESSMENT_RULES, type AssessmentRule } from '../domain/index.js';
import { assessmentStore } from '../store/assessment.store.js';

/** The district's assessment rules, or the defaults until it sets its own. */
export async function assessmentRules(ex: Executor, districtCode: string): Promise<AssessmentRule[]> {
  const stored = await assessmentStore.rules(ex, districtCode);
  return stored ? (JSON.parse(stored) as AssessmentRule[]) : [...DEFAULT_ASSESSMENT_RULES];
}
