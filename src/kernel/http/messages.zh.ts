import type { MessageParams } from '../errors.js';

/**
 * The Chinese sentence people read for each stable code: the one place the API's messages are written.
 *
 * The rule:
 * - The domain and the commands never write the sentence people read. They throw a DomainError with a
 *   stable `code` (and `params` to build the sentence from) and list field problems with a stable
 *   `code` (and `params`); their own `message` is English, for developers and logs.
 * - `toProblem` (problem.ts) looks codes up here: a DomainError's `detail` is the sentence of its code,
 *   each field problem's `message` the sentence of its code. An error thrown as
 *   `new Invalid(code, problems[0].message, problems)` (its message is its first problem's) takes that
 *   problem's sentence as its detail. A code that is not listed keeps the message it was thrown with.
 * - A DomainError code is visible to clients, so one code means one sentence: list a DomainError code
 *   here only when every place that throws it means this sentence (or pass `params` to tell them apart).
 *   Field-problem codes are internal and can be as fine-grained as the sentences.
 * - Params are shown as given: dates stay YYYY-MM-DD.
 *
 * Every field-problem code written in the supervision and proposals modules must have an entry
 * (messages.zh.test.ts checks it).
 */
export type Sentence = string | ((params: MessageParams) => string);

export const ZH: Readonly<Record<string, Sentence>> = {
  // Shared field problems
  'date.invalid': '日期格式应为 YYYY-MM-DD',
  'weight.invalid': '权重须为不小于 0 的数',
  /** A problem of one row of an imported sheet: the row's number before the row's own sentence. */
  'import.at_row': (p) => `第 ${p.row} 行：${zhSentence(String(p.of ?? ''), p) ?? String(p.message ?? '')}`,

  // 督查督办: the task tree (supervision/domain/task-tree.ts)
  'task.deadline_before_start': '完成时限不能早于开始日期',
  'task.parent_missing': '上级任务不存在',
  'task.cycle': '任务不能放在自身或其子任务之下',
  'milestone.title_required': '请填写名称',
  'milestone.due_outside_span': (p) => `时间节点须在任务起止日期之内（${p.start}..${p.deadline}）`,
  'report.percent_range': '进度须在 0–100 之间',
  'report.evidence_count': '佐证材料数须为不小于 0 的整数',
  'cadence.first_due_outside_span': '首次报送日期须在任务起止日期之内',
  'cadence.days_invalid': '报送间隔天数须为不小于 1 的整数',
  'cadence.too_many_periods': '报送周期过多',
  // 督查督办: assessment rules (supervision/domain/assessment.ts)
  'assessment.rule_negative': '须为不小于 0 的数',
};

/** The sentence of `code` built from `params`, or undefined when the table has none. */
export function zhSentence(code: string | undefined, params: MessageParams = {}): string | undefined {
  if (!code || !Object.hasOwn(ZH, code)) return undefined;
  const s = ZH[code];
  return typeof s === 'string' ? s : s(params);
}
