import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportField, ReportValues } from '../api';

function numberOrUndefined(v: number | string | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function rangeHint(f: ReportField): string | undefined {
  if (f.type !== 'integer' && f.type !== 'decimal') return undefined;
  const min = numberOrUndefined(f.min);
  const max = numberOrUndefined(f.max);
  if (min !== undefined && max !== undefined) return `${min} ~ ${max}`;
  if (min !== undefined) return `不小于 ${min}`;
  if (max !== undefined) return `不大于 ${max}`;
  return undefined;
}

function rulesOf(f: ReportField): Rule[] {
  const rules: Rule[] = [];
  if (f.required) {
    rules.push({
      required: true,
      message: `请填写${f.label}`,
      ...(f.type === 'multiple_choice' ? { type: 'array' as const, min: 1, message: `请选择${f.label}` } : {}),
    });
  }
  return rules;
}

/**
 * The input control of one (non-table) field or table column. Form.Item passes `value`, `onChange`
 * (and `id`, status) to its direct child: they are handed on to the antd control.
 */
export function FieldControl({
  field,
  testId,
  ...rest
}: {
  field: ReportField;
  testId: string;
  [prop: string]: unknown;
}) {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return (
        <InputNumber
          {...rest}
          min={numberOrUndefined(field.min)}
          max={numberOrUndefined(field.max)}
          precision={field.type === 'integer' ? 0 : field.scale}
          step={field.type === 'integer' ? 1 : 0.1}
          style={{ width: '100%', maxWidth: 240 }}
          placeholder={rangeHint(field) ?? '请输入数字'}
          data-testid={testId}
        />
      );
    case 'text':
      return field.maxLength && field.maxLength <= 60 ? (
        <Input {...rest} maxLength={field.maxLength} placeholder="请输入" data-testid={testId} />
      ) : (
        <Input.TextArea
          {...rest}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={field.maxLength}
          showCount={!!field.maxLength}
          placeholder="请输入"
          data-testid={testId}
        />
      );
    case 'single_choice':
      return (
        <Select
          {...rest}
          allowClear
          placeholder="请选择"
          style={{ width: '100%', maxWidth: 320 }}
          options={(field.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
          data-testid={testId}
        />
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...rest}
          options={(field.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...rest}
          style={{ width: 200 }}
          minDate={typeof field.min === 'string' ? dayjs(field.min) : undefined}
          maxDate={typeof field.max === 'string' ? dayjs(field.max) : undefined}
          data-testid={testId}
        />
      );
    default:
      return <Input disabled placeholder="不支持的字段类型" />;
  }
}

/** A repeating-rows field: an editable table, one Form.List row per line. */
function TableFieldInput({ field }: { field: ReportField }) {
  const columns = field.columns ?? [];
  const maxRows = field.maxRows;
  return (
    <Form.List name={field.code}>
      {(rows, { add, remove }) => (
        <div data-testid={`report-field-${field.code}`}>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={rows}
            locale={{ emptyText: '暂无数据，点击下方“添加一行”' }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '序号', width: 56, render: (_: unknown, __: unknown, i: number) => i + 1 },
              ...columns.map((c) => ({
                title: (
                  <span>
                    {c.required && <span style={{ color: '#ff4d4f', marginRight: 4 }}>*</span>}
                    {c.label}
                  </span>
                ),
                key: c.code,
                render: (_: unknown, row: { name: number }) => (
                  <Form.Item name={[row.name, c.code]} rules={rulesOf(c)} style={{ margin: 0, minWidth: 120 }}>
                    <FieldControl field={c} testId={`report-field-${field.code}-${row.name}-${c.code}`} />
                  </Form.Item>
                ),
              })),
              {
                title: '操作',
                width: 64,
                render: (_: unknown, row: { name: number }) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label="删除此行"
                  />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            disabled={maxRows !== undefined && rows.length >= maxRows}
            onClick={() => add({})}
            data-testid={`report-field-${field.code}-add`}
          >
            添加一行
          </Button>
          {(field.minRows || maxRows) && (
            <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
              {field.minRows ? `至少 ${field.minRows} 行` : ''}
              {field.minRows && maxRows ? '，' : ''}
              {maxRows ? `最多 ${maxRows} 行` : ''}
            </Typography.Text>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** One form item generated from a field definition. */
/** What the system counts for a field that names a source (敲门入户数 …). */
export interface SystemFigure {
  value: number;
  label: string;
}

/** The system's figure under a pre-filled field, and how far the value typed is from it. */
function FigureHint({ field, figure }: { field: ReportField; figure: SystemFigure }) {
  return (
    <Form.Item noStyle shouldUpdate={(a, b) => a[field.code] !== b[field.code]}>
      {({ getFieldValue }) => {
        const v = getFieldValue(field.code) as unknown;
        const diff = typeof v === 'number' ? v - figure.value : null;
        return (
          <span data-testid={`report-figure-${field.code}`} title={figure.label}>
            系统统计：{figure.value}
            {diff !== null && diff !== 0 ? (
              <Typography.Text type="warning" style={{ marginLeft: 8 }}>
                填报数与系统统计相差 {diff > 0 ? `+${diff}` : diff}，提交后两者都会保留
              </Typography.Text>
            ) : null}
          </span>
        );
      }}
    </Form.Item>
  );
}

export function FieldInput({ field, figure }: { field: ReportField; figure?: SystemFigure }) {
  if (field.type === 'table') {
    return (
      <Form.Item label={field.label} required={field.required} style={{ marginBottom: 20 }}>
        <TableFieldInput field={field} />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label={field.label}
      name={field.code}
      rules={rulesOf(field)}
      required={field.required}
      extra={
        figure ? (
          <FigureHint field={field} figure={figure} />
        ) : rangeHint(field) ? (
          `取值范围：${rangeHint(field)}`
        ) : undefined
      }
    >
      <FieldControl field={field} testId={`report-field-${field.code}`} />
    </Form.Item>
  );
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function toServer(f: ReportField, v: unknown): unknown {
  if (f.type === 'date') return dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : v;
  if (f.type === 'text' && typeof v === 'string') return v.trim();
  return v;
}

/** Form values → the submission's `values`: dates as 'YYYY-MM-DD', empty fields left out. */
export function formToValues(fields: ReportField[], raw: Record<string, unknown>): ReportValues {
  const out: ReportValues = {};
  for (const f of fields) {
    const v = raw[f.code];
    if (f.type === 'table') {
      const rows = Array.isArray(v) ? v : [];
      const clean = rows
        .map((r) => {
          const row: Record<string, unknown> = {};
          for (const c of f.columns ?? []) {
            const cv = toServer(c, (r as Record<string, unknown> | undefined)?.[c.code]);
            if (!isEmpty(cv)) row[c.code] = cv;
          }
          return row;
        })
        .filter((r) => Object.keys(r).length > 0);
      if (clean.length > 0) out[f.code] = clean;
      continue;
    }
    const sv = toServer(f, v);
    if (!isEmpty(sv)) out[f.code] = sv;
  }
  return out;
}

/** A submission's `values` → form values (dates back to dayjs), to start a correction from. */
export function valuesToForm(fields: ReportField[], values: ReportValues | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!values) return out;
  const back = (f: ReportField, v: unknown) => (f.type === 'date' && typeof v === 'string' ? dayjs(v) : v);
  for (const f of fields) {
    const v = values[f.code];
    if (v === undefined) continue;
    if (f.type === 'table' && Array.isArray(v)) {
      out[f.code] = v.map((r) => {
        const row: Record<string, unknown> = {};
        for (const c of f.columns ?? []) row[c.code] = back(c, (r as Record<string, unknown>)[c.code]);
        return row;
      });
    } else out[f.code] = back(f, v);
  }
  return out;
}

/**
 * Server paths → antd name paths: 'values.returnees' → ['returnees'],
 * 'values.households[2].count' → ['households', 2, 'count']. Null when the path is not under values.
 */
export function namePathOf(serverField: string): (string | number)[] | null {
  if (!serverField.startsWith('values.')) return null;
  const parts: (string | number)[] = [];
  for (const m of serverField.slice('values.'.length).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return parts.length ? parts : null;
}
