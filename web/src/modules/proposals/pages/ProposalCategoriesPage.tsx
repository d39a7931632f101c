import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { proposalsApi, type ProposalCategory } from '../api';

const KEY = ['proposals', 'categories'];

/**
 * 提案类别: the list registration offers, kept by the 提案委 (and admin). A retired category stays on the
 * proposals that carry it; renaming one does not rename past proposals.
 */
export default function ProposalCategoriesPage() {
  const { can } = useAuth();
  const writable = can('proposal.register');
  const list = useApiQuery(['proposals', 'categories', 'all'], (signal) => proposalsApi.categories(false, signal));
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const add = useApiMutation((n: string) => proposalsApi.addCategory({ name: n }), {
    invalidates: [KEY],
    successMessage: (_, n) => `已新增类别「${n}」`,
    onSuccess: () => setName(''),
  });
  const update = useApiMutation(
    (v: { id: string; body: Parameters<typeof proposalsApi.updateCategory>[1] }) =>
      proposalsApi.updateCategory(v.id, v.body),
    { invalidates: [KEY], successMessage: '已保存', onSuccess: () => setEditing(null) },
  );

  if (list.error) return <ErrorAlert error={errorText(list.error)} />;
  const columns = [
    {
      title: '类别',
      dataIndex: 'name',
      render: (n: string, c: ProposalCategory) =>
        editing?.id === c.id ? (
          <Space.Compact>
            <Input
              value={editing.name}
              maxLength={50}
              onChange={(e) => setEditing({ id: c.id, name: e.target.value })}
              onPressEnter={() => update.mutate({ id: c.id, body: { name: editing.name.trim() } })}
            />
            <Button
              type="primary"
              onClick={() => update.mutate({ id: c.id, body: { name: editing.name.trim() } })}
              disabled={!editing.name.trim()}
            >
              保存
            </Button>
            <Button onClick={() => setEditing(null)}>取消</Button>
          </Space.Compact>
        ) : (
          <Space>
            <span>{n}</span>
            {!c.active && <Tag>已停用</Tag>}
          </Space>
        ),
    },
    {
      title: '排序',
      dataIndex: 'sortOrder',
      width: 140,
      render: (v: number, c: ProposalCategory) =>
        writable ? (
          <InputNumber
            min={0}
            max={100000}
            step={100}
            defaultValue={v}
            onBlur={(e) => {
              const next = Number(e.target.value);
              if (Number.isInteger(next) && next !== v) update.mutate({ id: c.id, body: { sortOrder: next } });
            }}
          />
        ) : (
          v
        ),
    },
    {
      title: '登记时可选',
      dataIndex: 'active',
      width: 120,
      render: (active: boolean, c: ProposalCategory) => (
        <Switch
          checked={active}
          disabled={!writable}
          checkedChildren="启用"
          unCheckedChildren="停用"
          onChange={(on) => update.mutate({ id: c.id, body: { active: on } })}
        />
      ),
    },
    ...(writable
      ? [
          {
            title: '操作',
            width: 100,
            render: (_: unknown, c: ProposalCategory) => (
              <Button type="link" onClick={() => setEditing({ id: c.id, name: c.name })}>
                改名
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title="提案类别" data-testid="proposal-categories-page">
      <Typography.Paragraph type="secondary">
        登记提案时从本表选择类别。默认按全国政协提案分类设经济建设、政治建设、文化建设、社会建设、生态文明建设五类，可按本地实际增删调整；停用的类别不再供登记选择，已登记的提案保留原类别。
      </Typography.Paragraph>
      {writable && (
        <Space.Compact style={{ marginBottom: 16 }}>
          <Input
            placeholder="新类别名称"
            value={name}
            maxLength={50}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && add.mutate(name.trim())}
            data-testid="proposal-category-name"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!name.trim()}
            loading={add.isPending}
            onClick={() => add.mutate(name.trim())}
          >
            新增
          </Button>
        </Space.Compact>
      )}
      <Table<ProposalCategory>
        rowKey="id"
        size="small"
        loading={list.loading}
        pagination={false}
        dataSource={list.data?.items ?? []}
        columns={columns}
      />
    </Card>
  );
}
