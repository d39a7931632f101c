import { CheckOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Roster, RosterDay } from '../api';
import { dayLabel } from '../labels';

interface Row {
  key: string;
  label: string;
  render(d: RosterDay): React.ReactNode;
}

const gap = <Tag color="error">缺岗</Tag>;

/**
 * A community's week as a grid: a column per day, rows for the duty cadre, the volunteers and each
 * small grid; 缺岗 in red where a day has no cadre or a grid nobody covers. A day's header opens it.
 */
export function RosterWeekGrid({ roster, onEdit }: { roster: Roster; onEdit?: (day: RosterDay) => void }) {
  const rows: Row[] = [
    { key: 'cadre', label: '带班干部', render: (d) => (d.cadre ? d.cadre.name : gap) },
    {
      key: 'volunteers',
      label: '志愿者',
      render: (d) =>
        d.volunteers.length ? (
          <Typography.Text style={{ fontSize: 12 }}>{d.volunteers.join('、')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    ...roster.grids.map((g) => ({
      key: g.id,
      label: g.name,
      render: (d: RosterDay) =>
        d.gaps.uncoveredGridIds.includes(g.id) ? gap : <CheckOutlined style={{ color: '#52c41a' }} />,
    })),
  ];
  const columns: TableColumnsType<Row> = [
    { title: '', key: 'label', width: 140, render: (_: unknown, r) => <strong>{r.label}</strong> },
    ...roster.days.map((d) => {
      const hasGap = d.gaps.noCadre || d.gaps.uncoveredGridIds.length > 0;
      return {
        key: d.day,
        align: 'center' as const,
        title: onEdit ? (
          <Button size="small" type="link" onClick={() => onEdit(d)} data-testid={`roster-edit-${d.day}`}>
            {dayLabel(d.day)}
          </Button>
        ) : (
          dayLabel(d.day)
        ),
        onCell: () => ({ style: hasGap ? { background: '#fff1f0' } : {} }),
        render: (_: unknown, r: Row) => r.render(d),
      };
    }),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ y: 420 }}
      data-testid="roster-grid"
    />
  );
}
