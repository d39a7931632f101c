import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { parseDay } from '../../../kernel/calendar/local-time.js';
import { deadlineRuleProblems, PERIOD_TYPES, type DeadlineRule, type PeriodType } from './periods.js';

export type Aggregation = 'sum' | 'avg' | 'max' | 'none';

interface FieldBase {
  /** Stable English key, e.g. 'screened'; the path in submissions is `values.<code>`. */
  code: string;
  /** Chinese label shown in the console, e.g. '累计排查人数'. */
  label: string;
  required?: boolean;
}

export interface IntegerField extends FieldBase {
  type: 'integer';
  min?: number;
  max?: number;
  aggregation?: Aggregation;
  /**
   * A figure the system counts (e.g. 'population.doorsKnocked'): the field is pre-filled with it, the
   * reporter may change it, and the figure is kept beside the reported value. Top-level fields only.
   */
  source?: string;
}
export interface DecimalField extends FieldBase {
  type: 'decimal';
  min?: number;
  max?: number;
  aggregation?: Aggregation;
  /** Most digits allowed after the point. */
  scale?: number;
}
export interface TextField extends FieldBase {
  type: 'text';
  maxLength?: number;
}
export interface ChoiceOption {
  code: string;
  label: string;
}
export interface SingleChoiceField extends FieldBase {
  type: 'single_choice';
  options: ChoiceOption[];
}
export interface MultipleChoiceField extends FieldBase {
  type: 'multiple_choice';
  options: ChoiceOption[];
  minSelected?: number;
  maxSelected?: number;
}
/** Values are 'YYYY-MM-DD'; min/max likewise. */
export interface DateField extends FieldBase {
  type: 'date';
  min?: string;
  max?: string;
}
export type ColumnField = IntegerField | DecimalField | TextField | SingleChoiceField | MultipleChoiceField | DateField;
/** Repeating rows, each an object keyed by column code. */
export interface TableField extends FieldBase {
  type: 'table';
  columns: ColumnField[];
  minRows?: number;
  maxRows?: number;
}
export type FormField = ColumnField | TableField;
export type FieldType = FormField['type'];

export type ComparisonOp = '<=' | '<' | '=' | '>=' | '>';
/** e.g. { left: 'quarantined', op: '<=', right: 'screened' } for 居家隔离人数 ≤ 累计排查人数. */
export interface CrossFieldRule {
  /** Code of a top-level integer or decimal field. */
  left: string;
  op: ComparisonOp;
  /** Another numeric field's code, or a constant. */
  right: string | number;
  /** Shown to the reporter when the rule fails; a generic message otherwise. */
  message?: string;
}

/** Which units must report: every unit of a tree level, or a hand-picked list. */
export type ReporterSelection = { kind: 'level'; unitKind: string } | { kind: 'units'; unitIds: string[] };

export interface ReportFormDefinition {
  code: string;
  name: string;
  /** Starts at 1; a new version never changes how earlier submissions are read. */
  version: number;
  periodType: PeriodType;
  deadline: DeadlineRule;
  /** Whether "今日无新增" (a zero report with no values) may be submitted. */
  allowZero: boolean;
  reporters: ReporterSelection;
  fields: FormField[];
  rules: CrossFieldRule[];
}

export interface SubmissionContent {
  zero?: boolean;
  values?: Record<string, unknown> | null;
}

const CODE_RE = /^[a-z][a-zA-Z0-9_]{0,63}$/;
const DEFAULT_TEXT_MAX = 2000;
const DEFAULT_MAX_ROWS = 1000;
const OPS: readonly ComparisonOp[] = ['<=', '<', '=', '>=', '>'];

export function isNumericField(f: FormField): f is IntegerField | DecimalField {
  return f.type === 'integer' || f.type === 'decimal';
}

