import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RESIDENCE_KIND_NAMES, SEX_NAMES } from '../labels';
import type { RevealState } from '../use-population';

/**
 * 查看完整信息: first the reason (个人信息保护法: every unmasked view is audited with why), then the
 * record with its full ID number and phone.
 */
export function RevealModals({ state }: { state: RevealState }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { target, shown } = state;
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);

  return (
    <>
      <Modal
        open={!!target}
        title={`查看完整信息 — ${target?.name ?? ''}`}
        okText="查看"
        cancelText="取消"
        confirmLoading={state.pending}
        onCancel={state.cancel}
        onOk={() => void form.validateFields().then((v) => state.submit(v.reason.trim()))}
        destroyOnHidden
        data-testid="reveal-reason-modal"
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="身份证号和电话默认隐藏。查看完整信息将记入审计日志，请写明用途。"
        />
        <ErrorAlert error={state.error} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="查看事由"
            rules={[
              { required: true, whitespace: true, message: '请填写查看事由' },
              { max: 200, message: '最长 200 个字符' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：电话回访核实居住情况" data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!shown}
        title="居民完整信息"
        onCancel={state.close}
        footer={null}
        destroyOnHidden
        data-testid="reveal-result-modal"
      >
        {shown && (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              本次查看已记入审计日志，请勿外传。
            </Typography.Paragraph>
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label="姓名">{shown.name}</Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span className="cg-mono" data-testid="reveal-id-number">
                  {shown.idNumber ?? '未登记'}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="电话">
                <span className="cg-mono" data-testid="reveal-phone">
                  {shown.phone ?? '未登记'}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="性别 / 年龄">
                {shown.sex ? SEX_NAMES[shown.sex] : '—'} / {shown.age ?? '—'} 岁
              </Descriptions.Item>
              <Descriptions.Item label="人口类型">{RESIDENCE_KIND_NAMES[shown.residenceKind]}</Descriptions.Item>
              <Descriptions.Item label="住址">{shown.household?.address ?? '—'}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
    </>
  );
}
