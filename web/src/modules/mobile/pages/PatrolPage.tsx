import { CameraOutlined, CloudUploadOutlined, EnvironmentOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Empty, Input, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format-time';
import { patrolsApi, type PatrolArea } from '../../patrols/api';
import { useCachedResource } from '../lib/cache';
import { clock, OP_NAMES } from '../lib/patrol-outbox';
import { uuid } from '../lib/patrol-tracker';
import { usePatrol } from '../use-patrol';
import '../patrol.css';

const GPS_TEXT = {
  off: '未定位',
  waiting: '正在定位…',
  ok: '定位正常',
  denied: '定位权限被拒绝，请在浏览器设置中允许定位',
  unavailable: '无法获取位置，请到室外或打开 GPS',
} as const;

function StartForm() {
  const { me, tracker } = usePatrol();
  const areas = useCachedResource(me.id, 'patrol:areas', () => patrolsApi.areas());
  const [kind, setKind] = useState<'grid' | 'farmland'>('grid');
  const [picked, setPicked] = useState<string[]>([]);
  const [people, setPeople] = useState('');
  const items: PatrolArea[] = areas.data?.items ?? [];
  const grids = items.filter((a) => a.kind !== 'village');
  const villages = items.filter((a) => a.kind === 'village');
  const shown = kind === 'grid' ? grids : villages;
  // A grid worker with one grid has it ticked already.
  const chosen =
    shown.length === 1 && picked.length === 0 ? [shown[0]!.id] : picked.filter((id) => shown.some((a) => a.id === id));

  if (areas.loading && !areas.data) return <Skeleton active />;
  if (!items.length)
    return <Empty description={areas.error ? `无法加载可巡查的网格：${areas.error}` : '没有可巡查的网格'} />;

  const start = () => {
    const names = people
      .split(/[，,、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 30);
    tracker.start({
      id: uuid(),
      kind,
      areas: shown.filter((a) => chosen.includes(a.id)).map((a) => ({ id: a.id, name: a.name })),
      companions: names,
      now: Date.now(),
    });
  };

  return (
    <div className="cgm-card" data-testid="m-patrol-start">
      <div className="cgm-card-title">开始巡查</div>
      {villages.length > 0 && (
        <Segmented
          block
          value={kind}
          onChange={(v) => setKind(v as 'grid' | 'farmland')}
          options={[
            { label: '网格巡查', value: 'grid' },
            { label: '耕地巡查', value: 'farmland' },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      <div className="cgm-muted" style={{ marginBottom: 6 }}>
        {kind === 'grid' ? '巡查网格（可多选）' : '巡查行政村的耕地（选一个）'}
      </div>
      <div className="cgm-patrol-areas">
        {shown.map((a) => (
          <Checkbox
            key={a.id}
            checked={chosen.includes(a.id)}
            data-testid="m-patrol-area"
            onChange={(e) =>
              setPicked((cur) =>
                kind === 'farmland'
                  ? e.target.checked
                    ? [a.id]
                    : []
                  : e.target.checked
                    ? [...cur, a.id]
                    : cur.filter((x) => x !== a.id),
              )
            }
          >
            {a.name}
          </Checkbox>
        ))}
      </div>
      <div className="cgm-muted" style={{ margin: '12px 0 6px' }}>
        同行人员（志愿者等，用逗号分隔，可不填）
      </div>
      <Input
        value={people}
        onChange={(e) => setPeople(e.target.value)}
        placeholder="如：张三，李四"
        maxLength={300}
        data-testid="m-patrol-people"
      />
      <Button
        type="primary"
        size="large"
        block
        icon={<EnvironmentOutlined />}
        disabled={chosen.length === 0}
        onClick={start}
        style={{ marginTop: 14 }}
        data-testid="m-patrol-go"
      >
        开始巡查
      </Button>
      <div className="cgm-muted" style={{ marginTop: 8 }}>
        开始后手机记录巡查轨迹；离线时先保存在手机上，联网后自动发送。
      </div>
    </div>
  );
}

function ActivePatrolCard() {
  const { active, gps, tracker, pending } = usePatrol(true);
  const { modal } = App.useApp();
  const navigate = useNavigate();
  if (!active) return null;
  const end = () =>
    modal.confirm({
      title: '结束巡查？',
      content: `已巡查 ${clock(Date.now() - active.startedAt)}，记录 ${active.fixes} 个轨迹点。`,
      okText: '结束巡查',
      cancelText: '继续巡查',
      onOk: () => tracker.end(),
    });
  return (
    <div className="cgm-card" data-testid="m-patrol-active">
      <div className="cgm-card-title">
        {active.kind === 'grid' ? '网格巡查' : '耕地巡查'}：{active.areaNames.join('、')}
      </div>
      <div className="cgm-patrol-clock" data-testid="m-patrol-clock">
        {clock(Date.now() - active.startedAt)}
      </div>
      <div className="cgm-muted" style={{ textAlign: 'center' }}>
        开始于 {formatDateTime(active.startedAt).slice(11)}
        {active.companions.length > 0 && ` · 同行：${active.companions.join('、')}`}
      </div>
      <div className="cgm-patrol-stats">
        <div>
          <b data-testid="m-patrol-fixes">{active.fixes}</b>
          <span className="cgm-muted">轨迹点</span>
        </div>
        <div>
          <b data-testid="m-patrol-cases">{active.linked.length}</b>
          <span className="cgm-muted">发现问题</span>
        </div>
        <div>
          <b>{pending}</b>
          <span className="cgm-muted">待发送</span>
        </div>
      </div>
      <Alert
        type={gps.status === 'ok' ? 'success' : gps.status === 'waiting' ? 'info' : 'warning'}
        showIcon
        message={`${GPS_TEXT[gps.status]}${gps.accuracy != null ? `（精度约 ${gps.accuracy} 米）` : ''}`}
      />
      <div className="cgm-patrol-actions">
        <Button
          size="large"
          block
          icon={<CameraOutlined />}
          onClick={() => navigate('/m/report')}
          data-testid="m-patrol-report"
        >
          上报问题
        </Button>
        <Button
          size="large"
          block
          danger
          type="primary"
          icon={<StopOutlined />}
          onClick={end}
          data-testid="m-patrol-end"
        >
          结束巡查
        </Button>
      </div>
      <div className="cgm-muted" style={{ marginTop: 8 }}>
        巡查中上报的问题发送后自动关联到本次巡查。
      </div>
    </div>
  );
}

function QueueCard() {
  const { queue, book, tracker } = usePatrol();
  if (!queue.length) return null;
  return (
    <div className="cgm-card" data-testid="m-patrol-queue">
      <div className="cgm-card-title">
        <CloudUploadOutlined /> 巡查记录待发送 {queue.length} 条
      </div>
      {queue.map((o) => (
        <div key={o.key} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
          <span style={{ flex: 1 }}>
            {OP_NAMES[o.op]}
            {o.op === 'track' && `（${o.points.length} 个点）`}
            {o.op === 'link' && ` ${o.caseNumber}`}
            {o.lastError && <div className="cgm-muted">{o.lastError}</div>}
          </span>
          {o.state === 'rejected' ? (
            <>
              <Tag color="red">服务器拒收</Tag>
              <Button size="small" onClick={() => book.discard(o.key)}>
                删除
              </Button>
            </>
          ) : (
            <Tag color="orange">待发送</Tag>
          )}
        </div>
      ))}
      <Button block onClick={() => void tracker.flush()}>
        立即发送
      </Button>
    </div>
  );
}

/** /m/patrol: 开始巡查 (grids or a village's farmland, people along), the patrol under way, 结束巡查. */
export default function PatrolPage() {
  const { me, active } = usePatrol();
  if (!me.permissions.includes('patrol.record')) return <Empty description="当前账号不能记录巡查" />;
  return (
    <div className="cgm-page cgm-patrol-stack" data-testid="m-patrol-page">
      {active ? <ActivePatrolCard /> : <StartForm />}
      <QueueCard />
    </div>
  );
}
