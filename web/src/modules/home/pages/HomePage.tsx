import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { visibleNav } from '../../../app/nav';
import { usePublicSettings } from '../../../app/settings';
import { useRoles } from '../../auth/use-roles';
import { calendarApi, type CalendarYear } from '../../calendar/api';
import { formatDate, formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export default function HomePage() {
  const me = useMe();
  const settings = usePublicSettings();
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
  const entries = visibleNav(me).filter((n) => n.path !== '');
  const hour = Number(formatDateTime(now).slice(11, 13));
  const greeting = hour < 6 ? '您好' : hour < 12 ? '上午好' : hour < 14 ? '中午好' : hour < 18 ? '下午好' : '晚上好';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="home-page">
      <Card>
        <Row align="middle" gutter={24}>
          <Col flex="auto">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
              {greeting}，{me.displayName}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
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
              <div>
                {cal ? (
                  <Tag color={isWorkday ? 'blue' : 'red'} bordered={false} style={{ marginTop: 6 }}>
                    {isWorkday ? '工作日' : '休息日'}
                    {special?.name ? `（${special.name}）` : ''}
                  </Tag>
                ) : null}
              </div>
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

      <Card title="功能入口">
        <Row gutter={[16, 16]}>
          {entries.map((n) => (
            <Col key={n.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={`/${n.path}`} data-testid={`home-entry-${n.key}`}>
                <Card hoverable size="small" className="cg-entry">
                  <Space align="start" size={12}>
                    <span className="cg-entry-icon">{n.icon}</span>
                    <div>
                      <div className="cg-entry-title">{n.label}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.description ?? ''}
                      </Typography.Text>
                    </div>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title="系统信息" size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="行政区划">
            {settings.districtName}（{settings.districtCode}）
          </Descriptions.Item>
          <Descriptions.Item label="数据权限">{me.unitName} 及下级单位</Descriptions.Item>
          <Descriptions.Item label="版本">{settings.version || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
