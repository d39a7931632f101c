import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { ReportForm } from '../api';
import { FillSheet } from './FillSections';

const FORM: ReportForm = {
  id: 'f1',
  code: 'daily',
  name: '每日返乡人员报表',
  version: 3,
  periodType: 'daily',
  deadline: { time: '10:00' },
  allowZero: true,
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [
    { code: 'returnees', label: '返乡人数', type: 'integer', required: true, min: 0, max: 10000 },
    { code: 'rate', label: '核酸比例', type: 'decimal', scale: 2 },
    { code: 'note', label: '情况说明', type: 'text', maxLength: 40, required: true },
    { code: 'remark', label: '备注', type: 'text' },
    {
      code: 'source',
      label: '主要来源地',
      type: 'single_choice',
      options: [
        { code: 'in', label: '省内' },
        { code: 'out', label: '省外' },
      ],
    },
    {
      code: 'measures',
      label: '采取措施',
      type: 'multiple_choice',
      required: true,
      options: [
        { code: 'visit', label: '入户走访' },
        { code: 'phone', label: '电话联系' },
      ],
    },
    { code: 'day', label: '统计日期', type: 'date' },
    {
      code: 'households',
      label: '重点户',
      type: 'table',
      columns: [
        { code: 'name', label: '户主', type: 'text', maxLength: 20, required: true },
        { code: 'count', label: '人数', type: 'integer' },
      ],
      maxRows: 5,
    },
  ],
  rules: [{ left: 'returnees', op: '>=', right: 0, message: '返乡人数不能为负' }],
} as unknown as ReportForm;

function Sheet({
  onSubmit,
  form = FORM,
  figures,
}: {
  onSubmit: (zero: boolean) => void;
  form?: ReportForm;
  figures?: ReadonlyMap<string, { value: number; label: string }>;
}) {
  const [antForm] = Form.useForm();
  return (
    <App>
      <FillSheet
        form={form}
        antForm={antForm}
        period="2026-12-06"
        canSubmit
        unitId="u1"
        existing={false}
        submitting={null}
        problems={[]}
        figures={figures}
        onSubmit={onSubmit}
      />
    </App>
  );
}

const item = (label: string) => screen.getByText(label).closest('.ant-form-item') as HTMLElement;

describe('the report form renderer (报表填报)', () => {
  it('renders every field of the form with its label and the widget its type needs', () => {
    render(<Sheet onSubmit={vi.fn()} />);
    expect(within(item('返乡人数')).getByRole('spinbutton')).toBeTruthy();
    expect(within(item('核酸比例')).getByRole('spinbutton')).toBeTruthy();
    expect(within(item('情况说明')).getByRole('textbox').tagName).toBe('INPUT');
    expect(within(item('备注')).getByRole('textbox').tagName).toBe('TEXTAREA');
    expect(within(item('主要来源地')).getByRole('combobox')).toBeTruthy();
    const checks = within(item('采取措施')).getAllByRole('checkbox');
    expect(checks).toHaveLength(2);
    expect(within(item('采取措施')).getByText('入户走访')).toBeTruthy();
    expect(screen.getByTestId('report-field-day')).toBeTruthy();
    // The table field: its columns and a button to add rows.
    expect(screen.getAllByText('户主').length).toBeGreaterThan(0);
    expect(screen.getByTestId('report-field-households-add')).toBeTruthy();
    expect(screen.getByText('最多 5 行')).toBeTruthy();
  });

  it('marks required fields, shows the allowed range and spells out the cross-field rules', () => {
    render(<Sheet onSubmit={vi.fn()} />);
    const required = (label: string) => item(label).querySelector('.ant-form-item-required') !== null;
    expect(required('返乡人数')).toBe(true);
    expect(required('采取措施')).toBe(true);
    expect(required('核酸比例')).toBe(false);
    expect(screen.getByText('取值范围：0 ~ 10000')).toBeTruthy();
    expect(screen.getByText('校验规则：返乡人数不能为负')).toBeTruthy();
    expect(screen.getByTestId('fill-zero').textContent).toContain('零报告');
  });

  it('shows what is missing and does not send until the required fields are filled', async () => {
    const onSubmit = vi.fn();
    render(<Sheet onSubmit={onSubmit} />);
    fireEvent.click(screen.getByTestId('fill-submit'));
    expect(await screen.findByText('请填写返乡人数')).toBeTruthy();
    expect(screen.getByText('请填写情况说明')).toBeTruthy();
    expect(screen.getByText('请选择采取措施')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(within(item('返乡人数')).getByRole('spinbutton'), { target: { value: '12' } });
    fireEvent.change(within(item('情况说明')).getByRole('textbox'), { target: { value: '均已登记' } });
    fireEvent.click(within(item('采取措施')).getAllByRole('checkbox')[0]);
    fireEvent.click(screen.getByTestId('fill-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(false));
  });

  it('has no zero-report button when the form does not allow one', () => {
    render(<Sheet onSubmit={vi.fn()} form={{ ...FORM, allowZero: false }} />);
    expect(screen.queryByTestId('fill-zero')).toBeNull();
  });

  it('shows the system’s figure under a pre-filled field and how far the value typed is from it', async () => {
    const figures = new Map([['returnees', { value: 7, label: '排查人数（系统统计）' }]]);
    render(<Sheet onSubmit={vi.fn()} figures={figures} />);
    const hint = screen.getByTestId('report-figure-returnees');
    expect(hint.textContent).toBe('系统统计：7');
    fireEvent.change(within(item('返乡人数')).getByRole('spinbutton'), { target: { value: '9' } });
    await waitFor(() => expect(hint.textContent).toContain('相差 +2'));
    fireEvent.change(within(item('返乡人数')).getByRole('spinbutton'), { target: { value: '7' } });
    await waitFor(() => expect(hint.textContent).toBe('系统统计：7'));
  });
});
