import { Card, Col, Row, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { NavItem } from '../../../app/nav';

/** 功能入口: the menu's pages the role may use, small, below the work. */
export function QuickEntries({ entries }: { entries: NavItem[] }) {
  return (
    <Card title="功能入口" size="small">
      <Row gutter={[8, 8]}>
        {entries.map((n) => (
          <Col key={n.key} xs={12} sm={8} lg={6} xl={4}>
            <Tooltip title={n.description} mouseEnterDelay={0.6}>
              <Link to={`/${n.path}`} data-testid={`home-entry-${n.key}`} className="cg-entry-small">
                <span className="cg-entry-small-icon">{n.icon}</span>
                <span className="cg-entry-small-title">{n.label}</span>
              </Link>
            </Tooltip>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
