import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../../lib/api';
import { useApiCursorList } from '../../../lib/query';
import { inboxApi, linkLabel, messageKindTag, messageLink, type InboxMessage, type InboxPage as Page } from '../api';
import { refreshUnread, setUnread } from '../unread';
import '../../cases/cases.css';
import { formatDateTime } from '../../../lib/format-time';

type View = 'all' | 'unread';

/** Message bodies may carry ISO instants (e.g. a deadline): shown as local date and time. */
function readableBody(body: string): string {
  return body.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g, (iso) =>
    formatDateTime(iso, iso),
  );
}

export default function InboxPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The 工作台's 未读消息 links here with ?unread=true.
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(params.get('unread') === 'true' ? 'unread' : 'all');
  const client = useQueryClient();
  const key = ['inbox', 'list', view];
  const list = useApiCursorList(
    key,
    (cursor, signal) => inboxApi.list({ unread: view === 'unread', cursor, limit: 30 }, signal),
    { toastError: true },
  );
  const { items, nextCursor, loading } = list;
  const [unreadCount, setUnreadCount] = useState(0);
  const firstCount = list.firstPage?.unreadCount;
  useEffect(() => {
    if (firstCount === undefined) return;
    setUnreadCount(firstCount);
    setUnread(firstCount);
  }, [firstCount, list.dataUpdatedAt]);
  const load = () => list.refetch();
  /** Changes the messages shown without reading them again. */
  const setItems = (fn: (items: InboxMessage[]) => InboxMessage[]) =>
    client.setQueryData<InfiniteData<Page>>(key, (d) =>
      d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: fn(p.items) })) } : d,
    );

  const markRead = async (m: InboxMessage) => {
    if (m.read) return;
    try {
      await inboxApi.markRead(m.id);
      setItems((prev) =>
        view === 'unread'
          ? prev.filter((x) => x.id !== m.id)
          : prev.map((x) => (x.id === m.id ? { ...x, read: true } : x)),
      );
      setUnreadCount((n) => Math.max(0, n - 1));
      void refreshUnread();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const readAll = async () => {
    try {
      await inboxApi.markAllRead();
      message.success('已全部标为已读');
      setUnreadCount(0);
      setUnread(0);
      setItems((prev) => (view === 'unread' ? [] : prev.map((x) => ({ ...x, read: true }))));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const open = async (m: InboxMessage) => {
    await markRead(m);
    const link = messageLink(m);
    if (link) navigate(link);
  };

  return (
    <Card
      title={
        <Space>
          <span>消息</span>
          {unreadCount > 0 && <Badge count={unreadCount} overflowCount={999} data-testid="inbox-unread-count" />}
        </Space>
      }
      data-testid="inbox-page"
      extra={
        <Space>
          <Button
            icon={<CheckOutlined />}
            onClick={() => void readAll()}
            disabled={unreadCount === 0}
            data-testid="inbox-read-all"
          >
            全部标为已读
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
        </Space>
      }
    >
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: `未读${unreadCount ? `（${unreadCount}）` : ''}` },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="inbox-view"
      />
      <List<InboxMessage>
        loading={loading}
        dataSource={items}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view === 'unread' ? '没有未读消息' : '暂无消息'} />
          ),
        }}
        data-testid="inbox-list"
        renderItem={(m) => {
          const kind = messageKindTag(m.kind);
          const link = messageLink(m);
          return (
            <List.Item
              className={`cg-inbox-item${m.read ? '' : ' cg-inbox-unread'}`}
              onClick={() => void open(m)}
              data-testid="inbox-item"
              data-read={m.read ? 'true' : 'false'}
              actions={[
                !m.read ? (
                  <Button
                    key="read"
                    type="link"
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      void markRead(m);
                    }}
                    data-testid="inbox-mark-read"
                  >
                    标为已读
                  </Button>
                ) : (
                  <Typography.Text key="read" type="secondary" style={{ fontSize: 12 }}>
                    已读
                  </Typography.Text>
                ),
              ]}
            >
              <List.Item.Meta
                avatar={
                  <Badge dot={!m.read} offset={[-2, 2]}>
                    <span style={{ display: 'inline-block', width: 8 }} />
                  </Badge>
                }
                title={
                  <Space size={6} wrap>
                    {kind && (
                      <Tag color={kind.color} bordered={false}>
                        {kind.label}
                      </Tag>
                    )}
                    <span className="cg-inbox-title">{m.title}</span>
                    {link && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {linkLabel(m.entityType)} ›
                      </Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{readableBody(m.body)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(m.createdAt)}
                    </Typography.Text>
                  </div>
                }
              />
            </List.Item>
          );
        }}
      />
      {nextCursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} data-testid="inbox-load-more">
            加载更多
          </Button>
        </div>
      )}
    </Card>
  );
}
