import { AimOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { clock } from '../lib/patrol-outbox';
import { usePatrol } from '../use-patrol';
import '../patrol.css';

/** 开始巡查 on the phone's home, or the patrol under way with its clock (back to it from anywhere). */
export function PatrolTile() {
  const { me, active, pending } = usePatrol(true);
  if (!me.permissions.includes('patrol.record')) return null;
  return (
    <Link
      to="/m/patrol"
      className={`cgm-card cgm-patrol-tile${active ? ' is-active' : ''}`}
      data-testid="m-patrol-tile"
    >
      <AimOutlined className="cgm-patrol-tile-icon" />
      <div className="cgm-patrol-tile-text">
        {active ? (
          <>
            <b>巡查中 {clock(Date.now() - active.startedAt)}</b>
            <span className="cgm-muted">
              {active.areaNames.join('、')} · 已记录 {active.fixes} 个轨迹点
            </span>
          </>
        ) : (
          <>
            <b>开始巡查</b>
            <span className="cgm-muted">
              记录巡查轨迹、同行人员和发现的问题{pending ? ` · 待发送 ${pending} 条` : ''}
            </span>
          </>
        )}
      </div>
      <RightOutlined />
    </Link>
  );
}
