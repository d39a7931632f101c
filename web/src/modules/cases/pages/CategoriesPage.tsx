import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../../app/auth';
import type { CaseCategory, TimeLimit } from '../api';
import { CategoryEditModal } from '../components/CategoryEditModal';
import { timeLimitText } from '../labels';
import { useCategories } from '../use-categories';
import { useCategoryEditor } from '../use-category-editor';
import '../cases.css';

interface Row extends CaseCategory {
  children?: Row[];
}

const sourceLabel: Record<string, string> = { gbt30428: 'GB/T 30428.2', local: '本地' };

/** 问题类别: time limits, default responsible units and duplicate radius, edited by admins. */
export default function CategoriesPage() {
  const { can } = useAuth();
  const { categories, reload } = useCategories();
  const editor = useCategoryEditor();
  const writable = can('category.write');

  const rows = useMemo<Row[]>(() => {
    const list = categories ?? [];
    return list
      .filter((c) => c.level === 1 || !c.parentCode)
      .map((t) => ({ ...t, children: list.filter((c) => c.parentCode === t.code) }));
  }, [categories]);

  return (
    <Card
      title="问题类别"
      data-testid="case-categories-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        类别按 GB/T 30428.2 事件大类 /
        小类编码，另有本地扩展类别。处置时限按工作日历计算；上报时在“重复判定半径”内的同类未办结问题会提示为可能重复。
      </Typography.Paragraph>
      <Table<Row>
        rowKey="code"
        size="small"
        loading={categories === null}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: false }}
        data-testid="category-table"
        columns={[
          { title: '代码', dataIndex: 'code', width: 110, render: (c: string) => <span className="cg-mono">{c}</span> },
          {
            title: '名称',
            dataIndex: 'name',
            render: (n: string, r) => (r.level === 1 ? <Typography.Text strong>{n}</Typography.Text> : n),
          },
          { title: '依据', dataIndex: 'source', width: 120, render: (s: string) => sourceLabel[s] ?? s },
          {
            title: '处置时限',
            dataIndex: 'timeLimit',
            width: 130,
            render: (t: TimeLimit | null, r) => (r.level === 1 ? '' : timeLimitText(t)),
          },
          {
            title: '默认责任单位',
            dataIndex: 'defaultUnitName',
            width: 220,
            ellipsis: true,
            render: (u: string | null, r) => (r.level === 1 ? '' : (u ?? '—')),
          },
          {
            title: '重复判定半径',
            dataIndex: 'duplicateRadiusM',
            width: 120,
            render: (m: number, r) => (r.level === 1 ? '' : `${m} 米`),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (a: boolean) => (a ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
          },
          ...(writable
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 80,
                  render: (_: unknown, r: Row) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => editor.open(r)}
                      data-testid="category-edit"
                    >
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CategoryEditModal editor={editor} />
    </Card>
  );
}
