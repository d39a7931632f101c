import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorText, type FieldError } from '../../../lib/api';
import { importWorkPlan, supervisionApi, type ImportResult } from '../api';
import '../supervision.css';
import { XlsxButton } from '../../../components/XlsxButton';

/** 工作要点导入: an .xlsx work plan becomes tasks (all rows or none). */
export default function ImportPage() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ text: string; errors: FieldError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const r = await importWorkPlan(file);
      setResult(r);
      message.success(`已导入 ${r.created} 项任务`);
    } catch (e) {
      setFailure({ text: errorText(e), errors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title="工作要点导入"
      data-testid="import-page"
      extra={
        <XlsxButton href={supervisionApi.importTemplateUrl} data-testid="import-template">
          下载导入模板
        </XlsxButton>
      }
    >
      <Typography.Paragraph type="secondary">
        按模板填写工作要点任务分解表（任务名称、牵头领导、牵头单位、配合单位、起止日期、时间节点、报送周期、上级序号），上传后逐行校验；有任何一行出错则全部不导入，请按提示修改后重新上传。
      </Typography.Paragraph>
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
        data-testid="import-upload"
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
          message={`导入失败：${failure.text}`}
          data-testid="import-error"
          description={
            failure.errors.length > 0 && (
              <Table
                size="small"
                pagination={false}
                rowKey={(e) => e.field + e.message}
                dataSource={failure.errors.slice(0, 200)}
                columns={[
                  { title: '位置', dataIndex: 'field', width: 180 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="import-result">
          <Alert type="success" showIcon message={`已导入 ${result.created} 项任务`} style={{ marginBottom: 12 }} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={result.items}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              {
                title: '任务',
                dataIndex: 'title',
                render: (t: string, r) => <Link to={`/supervision/tasks/${r.id}`}>{t}</Link>,
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Link to="/supervision/tasks?tree=1">到任务看板查看</Link>
          </Space>
        </div>
      )}
    </Card>
  );
}
