import { Alert, DatePicker, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { reportingApi, type Submission } from '../api';
import { periodLabel, periodOf, showValue } from '../labels';
import { useReportForms } from '../use-forms';
import { FormSelect } from './FormSelect';
import { formatDateTime } from '../../../lib/format-time';

/** 发起核查: find a unit's report for a period, pick the questioned figure, ask. */
export function AskQueryModal({ open, onClose, onAsked }: { open: boolean; onClose(): void; onAsked(): void }) {
  const { forms } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [day, setDay] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const [field, setField] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const form = forms?.find((f) => f.id === formId);
  useEffect(() => {
    if (forms?.length && !formId) setFormId(forms[0].id);
  }, [forms, formId]);
  const period = form ? periodOf(form.periodType, day) : null;
  const found = useApiQuery(
    ['reporting', 'submission', form?.id ?? null, unitId ?? null, period],
    (signal) => reportingApi.submission(form!.id, { unitId: unitId!, period: period! }, signal),
    undefined,
    { enabled: !!form && !!unitId, keepPrevious: false },
  );
  const sub: Submission | null = (form && unitId && found.data) || null;
  const lookup = found.error
    ? found.error.status === 404
      ? '该单位在此报告期没有报告'
      : errorText(found.error)
    : null;
  useEffect(() => setField(null), [form, unitId, day]);
  const ask = useApiMutation(
    (submissionId: string) => reportingApi.askQuery(submissionId, { field, question: question.trim() }),
    {
      successMessage: '已发起核查，被核查单位须在 24 小时内答复',
      onSuccess: () => {
        setQuestion('');
        onAsked();
      },
    },
  );
  return (
    <Modal
      title="发起数据核查"
      open={open}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      okText="发起核查"
      okButtonProps={{ disabled: !sub || question.trim().length < 2, loading: ask.isPending }}
      onOk={() => sub && ask.mutate(sub.id)}
    >
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label="报表">
            <FormSelect forms={forms} value={formId} onChange={setFormId} />
          </Form.Item>
          <Form.Item label="报告期">
            <DatePicker
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              picker={form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date'}
            />
          </Form.Item>
        </Space>
        <Form.Item label="被核查单位">
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            placeholder="选择报送单位"
            style={{ width: '100%' }}
            data-testid="query-ask-unit"
          />
        </Form.Item>
        {lookup && <Alert type="info" showIcon message={lookup} style={{ marginBottom: 12 }} />}
        {sub && form && (
          <>
            <Descriptions
              size="small"
              bordered
              column={2}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'period', label: '报告期', children: periodLabel(sub.period) },
                {
                  key: 'at',
                  label: '报送时间',
                  children: `${formatDateTime(sub.submittedAt)}${sub.late ? '（迟报）' : ''}`,
                },
                ...(sub.zero
                  ? [{ key: 'zero', label: '内容', children: '零报告（今日无新增）' }]
                  : form.fields
                      .filter((f) => f.type !== 'table')
                      .map((f) => ({ key: f.code, label: f.label, children: showValue(sub.values?.[f.code]) }))),
                // What the system counted when the report was sent, where the report says otherwise.
                ...form.fields.flatMap((f) => {
                  const counted = sub.systemValues?.[f.code];
                  const sent = sub.zero ? 0 : sub.values?.[f.code];
                  return counted === undefined || counted === sent
                    ? []
                    : [{ key: `system-${f.code}`, label: `${f.label}（系统统计）`, children: String(counted) }];
                }),
              ]}
            />
            <Form.Item label="核查的指标">
              <Select
                allowClear
                placeholder="整份报告"
                value={field ?? undefined}
                onChange={(v) => setField(v ?? null)}
                options={form.fields
                  .filter((f) => f.type !== 'table')
                  .map((f) => ({
                    value: f.code,
                    label: `${f.label}（${sub.zero ? '0' : showValue(sub.values?.[f.code])}）`,
                  }))}
                data-testid="query-ask-field"
              />
            </Form.Item>
            <Form.Item label="核查内容">
              <Input.TextArea
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
                maxLength={2000}
                autoSize={{ minRows: 3 }}
                placeholder="例如：返乡人数比昨日多 30 人，请核实"
                data-testid="query-ask-question"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
