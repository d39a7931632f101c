import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth';
import { useApiQuery } from '../../../lib/query';
import { supervisionApi, type MeetingSummary } from '../api';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { MEETING_KIND_LABELS } from '../labels';
import '../supervision.css';

export function yearOptions(): { value: number; label: string }[] {
  const y = new Date().getFullYear();
  return [y + 1, y, y - 1, y - 2, y - 3].map((v) => ({ value: v, label: `${v} 年` }));
}

/** 会议: the meetings of a year with their decisions and the tasks they became. */
export default function MeetingListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const meetings = useApiQuery(
    ['supervision', 'meetings', year],
    (signal) => supervisionApi.meetings(year, signal),
    undefined,
    {
      toastError: true,
    },
  );
  const items = meetings.error ? [] : (meetings.data?.items ?? []);

  return (
    <Card
      title="会议"
      data-testid="meeting-list-page"
      extra={
        <Space>
          <Select
            value={year}
            onChange={setYear}
            options={yearOptions()}
            style={{ width: 110 }}
            data-testid="meeting-year"
          />
          {can('task.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="meeting-new-button"
            >
              新建会议
            </Button>
          )}
        </Space>
      }
    >
      <Table<MeetingSummary>
        className="cg-sv-table"
        rowKey="id"
        loading={meetings.loading}
        dataSource={items}
        pagination={false}
        data-testid="meeting-table"
        locale={{ emptyText: `${year} 年暂无会议记录` }}
        onRow={(m) =>
          ({
            onClick: () => navigate(`/supervision/meetings/${m.id}`),
            'data-testid': 'meeting-row',
            'data-meeting-id': m.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: '日期',
            dataIndex: 'heldOn',
            width: 120,
            render: (d: string) => <span className="cg-mono">{d}</span>,
          },
          {
            title: '会议',
            dataIndex: 'title',
            render: (t: string, m) => (
              <Link
                to={`/supervision/meetings/${m.id}`}
                onClick={(e) => e.stopPropagation()}
                data-testid="meeting-link"
              >
                {t}
              </Link>
            ),
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 120,
            render: (k: MeetingSummary['kind']) => <Tag>{MEETING_KIND_LABELS[k] ?? k}</Tag>,
          },
          {
            title: '主持人',
            dataIndex: ['chair', 'name'],
            width: 120,
            render: (n?: string) => n ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          { title: '事项', dataIndex: 'itemCount', width: 80, align: 'right' },
          { title: '转为任务', dataIndex: 'taskCount', width: 100, align: 'right' },
        ]}
      />
      <MeetingFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/supervision/meetings/${id}`);
        }}
      />
    </Card>
  );
}
