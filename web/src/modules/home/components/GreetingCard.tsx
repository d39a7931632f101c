import { Alert, Card, Col, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useRoles } from '../../auth/use-roles';
import { calendarApi, type CalendarYear } from '../../calendar/api';
import { formatDate, formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The greeting, the account's unit and roles, and today (Asia/Shanghai) as 工作日 or 休息日. */
export function GreetingCard() {
  const me = useMe();
  const roles = useRoles();
  const roleName = useMemo(() => new Map(roles.map((r) => [r.code as string, r.name])), [roles]);
  // Today and the hour in Asia/Shanghai, the district's day, whatever the PC's own zone.
  const now = new Date();
  const today = formatDate(now);
  const year = Number(today.slice(0, 4));
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const calendar = useApiQuery(['calendar', year], (signal) => calendarApi.year(year, signal));
  const cal: CalendarYear | null = calendar.data ?? null;
  const special = cal?.days.find((d) => d.date === today);
  const isWorkday = special ? special.kind === 'workday' : weekday >= 1 && weekday <= 5;
  const hour = Number(formatDateTime(now).slice(11, 13));
  const greeting = hour < 6 ? '您好' : hour < 12 ? '上午好' : hour < 14 ? '中午好' : hour < 18 ? '下午好' : '晚上好';

  return (
    <>
      <Card size="small">
        <Row align="middle" gutter={24}>
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
              {greeting}，{me.displayName}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {me.unitName}
              <span style={{ margin: '0 8px' }}>·</span>
              {me.roles.map((r) => (
                <Tag key={r} color={r === 'admin' ? 'red' : 'blue'} bordered={false}>
                  {roleName.get(r) ?? r}
                </Tag>
              ))}
            </Typography.Paragraph>
          </Col>
          <Col>
            <div className="cg-today">
              <div className="cg-today-date">
                {today} {WEEKDAYS[weekday]}
              </div>
              {cal ? (
                <Tag color={isWorkday ? 'blue' : 'red'} bordered={false} style={{ marginTop: 4 }}>
                  {isWorkday ? '工作日' : '休息日'}
                  {special?.name ? `（${special.name}）` : ''}
                </Tag>
              ) : null}
            </div>
          </Col>
        </Row>
      </Card>
      {cal && !cal.covered && (
        <Alert
          type="warning"
          showIcon
          message={`${cal.year} 年的法定节假日安排尚未收录，处置时限暂按周一至周五计算。`}
          action={<Link to="/calendar">查看工作日历</Link>}
        />
      )}
    </>
  );
}
