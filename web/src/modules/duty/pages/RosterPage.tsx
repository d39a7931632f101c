import { CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Modal, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { XlsxButton } from '../../../components/XlsxButton';
import { ApiError, errorText } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { dutyApi, type RosterDay } from '../api';
import { RosterDayModal } from '../components/RosterDayModal';
import { RosterWeekGrid } from '../components/RosterWeekGrid';
import { addDays, mondayOf, todayInShanghai } from '../labels';

/** Days from a month's first to its last, for the month export. */
function monthOf(day: string): { from: string; days: number } {
  const from = `${day.slice(0, 7)}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, days: Math.round((next.getTime() - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) };
}

/** 值班排班: a community's week — duty cadre, volunteers, grids covered — with 缺岗 marked, copied forward, exported. */
export default function RosterPage() {
  const me = useMe();
  const { can } = useAuth();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  // A community's own cadre starts on their community; others pick one.
  const [unitId, setUnitId] = useState<string | undefined>(
    me.roles.includes('community_worker') ? me.unitId : undefined,
  );
  const [week, setWeek] = useState(() => mondayOf(todayInShanghai()));
  const [editing, setEditing] = useState<RosterDay | null>(null);
  const [copying, setCopying] = useState(false);
  const roster = useApiQuery(
    ['duty', 'roster', unitId ?? '', week],
    (signal) => dutyApi.roster(unitId!, week, 7, signal),
    undefined,
    { enabled: !!unitId },
  );
  const canWrite = can('duty.write') && !!roster.data?.canWrite;
  const refresh = () => invalidate(['duty', 'roster']);

  const copy = async (overwrite: boolean) => {
    setCopying(true);
    try {
      const r = await dutyApi.copyForward(unitId!, week, overwrite);
      message.success(r.copied ? `已从上周复制 ${r.copied} 天` : '上周没有值班安排可复制');
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && !overwrite)
        Modal.confirm({
          title: '本周已有值班安排',
          content: `${errorText(e)}`,
          okText: '覆盖',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: () => copy(true),
        });
      else message.error(errorText(e));
    } finally {
      setCopying(false);
    }
  };

  const month = monthOf(week);
  return (
    <Card
      title="值班排班"
      extra={
        unitId && (
          <Space>
            {canWrite && (
              <Button icon={<CopyOutlined />} loading={copying} onClick={() => copy(false)} data-testid="roster-copy">
                复制上周
              </Button>
            )}
            <XlsxButton href={dutyApi.exportUrl(unitId, week, 7)}>导出本周</XlsxButton>
            <XlsxButton href={dutyApi.exportUrl(unitId, month.from, month.days)}>导出本月</XlsxButton>
          </Space>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="选择社区"
          selectableKinds={['community', 'village']}
          style={{ width: 240 }}
          value={unitId}
          onChange={setUnitId}
          data-testid="roster-unit"
        />
        <Button icon={<LeftOutlined />} onClick={() => setWeek(addDays(week, -7))}>
          上一周
        </Button>
        <Button onClick={() => setWeek(mondayOf(todayInShanghai()))}>本周</Button>
        <Button onClick={() => setWeek(addDays(week, 7))}>
          下一周 <RightOutlined />
        </Button>
        <Typography.Text strong>
          {week} 至 {addDays(week, 6)}
        </Typography.Text>
        {roster.data && (
          <Statistic
            value={roster.data.gapDays}
            suffix="天缺岗"
            valueStyle={{ fontSize: 16, color: roster.data.gapDays ? '#cf1322' : '#3f8600' }}
            data-testid="roster-gap-days"
          />
        )}
      </Space>
      <ErrorAlert error={roster.error} style={{ marginBottom: 12 }} />
      {!unitId ? (
        <Empty description="请选择社区或行政村" />
      ) : (
        roster.data && <RosterWeekGrid roster={roster.data} onEdit={canWrite ? setEditing : undefined} />
      )}
      {canWrite && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          点击日期编排当天值班；红色为缺岗（无带班干部或网格无人负责），前一天下午会提醒社区。
        </Typography.Paragraph>
      )}
      {editing && roster.data && (
        <RosterDayModal
          roster={roster.data}
          day={editing}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await refresh();
          }}
        />
      )}
    </Card>
  );
}
