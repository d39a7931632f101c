import { EditOutlined, EyeOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useApiMutation, useApiQuery, useInvalidate } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { peopleApi, personKindColor, personKindLabel, type Person, type PersonKind } from '../api';
import { PersonFormModal } from '../components/PersonFormModal';

type KindFilter = PersonKind | 'all';

export default function PeoplePage() {
  const { can } = useAuth();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [kind, setKind] = useState<KindFilter>('all');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [revealed, setRevealed] = useState<Person | null>(null);

  const filter = { unitId, kind: kind === 'all' ? undefined : kind, q: q.trim() || undefined };
  const list = useApiQuery(['people', 'list', filter], (signal) => peopleApi.list(filter, signal), undefined, {
    toastError: true,
  });
  const items: Person[] = list.data?.items ?? [];
  const loading = list.loading;
  const invalidate = useInvalidate();
  const load = () => invalidate(['people']);

  // Reading the full phone number is audited on the server, so it is a deliberate act, not a query.
  const reveal = useApiMutation((p: Person) => peopleApi.reveal(p.id), { onSuccess: (full) => setRevealed(full) });

  return (
    <Card
      title="人员管理"
      data-testid="people-page"
      extra={
        can('person.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="person-create">
            新增人员
          </Button>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <UnitPicker
          value={unitId}
          onChange={setUnitId}
          placeholder="全部单位"
          style={{ width: 280 }}
          data-testid="people-filter-unit"
        />
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: '全部' },
            ...(Object.keys(personKindLabel) as PersonKind[]).map((k) => ({ value: k, label: personKindLabel[k] })),
          ]}
          data-testid="people-filter-kind"
        />
        <Input.Search
          placeholder="姓名"
          allowClear
          onSearch={setQ}
          style={{ width: 220 }}
          data-testid="people-filter-q"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </Space>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        data-testid="people-table"
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 140,
            render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
          },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 110,
            render: (k: PersonKind) => (
              <Tag color={personKindColor[k]} bordered={false}>
                {personKindLabel[k] ?? k}
              </Tag>
            ),
          },
          { title: '所属单位', dataIndex: 'unitName', ellipsis: true },
          {
            title: '手机号',
            dataIndex: 'phone',
            width: 150,
            render: (p: string | null) =>
              p ? <span className="cg-mono">{p}</span> : <Typography.Text type="secondary">未登记</Typography.Text>,
          },
          {
            title: '负责网格',
            dataIndex: 'gridIds',
            width: 100,
            render: (g: string[], r) => (r.kind === 'grid_worker' ? `${g.length} 个` : '—'),
          },
          {
            title: '登录账号',
            dataIndex: 'accountId',
            width: 100,
            render: (a: string | null) =>
              a ? <Tag color="success">已开通</Tag> : <Typography.Text type="secondary">无</Typography.Text>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_, p) => (
              <Space size={0}>
                {can('person.reveal') && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EyeOutlined />}
                    loading={reveal.isPending && reveal.variables?.id === p.id}
                    onClick={() => reveal.mutate(p)}
                    data-testid="person-reveal"
                  >
                    查看完整信息
                  </Button>
                )}
                {can('person.write') && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(p)}
                    data-testid="person-edit"
                  >
                    编辑
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PersonFormModal
        open={editing !== undefined}
        person={editing ?? null}
        defaultUnitId={unitId}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void load();
        }}
      />
      <Modal
        open={!!revealed}
        title="人员完整信息"
        onCancel={() => setRevealed(null)}
        footer={<Button onClick={() => setRevealed(null)}>关闭</Button>}
        data-testid="person-reveal-modal"
      >
        {revealed && (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              查看完整个人信息的操作已记入审计日志，请勿外传。
            </Typography.Paragraph>
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label="姓名">{revealed.name}</Descriptions.Item>
              <Descriptions.Item label="类别">{personKindLabel[revealed.kind]}</Descriptions.Item>
              <Descriptions.Item label="所属单位">{revealed.unitName}</Descriptions.Item>
              <Descriptions.Item label="手机号">
                <span data-testid="person-full-phone">{revealed.phone ?? '未登记'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="负责网格">{revealed.gridIds.length} 个</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
    </Card>
  );
}
