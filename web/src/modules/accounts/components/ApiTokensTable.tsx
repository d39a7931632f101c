import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format-time';
import type { TokenView } from '../api';

const DAY_MS = 24 * 3600_000;

/** Days left until `expiresAt`, a part day counting whole (a token just issued for 90 days: 90); 0 once expired. */
export function daysLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / DAY_MS));
}

export interface ApiTokensTableProps {
  items: TokenView[];
  loading: boolean;
  /** The account holds token.create: the button to issue a token is shown. */
  canCreate: boolean;
  now: number;
  onCreate(): void;
  onRevoke(id: string): void;
}

/** The own API tokens with their expiry; issuing one only for roles holding token.create. */
export function ApiTokensTable({ items, loading, canCreate, now, onCreate, onRevoke }: ApiTokensTableProps) {
  return (
    <Card
      title="API 令牌"
      data-testid="api-tokens-page"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="api-token-create">
            签发令牌
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="令牌供外部系统以本账号身份调用接口，到期自动失效；修改密码或被管理员重置密码后，本账号的全部令牌立即失效。"
      />
      <Table<TokenView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="api-tokens-table"
        locale={{ emptyText: '没有有效的令牌' }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string | null) => n ?? '—' },
          { title: '签发时间', dataIndex: 'createdAt', width: 160, render: (t: string) => formatDateTime(t) },
          { title: '最近使用', dataIndex: 'lastSeenAt', width: 160, render: (t: string) => formatDateTime(t) },
          {
            title: '失效时间',
            dataIndex: 'expiresAt',
            width: 240,
            render: (t: string) => {
              const left = daysLeft(t, now);
              return (
                <span data-testid="api-token-expires">
                  {formatDateTime(t)} <Tag color={left < 7 ? 'orange' : undefined}>{`剩 ${left} 天`}</Tag>
                </span>
              );
            },
          },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, r: TokenView) => (
              <Popconfirm title="吊销后该令牌立即失效，确定吊销？" onConfirm={() => onRevoke(r.id)}>
                <Button size="small" danger icon={<DeleteOutlined />} data-testid="api-token-revoke">
                  吊销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
