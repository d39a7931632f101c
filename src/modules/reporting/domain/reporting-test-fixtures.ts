import type { ReportFormDefinition } from './form-schema.js';

/** The demo 疫情防控日报 with one field of every type. */
export const epidemicForm: ReportFormDefinition = {
  code: 'epidemic_daily',
  name: '疫情防控日报',
  version: 1,
  periodType: 'daily',
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  allowZero: true,
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [
    { code: 'screened', label: '累计排查人数', type: 'integer', required: true, min: 0 },
    { code: 'quarantined', label: '居家隔离人数', type: 'integer', required: true, min: 0 },
    { code: 'tested', label: '核酸检测人数', type: 'integer', min: 0, max: 100_000 },
    { code: 'positiveRate', label: '阳性率', type: 'decimal', min: 0, max: 1, scale: 3, aggregation: 'avg' },
    { code: 'note', label: '备注', type: 'text', maxLength: 10 },
    {
      code: 'level',
      label: '风险等级',
      type: 'single_choice',
      options: [
        { code: 'low', label: '低' },
        { code: 'high', label: '高' },
      ],
    },
    {
      code: 'measures',
      label: '管控措施',
      type: 'multiple_choice',
      maxSelected: 2,
      options: [
        { code: 'home', label: '居家隔离' },
        { code: 'test', label: '核酸' },
        { code: 'visit', label: '随访' },
      ],
    },
    { code: 'since', label: '开始日期', type: 'date', min: '2026-01-01', max: '2026-12-31' },
    {
      code: 'rows',
      label: '返乡人员',
      type: 'table',
      maxRows: 3,
      columns: [
        { code: 'name', label: '姓名', type: 'text', required: true },
        { code: 'age', label: '年龄', type: 'integer', min: 0, max: 150 },
        { code: 'from', label: '来源地', type: 'single_choice', options: [{ code: 'a', label: '甲' }] },
      ],
    },
  ],
  rules: [
    { left: 'quarantined', op: '<=', right: 'screened' },
    { left: 'tested', op: '<', right: 50_000, message: '核酸检测人数过大' },
  ],
};
