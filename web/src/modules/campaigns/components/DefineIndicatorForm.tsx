import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { campaignsApi, type IndicatorBody } from '../api';
import { INDICATOR_KIND_NAMES, MEASURE_UNITS } from '../labels';
import { useCategories } from './useCategories';

/** 新增指标: name, unit of measure, entered or computed (a figure source, maybe by category), sentence phrase. */
export function DefineIndicatorForm() {
  const [form] = Form.useForm<IndicatorBody>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const invalidate = useInvalidate();
  const sources = useApiQuery(['indicators', 'sources'], (signal) => campaignsApi.sources(signal));
  const categories = useCategories();
  const submit = async (v: IndicatorBody) => {
    setError(null);
    try {
      await campaignsApi.define({ ...v, source: v.kind === 'computed' ? v.source : null });
      form.resetFields();
      await invalidate(['indicators']);
    } catch (e) {
      applyFieldErrors(form, e, ['name', 'measureUnit', 'source', 'phrase']);
      setError(e);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ kind: 'entered', measureUnit: '处' }}
      onFinish={submit}
      data-testid="define-indicator"
    >
      <ErrorAlert error={error} style={{ width: '100%', marginBottom: 8 }} />
      <Space wrap align="start">
        <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="指标名称" maxLength={40} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="measureUnit">
          <Select style={{ width: 90 }} options={MEASURE_UNITS.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 110 }}
            options={Object.entries(INDICATOR_KIND_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {kind === 'computed' && (
          <>
            <Form.Item name="source" rules={[{ required: true, message: '请选择统计来源' }]}>
              <Select
                style={{ width: 260 }}
                placeholder="统计来源"
                options={(sources.data?.items ?? []).map((s) => ({ value: s.code, label: s.label }))}
              />
            </Form.Item>
            <Form.Item name="categories">
              <Select
                mode="multiple"
                style={{ width: 200 }}
                placeholder="问题类别（可选）"
                options={categories.options}
                optionFilterProp="label"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="phrase">
          <Input placeholder="成效表述，如：清理小广告" maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="sortOrder">
          <InputNumber placeholder="排序" min={0} max={9999} style={{ width: 80 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          新增指标
        </Button>
      </Space>
    </Form>
  );
}
