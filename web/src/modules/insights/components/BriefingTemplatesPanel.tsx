import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { BRIEFING_KIND_NAMES, type BriefingTemplate } from '../briefings-api';
import { useBriefingTemplates } from '../use-briefings';
import { TemplateEditor } from './TemplateEditor';

/** 简报模板 (briefing.configure): the district's templates, and the editor of the one chosen. */
export default function BriefingTemplatesPanel() {
  const templates = useBriefingTemplates();
  const [editing, setEditing] = useState<BriefingTemplate | null | undefined>(undefined);
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} style={{ marginBottom: 8 }}>
          新建模板
        </Button>
        <Table
          rowKey="id"
          size="small"
          loading={templates.loading}
          dataSource={templates.data?.items ?? []}
          pagination={false}
          onRow={(t) => ({ onClick: () => setEditing(t), style: { cursor: 'pointer' } })}
          rowClassName={(t) => (t.id === editing?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '模板', dataIndex: 'name', key: 'name', ellipsis: true },
            { title: '用途', key: 'kind', width: 90, render: (_, t) => BRIEFING_KIND_NAMES[t.kind] },
            {
              title: '状态',
              key: 'state',
              width: 80,
              render: (_, t) => (t.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
          ]}
          data-testid="briefing-templates"
        />
      </Col>
      <Col span={16}>
        {editing !== undefined && (
          <TemplateEditor key={editing?.id ?? 'new'} template={editing} onSaved={(t) => setEditing(t)} />
        )}
      </Col>
    </Row>
  );
}
