import { Alert, App, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useXlsxImport, XlsxDropZone } from '../../../components/XlsxImport';
import { importWorkPlan, supervisionApi, type ImportResult } from '../api';
import '../supervision.css';
import { XlsxButton } from '../../../components/XlsxButton';

/** 工作要点导入: an .xlsx work plan becomes tasks (all rows or none). */
export default function ImportPage() {
  const { message } = App.useApp();
  const state = useXlsxImport(importWorkPlan, (r: ImportResult) => {
    message.success(`已导入 ${r.created} 项任务`);
  });
  const result = state.result;

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
      <XlsxDropZone state={state} testId="import" />
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
