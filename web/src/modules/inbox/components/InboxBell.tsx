import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import '../../cases/cases.css';
import { useUnreadCount } from '../unread';

/** The menu icon of 消息, with the unread count on it. */
export function InboxNavIcon({ className }: { className?: string }) {
  const n = useUnreadCount();
  return (
    <span className={`${className ?? ''} cg-inbox-icon`} data-testid="inbox-nav-icon">
      <Badge count={n} size="small" offset={[6, -4]} overflowCount={99} data-testid="inbox-nav-badge">
        <BellOutlined />
      </Badge>
    </span>
  );
}

/** A bell for the header: unread count, click → 消息. (For the layout to place next to the user.) */
export function InboxBell() {
  const n = useUnreadCount();
  const navigate = useNavigate();
  return (
    <Tooltip title={n ? `${n} 条未读消息` : '消息'}>
      <Badge count={n} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => navigate('/inbox')}
          aria-label="消息"
          data-testid="header-inbox"
        />
      </Badge>
    </Tooltip>
  );
}
