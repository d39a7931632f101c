import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { XlsxButton } from '../../../components/XlsxButton';
import { ApiError, errorText, type FieldError } from '../../../lib/api';
import { useInvalidate } from '../../../lib/query';
import { populationApi, type HouseholdImportResult } from '../api';
import { POP } from '../use-population';

/** 从 Excel 导入: residents with their household address; all rows or none, errors by row and column. */
export function ImportModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<HouseholdImportResult | null>(null);
  const [failure, setFailure] = useState<{ text: string; errors: FieldError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const r = await populationApi.importHouseholds(file);
      setResult(r);
      message.success(`已导入 ${r.residents} 人`);
      await invalidate([POP]);
    } catch (e) {
      setFailure({ text: errorText(e), errors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setResult(null);
    setFailure(null);
    onClose();
  };

  return (
    <Modal open={open} title="从 Excel 导入户和居民" footer={null} onCancel={close} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        每行一位居民：网格、楼栋、门牌、姓名、身份证号、电话、与户主关系、人口类型、标签、备注。同一门牌的居民归为一户；身份证号已登记的人员自动合并，姓名不一致的提交合并审核。任何一行有错则全部不导入。
      </Typography.Paragraph>
      <XlsxButton href={populationApi.importTemplateUrl} style={{ marginBottom: 12 }} data-testid="pop-import-template">
        下载导入模板
      </XlsxButton>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          if (!/\.xlsx$/i.test(file.name)) {
            message.error('请上传 .xlsx 文件');
            return Upload.LIST_IGNORE;
          }
          void upload(file);
          return false;
        }}
        data-testid="pop-import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? '正在导入…' : '点击或拖入 .xlsx 文件'}</p>
      </Upload.Dragger>
      {failure && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={`导入失败，未导入任何数据：${failure.text}`}
          data-testid="pop-import-error"
          description={
            failure.errors.length > 0 && (
              <Table
                size="small"
                pagination={failure.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                rowKey={(e) => e.field + e.message}
                dataSource={failure.errors.slice(0, 500)}
                columns={[
                  { title: '位置', dataIndex: 'field', width: 160 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="pop-import-result"
          message={`导入完成：${result.households} 户，${result.residents} 人`}
          description={`其中 ${result.merged} 人按身份证号合并到已有人员，${result.reviews} 人因姓名不一致提交合并审核。`}
        />
      )}
    </Modal>
  );
}