export function aggregationOf(f: FormField): Aggregation {
  return isNumericField(f) ? (f.aggregation ?? 'sum') : 'none';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// ---- form definitions -------------------------------------------------------------------------

function fieldDefinitionProblems(f: FormField, path: string, inTable: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (sub: string, message: string) => problems.push({ field: `${path}${sub}`, message });
  if (!isPlainObject(f)) return [{ field: path, message: 'not a field definition' }];
  if (typeof f.code !== 'string' || !CODE_RE.test(f.code))
    add('.code', 'a code starts with a lower-case letter and has only letters, digits and _');
  if (typeof f.label !== 'string' || f.label.trim() === '') add('.label', 'a label is required');
  const source = (f as { source?: unknown }).source;
  if (source !== undefined && (inTable || f.type !== 'integer' || typeof source !== 'string'))
    add('.source', 'only a top-level whole-number field can take a figure the system counts');
  switch (f.type) {
    case 'integer':
    case 'decimal':
      for (const k of ['min', 'max'] as const)
        if (f[k] !== undefined && !Number.isFinite(f[k])) add(`.${k}`, 'must be a number');
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) add('.max', 'max is below min');
      if (f.aggregation !== undefined && !['sum', 'avg', 'max', 'none'].includes(f.aggregation))
        add('.aggregation', 'must be sum, avg, max or none');
      if (
        f.type === 'decimal' &&
        f.scale !== undefined &&
        !(Number.isInteger(f.scale) && f.scale >= 0 && f.scale <= 10)
      )
        add('.scale', 'must be 0 to 10');
      break;
    case 'text':
      if (f.maxLength !== undefined && !(Number.isInteger(f.maxLength) && f.maxLength > 0))
        add('.maxLength', 'must be a positive whole number');
      break;
    case 'single_choice':
    case 'multiple_choice': {
      if (!Array.isArray(f.options) || f.options.length === 0) {
        add('.options', 'at least one option is required');
        break;
      }
      const seen = new Set<string>();
      f.options.forEach((o, i) => {
        if (!isPlainObject(o) || typeof o.code !== 'string' || o.code === '')
          add(`.options[${i}].code`, 'an option code is required');
        else if (seen.has(o.code)) add(`.options[${i}].code`, `duplicate option ${o.code}`);
        else seen.add(o.code);
      });
      if (
        f.type === 'multiple_choice' &&
        f.minSelected !== undefined &&
        f.maxSelected !== undefined &&
        f.minSelected > f.maxSelected
      ) {
        add('.maxSelected', 'maxSelected is below minSelected');
      }
      break;
    }
    case 'date':
      for (const k of ['min', 'max'] as const) {
        if (f[k] !== undefined)
          try {
            parseDay(f[k]!);
          } catch {
            add(`.${k}`, 'not a date in YYYY-MM-DD form');
          }
      }
      break;
    case 'table':
      if (inTable) {
        add('.type', 'tables cannot nest');
        break;
      }
      if (!Array.isArray(f.columns) || f.columns.length === 0) {
        add('.columns', 'a table needs at least one column');
        break;
      }
      problems.push(...duplicateCodeProblems(f.columns, `${path}.columns`));
      f.columns.forEach((c, i) => problems.push(...fieldDefinitionProblems(c, `${path}.columns[${i}]`, true)));
      if (f.minRows !== undefined && f.maxRows !== undefined && f.minRows > f.maxRows)
        add('.maxRows', 'maxRows is below minRows');
      break;
    default:
      add('.type', `unknown field type ${String((f as { type: unknown }).type)}`);
  }
  return problems;
}

function duplicateCodeProblems(fields: FormField[], path: string): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  fields.forEach((f, i) => {
    if (!isPlainObject(f)) return;
    if (seen.has(f.code)) problems.push({ field: `${path}[${i}].code`, message: `duplicate field code ${f.code}` });
    seen.add(f.code);
  });
  return problems;
}

/**
 * Every problem with a form definition, with paths like 'fields[2].max' or 'rules[0].right'.
 * `figureCodes`: the figures the system can count; a field naming another as its source is refused.
 */
