import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { XlsxButton } from '../../../components/XlsxButton';
import type { ResidentFilter } from '../api';

/** The export's address for the list's filters (the search words are not a filter of the sheet). */
export function residentsExportUrl(filter: ResidentFilter, full?: { reason: string }): string {
  const params = new URLSearchParams();
  if (filter.unitId) params.set('unitId', filter.unitId);
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.residenceKind) params.set('residenceKind', filter.residenceKind);
  if (filter.status) params.set('status', filter.status);
  if (full) {
    params.set('reveal', 'true');
    params.set('reason', full.reason);
  }
  const q = params.toString();
  return `/api/v1/residents/export.xlsx${q ? `?${q}` : ''}`;
}

/**
 * 导出名册 (ID numbers and phones masked) and, for a role that may reveal them, 导出完整信息: the reason
 * first, then the download (the server audits it with the reason and the filters).
 */
export function ResidentExportButtons({ filter, canReveal }: { filter: ResidentFilter; canReveal: boolean }) {
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Space>
      <XlsxButton href={residentsExportUrl(filter)} data-testid="resident-export">
        导出名册
      </XlsxButton>
      {canReveal && (
        <Button onClick={() => setAsking(true)} data-testid="resident-export-full">
          导出完整信息
        </Button>
      )}
      <Modal
        open={asking}
        title="导出完整信息"
        okText="导出"
        cancelText="取消"
        onCancel={() => setAsking(false)}
        onOk={() =>
          void form.validateFields().then((v) => {
            window.location.assign(residentsExportUrl(filter, { reason: v.reason.trim() }));
            setAsking(false);
          })
        }
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="导出的表格含完整身份证号和电话，将记入审计日志。请写明用途，并妥善保管文件。"
        />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="导出事由"
            rules={[
              { required: true, whitespace: true, message: '请填写导出事由' },
              { max: 200, message: '最长 200 个字符' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：报送街道核对低保名单" data-testid="resident-export-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
