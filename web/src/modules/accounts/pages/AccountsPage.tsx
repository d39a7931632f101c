import { EditOutlined, LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format-time';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useApiMutation, useApiQuery, useInvalidate } from '../../../lib/query';
import { useRoles } from '../../auth/use-roles';
import { UnitPicker } from '../../../components/UnitPicker';
import { accountsApi, type Account } from '../api';
import { AccountFormModal } from '../components/AccountFormModal';
import { TemporaryPasswordModal } from '../components/TemporaryPasswordModal';

export default function AccountsPage() {
  const { can, me } = useAuth();
  const roles = useRoles();
  const roleName = useMemo(() => new Map(roles.map((r) => [r.code as string, r.name])), [roles]);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  const [temp, setTemp] = useState<{ username: string; password: string; reason: 'created' | 'reset' } | null>(null);
  const canWrite = can('account.write');

  const filter = { unitId, q: q.trim() || undefined };
  const list = useApiQuery(['accounts', 'list', filter], (signal) => accountsApi.list(filter, signal), undefined, {
    toastError: true,
  });
  const items: Account[] = list.data?.items ?? [];
  const loading = list.loading;
  const invalidate = useInvalidate();
  const load = () => invalidate(['accounts']);

  const resetPassword = useApiMutation((a: Account) => accountsApi.resetPassword(a.id), {
    invalidates: [['accounts']],
    onSuccess: (r, a) => setTemp({ username: a.username, password: r.temporaryPassword, reason: 'reset' }),
  });

  return (
    <Card
      title="账号管理"
      data-testid="accounts-page"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="account-create">
            新建账号
          </Button>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <UnitPicker value={unitId} onChange={setUnitId} placeholder="全部单位" style={{ width: 280 }} />
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          onSearch={setQ}
          style={{ width: 240 }}
          data-testid="accounts-filter-q"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </Space>
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        data-testid="accounts-table"
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个账号` }}
        columns={[
          {
            title: '用户名',
            dataIndex: 'username',
            width: 150,
            render: (u: string) => <span className="cg-mono">{u}</span>,
          },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '所属单位', dataIndex: 'unitName', ellipsis: true },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (rs: string[]) => (
              <Space size={[0, 4]} wrap>
                {rs.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'red' : 'blue'} bordered={false}>
                    {roleName.get(r) ?? r}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 130,
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                {a.disabled ? <Badge status="default" text="已停用" /> : <Badge status="success" text="正常" />}
                {a.mustChangePassword && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    待修改初始密码
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '最后登录',
            dataIndex: 'lastLoginAt',
            width: 160,
            render: (t: string | null) =>
              t ? formatDateTime(t) : <Typography.Text type="secondary">从未登录</Typography.Text>,
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, a: Account) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(a)}
                        data-testid="account-edit"
                      >
                        编辑
                      </Button>
                      <Popconfirm
                        title={`重置「${a.displayName}」的密码？`}
                        description="将生成新的临时密码，原密码立即失效。"
                        okText="重置"
                        cancelText="取消"
                        onConfirm={() => resetPassword.mutate(a)}
                      >
                        <Tooltip title={a.id === me?.id ? '修改自己的密码请使用右上角“修改密码”' : undefined}>
                          <Button type="link" size="small" icon={<LockOutlined />} data-testid="account-reset-password">
                            重置密码
                          </Button>
                        </Tooltip>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AccountFormModal
        open={editing !== undefined}
        account={editing ?? null}
        roles={roles}
        onClose={() => setEditing(undefined)}
        onCreated={(a, pw) => {
          setEditing(undefined);
          setTemp({ username: a.username, password: pw, reason: 'created' });
          void load();
        }}
        onUpdated={() => {
          setEditing(undefined);
          void load();
        }}
      />
      <TemporaryPasswordModal value={temp} onClose={() => setTemp(null)} />
    </Card>
  );
}