export function formDefinitionProblems(form: ReportFormDefinition, figureCodes?: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof form.code !== 'string' || !CODE_RE.test(form.code))
    problems.push({
      field: 'code',
      message: 'a code starts with a lower-case letter and has only letters, digits and _',
    });
  if (typeof form.name !== 'string' || form.name.trim() === '')
    problems.push({ field: 'name', message: 'a name is required' });
  if (!Number.isInteger(form.version) || form.version < 1)
    problems.push({ field: 'version', message: 'must be a whole number from 1' });
  if (!PERIOD_TYPES.includes(form.periodType))
    problems.push({ field: 'periodType', message: 'must be daily, weekly or monthly' });
  problems.push(...deadlineRuleProblems(form.deadline, 'deadline'));
  if (typeof form.allowZero !== 'boolean') problems.push({ field: 'allowZero', message: 'must be true or false' });
  const r = form.reporters;
  if (
    !isPlainObject(r) ||
    (r.kind === 'level'
      ? typeof r.unitKind !== 'string' || r.unitKind === ''
      : r.kind === 'units'
        ? !Array.isArray(r.unitIds) || r.unitIds.length === 0 || r.unitIds.some((id) => typeof id !== 'string')
        : true)
  ) {
    problems.push({ field: 'reporters', message: 'name a unit kind, or list at least one unit' });
  }
  if (!Array.isArray(form.fields) || form.fields.length === 0)
    return [...problems, { field: 'fields', message: 'a form needs at least one field' }];
  problems.push(...duplicateCodeProblems(form.fields, 'fields'));
  form.fields.forEach((f, i) => problems.push(...fieldDefinitionProblems(f, `fields[${i}]`, false)));
  if (figureCodes)
    form.fields.forEach((f, i) => {
      const source = isPlainObject(f) && f.type === 'integer' ? f.source : undefined;
      if (typeof source === 'string' && !figureCodes.has(source))
        problems.push({ field: `fields[${i}].source`, message: `the system counts no figure ${source}` });
    });
  const numeric = new Set(form.fields.filter((f) => isPlainObject(f) && isNumericField(f)).map((f) => f.code));
  (Array.isArray(form.rules) ? form.rules : []).forEach((rule, i) => {
    if (!numeric.has(rule.left))
      problems.push({ field: `rules[${i}].left`, message: `${String(rule.left)} is not a number field of this form` });
    if (!OPS.includes(rule.op)) problems.push({ field: `rules[${i}].op`, message: 'must be one of <= < = >= >' });
    if (typeof rule.right === 'number' ? !Number.isFinite(rule.right) : !numeric.has(rule.right)) {
      problems.push({
        field: `rules[${i}].right`,
        message: `${String(rule.right)} is neither a number nor a number field of this form`,
      });
    }
  });
  if (!Array.isArray(form.rules))
    problems.push({ field: 'rules', message: 'must be a list (empty when there are none)' });
  return problems;
}

export function assertValidForm(form: ReportFormDefinition, figureCodes?: ReadonlySet<string>): void {
  const problems = formDefinitionProblems(form, figureCodes);
  if (problems.length > 0)
    throw new Invalid('reporting.invalid_form', `the form definition has ${problems.length} problem(s)`, problems);
}

// ---- submissions ------------------------------------------------------------------------------

function isEmpty(v: unknown): boolean {
  return (
    v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  );
}

function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes('e')) return Infinity; // 1e-7 and friends: more digits than any scale allows
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function valueProblems(f: ColumnField, v: unknown, path: string): FieldProblem[] {
  const bad = (message: string) => [{ field: path, message }];
  switch (f.type) {
    case 'integer':
    case 'decimal': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad('must be a number');
      if (f.type === 'integer' && !Number.isSafeInteger(v)) return bad('must be a whole number');
      if (f.type === 'decimal' && f.scale !== undefined && decimalsOf(v) > f.scale)
        return bad(`at most ${f.scale} digit(s) after the point`);
      if (f.min !== undefined && v < f.min) return bad(`must be at least ${f.min}`);
      if (f.max !== undefined && v > f.max) return bad(`must be at most ${f.max}`);
      return [];
    }
    case 'text': {
      if (typeof v !== 'string') return bad('must be text');
      const max = f.maxLength ?? DEFAULT_TEXT_MAX;
      return [...v].length > max ? bad(`at most ${max} characters`) : [];
    }
    case 'single_choice':
      if (typeof v !== 'string') return bad('must be one option code');
      return f.options.some((o) => o.code === v) ? [] : bad(`not an option: ${v}`);
    case 'multiple_choice': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return bad('must be a list of option codes');
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      v.forEach((x: string, i) => {
        if (!f.options.some((o) => o.code === x))
          problems.push({ field: `${path}[${i}]`, message: `not an option: ${x}` });
        else if (seen.has(x)) problems.push({ field: `${path}[${i}]`, message: `chosen twice: ${x}` });
        seen.add(x);
      });
      if (f.minSelected !== undefined && v.length < f.minSelected)
        problems.push({ field: path, message: `choose at least ${f.minSelected}` });
      if (f.maxSelected !== undefined && v.length > f.maxSelected)
        problems.push({ field: path, message: `choose at most ${f.maxSelected}` });
      return problems;
    }
    case 'date': {
      let day: number;
      try {
        day = parseDay(v as string);
      } catch {
        return bad('must be a date in YYYY-MM-DD form');
      }
      if (f.min !== undefined && day < parseDay(f.min)) return bad(`must be on or after ${f.min}`);
      if (f.max !== undefined && day > parseDay(f.max)) return bad(`must be on or before ${f.max}`);
      return [];
    }
  }
}

