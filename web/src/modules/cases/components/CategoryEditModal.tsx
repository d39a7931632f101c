import { Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { casesApi } from '../api';
import type { useCategoryEditor } from '../use-category-editor';

/** Edits a category: its name and use, and for a 小类 the time limit, default unit and duplicate radius. */
export function CategoryEditModal({ editor }: { editor: ReturnType<typeof useCategoryEditor> }) {
  const targets = useApiQuery(['cases', 'dispatch-targets'], () => casesApi.dispatchTargets(), undefined, {
    staleTime: 5 * 60_000,
  });
  const units = targets.data ?? [];
  const unitOptions = [
    {
      label: '区直部门',
      options: units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })),
    },
    {
      label: '驻区单位',
      options: units.filter((u) => u.kind === 'outside_unit').map((u) => ({ value: u.id, label: u.name })),
    },
  ];

  return (
    <Modal
      open={!!editor.editing}
      title={editor.editing ? `编辑类别 — ${editor.editing.code} ${editor.editing.name}` : ''}
      okText="保存"
      cancelText="取消"
      onOk={() => void editor.save()}
      onCancel={editor.close}
      confirmLoading={editor.saving}
      forceRender
    >
      {editor.error && <ErrorAlert error={editor.error} style={{ marginBottom: 16 }} />}
      <Form form={editor.form} layout="vertical" data-testid="category-form">
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 50 }]}
        >
          <Input />
        </Form.Item>
        {editor.editing?.level === 2 && (
          <>
            <Form.Item label="处置时限" extra="留空表示无时限。">
              <Space.Compact>
                <Form.Item name="limitValue" noStyle>
                  <InputNumber min={1} max={8760} precision={0} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="limitUnit" noStyle>
                  <Select
                    style={{ width: 110 }}
                    options={[
                      { value: 'hours', label: '工作小时' },
                      { value: 'days', label: '工作日' },
                    ]}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
            <Form.Item name="defaultUnitId" label="默认责任单位">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={unitOptions}
                placeholder="派遣时预选的单位"
              />
            </Form.Item>
            <Form.Item name="duplicateRadiusM" label="重复判定半径（米）" rules={[{ required: true }]}>
              <InputNumber min={10} max={5000} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
