import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkItem } from '../../insights/api';

/** One line: the label, the count (one click from its list), and its overdue (red) and due-soon (orange) parts. */
function WorkItemLine({ item }: { item: WorkItem }) {
  const calm = item.total === 0;
  return (
    <div className="cg-work-item" data-testid={`work-item-${item.code}`}>
      <span className="cg-work-item-label">{item.label}</span>
      <span className="cg-work-item-figures">
        {!!item.overdue && (
          <Link
            to={item.overdueLink ?? item.link}
            className="cg-work-overdue"
            data-testid={`work-overdue-${item.code}`}
          >
            超期 {item.overdue}
          </Link>
        )}
        {!!item.dueSoon && (
          <Link to={item.link} className="cg-work-due-soon">
            临期 {item.dueSoon}
          </Link>
        )}
        <Link
          to={item.link}
          className={calm ? 'cg-work-total cg-work-calm' : 'cg-work-total'}
          data-testid={`work-total-${item.code}`}
        >
          {item.total}
        </Link>
      </span>
    </div>
  );
}

/** 待办事项: what waits for me now, grouped by module. */
export function WorkItemsCard(props: {
  items: WorkItem[] | undefined;
  loading: boolean;
  fetching: boolean;
  onRefresh: () => void;
}) {
  const groups = new Map<string, WorkItem[]>();
  for (const i of props.items ?? []) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const waiting = (props.items ?? []).reduce((s, i) => s + i.total, 0);
  return (
    <Card
      size="small"
      title={
        <span>
          待办事项
          {props.items && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 13 }}>
              {waiting ? `共 ${waiting} 项` : '暂无待办'}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Tooltip title="每 3 分钟自动刷新">
          <Button size="small" type="text" icon={<ReloadOutlined spin={props.fetching} />} onClick={props.onRefresh}>
            刷新
          </Button>
        </Tooltip>
      }
      data-testid="home-work-items"
      style={{ height: '100%' }}
    >
      {props.loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : groups.size === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前角色没有需要办理的事项" />
      ) : (
        <div className="cg-work-groups">
          {[...groups].map(([group, items]) => (
            <div key={group} className="cg-work-group">
              <div className="cg-work-group-title">{group}</div>
              {items.map((i) => (
                <WorkItemLine key={i.code} item={i} />
              ))}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