function objectProblems(fields: ColumnField[], obj: Record<string, unknown>, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.code));
  for (const key of Object.keys(obj))
    if (!known.has(key)) problems.push({ field: `${path}.${key}`, message: 'unknown field' });
  for (const f of fields) {
    const v = obj[f.code];
    if (isEmpty(v)) {
      if (f.required) problems.push({ field: `${path}.${f.code}`, message: 'required' });
      continue;
    }
    problems.push(...valueProblems(f, v, `${path}.${f.code}`));
  }
  return problems;
}

function tableProblems(f: TableField, v: unknown, path: string): FieldProblem[] {
  if (!Array.isArray(v)) return [{ field: path, message: 'must be a list of rows' }];
  const problems: FieldProblem[] = [];
  const maxRows = f.maxRows ?? DEFAULT_MAX_ROWS;
  if (v.length > maxRows) return [{ field: path, message: `at most ${maxRows} rows` }];
  if (f.minRows !== undefined && v.length < f.minRows)
    problems.push({ field: path, message: `at least ${f.minRows} rows` });
  v.forEach((row, i) => {
    if (!isPlainObject(row)) problems.push({ field: `${path}[${i}]`, message: 'a row must be an object' });
    else problems.push(...objectProblems(f.columns, row, `${path}[${i}]`));
  });
  return problems;
}

function holds(left: number, op: ComparisonOp, right: number): boolean {
  switch (op) {
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '=':
      return left === right;
    case '>=':
      return left >= right;
    case '>':
      return left > right;
  }
}

/**
 * Field problems of a submission against the form, paths like 'values.screened' or 'values.rows[2].name'.
 * A zero report ({ zero: true }, no values) is valid only when the form allows it. Cross-field rules are
 * checked only when both sides are present and valid numbers; a missing side is the `required` check's job.
 */
export function validateSubmission(form: ReportFormDefinition, submission: SubmissionContent): FieldProblem[] {
  if (!isPlainObject(submission)) return [{ field: 'values', message: 'a submission carries values or zero: true' }];
  const { zero, values } = submission;
  if (zero !== undefined && typeof zero !== 'boolean') return [{ field: 'zero', message: 'must be true or false' }];
  if (zero) {
    const problems: FieldProblem[] = [];
    if (!form.allowZero) problems.push({ field: 'zero', message: 'this form does not accept zero reports' });
    if (values !== undefined && values !== null && !(isPlainObject(values) && Object.keys(values).length === 0)) {
      problems.push({ field: 'values', message: 'a zero report carries no values' });
    }
    return problems;
  }
  if (!isPlainObject(values)) return [{ field: 'values', message: 'values are required (or zero: true)' }];

  const problems: FieldProblem[] = [];
  const known = new Map(form.fields.map((f) => [f.code, f]));
  for (const key of Object.keys(values))
    if (!known.has(key)) problems.push({ field: `values.${key}`, message: 'unknown field' });
  for (const f of form.fields) {
    const v = values[f.code];
    const path = `values.${f.code}`;
    if (isEmpty(v) && !(f.type === 'table' && Array.isArray(v) && (f.minRows ?? 0) > 0)) {
      if (f.required) problems.push({ field: path, message: 'required' });
      continue;
    }
    problems.push(...(f.type === 'table' ? tableProblems(f, v, path) : valueProblems(f, v, path)));
  }

  const badPaths = new Set(problems.map((p) => p.field));
  const numberOf = (code: string): number | undefined => {
    const f = known.get(code);
    const v = values[code];
    return f && isNumericField(f) && typeof v === 'number' && !badPaths.has(`values.${code}`) ? v : undefined;
  };
  for (const rule of form.rules) {
    const left = numberOf(rule.left);
    const right = typeof rule.right === 'number' ? rule.right : numberOf(rule.right);
    if (left === undefined || right === undefined || holds(left, rule.op, right)) continue;
    const rightLabel =
      typeof rule.right === 'number' ? String(rule.right) : (known.get(rule.right)?.label ?? rule.right);
    problems.push({
      field: `values.${rule.left}`,
      message: rule.message ?? `${known.get(rule.left)?.label ?? rule.left} must be ${rule.op} ${rightLabel}`,
    });
  }
  return problems;
}

export function assertValidSubmission(form: ReportFormDefinition, submission: SubmissionContent): void {
  const problems = validateSubmission(form, submission);
  if (problems.length > 0)
    throw new Invalid('reporting.invalid_submission', `the submission has ${problems.length} problem(s)`, problems);
}
