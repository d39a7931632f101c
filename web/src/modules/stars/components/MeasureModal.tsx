import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApiMutation } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyServerErrors } from '../../supervision/form-errors';
import { plansApi, type BattleMap } from '../plans-api';

interface Values {
  starKey: string;
  title: string;
  description?: string;
  ownerName: string;
  span: [Dayjs, Dayjs];
  teamId?: string;
  milestones?: { title: string; due: Dayjs }[];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 新增措施: a task of the branch with the star it serves, owner, dates, milestones and team. */
export function MeasureModal({ map, open, onClose }: { map: BattleMap; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useApiMutation(
    (v: Values) =>
      plansApi.addMeasure(map.branch.id, {
        year: map.year,
        starKey: v.starKey,
        title: v.title,
        description: v.description || null,
        ownerName: v.ownerName,
        start: day(v.span[0]),
        deadline: day(v.span[1]),
        teamId: v.teamId ?? null,
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title, due: day(m.due) })),
      }),
    {
      successMessage: '措施已加入作战图',
      invalidates: [['stars']],
      toastError: false,
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    },
  );
  const rest = add.error
    ? applyServerErrors(form, add.error, ['starKey', 'title', 'ownerName', 'teamId', 'milestones'], (p) =>
        p[0] === 'start' || p[0] === 'deadline' ? ['span'] : p,
      )
    : [];
  const stars = map.stars.filter((s) => s.targeted);
  return (
    <Modal
      title="新增作战图措施"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      width={640}
      okButtonProps={{ 'data-testid': 'measure-submit' }}
      destroyOnHidden
    >
      {add.error && (rest.length > 0 || add.error.errors.length === 0) && (
        <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="starKey"
            label="服务的星"
            rules={[{ required: true, message: '请选择' }]}
            style={{ width: 160 }}
          >
            <Select options={stars.map((s) => ({ value: s.key, label: s.name }))} data-testid="measure-star" />
          </Form.Item>
          <Form.Item
            name="title"
            label="措施"
            rules={[{ required: true, whitespace: true, message: '请填写措施' }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={200} data-testid="measure-title" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="description" label="具体内容">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space size={12} align="start">
          <Form.Item name="ownerName" label="责任人" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input maxLength={30} style={{ width: 140 }} data-testid="measure-owner" />
          </Form.Item>
          <Form.Item name="span" label="开始至完成时限" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker.RangePicker data-testid="measure-span" />
          </Form.Item>
          <Form.Item name="teamId" label="承担的聚力团">
            <Select
              allowClear
              style={{ width: 160 }}
              options={map.teams.map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="milestones">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '节点名称' }]}>
                    <Input placeholder="时间节点" style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: '日期' }]}>
                    <DatePicker />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => addRow()}>
                时间节点
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
