import { Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { reportingApi, type MissingReport } from '../api';
import { periodLabel } from '../labels';
import { formatDateTime } from '../../../lib/format-time';

const PAGE = 20;

/** 未到期: reports owed and not in whose deadline (with grace days) has not passed; paged by the server. */
export function NotDueTable({
  formId,
  unitId,
  from,
  to,
  total,
}: {
  formId: string;
  unitId?: string;
  from: string;
  to: string;
  total: number;
}) {
  const [page, setPage] = useState(1);
  const q = useApiQuery(
    ['reporting', 'completeness', 'notDue', formId, unitId ?? null, from, to, total, page],
    (signal) =>
      reportingApi.completeness(
        formId,
        { unitId, from, to, list: 'notDue', missingOffset: (page - 1) * PAGE, missingLimit: PAGE },
        signal,
      ),
    undefined,
    { toastError: true, enabled: total > 0, keepPrevious: false },
  );
  const columns: TableColumnsType<MissingReport> = [
    { title: '单位', dataIndex: 'unitName', key: 'unitName' },
    { title: '报告期', dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
    {
      title: '截止时间',
      dataIndex: 'deadline',
      key: 'deadline',
      render: (d: string) => formatDateTime(d),
    },
    { title: '状态', key: 'state', render: () => <Tag color="blue">未到期</Tag> },
  ];
  return (
    <Table<MissingReport>
      size="small"
      rowKey={(r) => `${r.unitId}|${r.period}`}
      loading={q.loading}
      dataSource={total > 0 ? (q.data?.missing ?? []) : []}
      columns={columns}
      pagination={
        total > PAGE ? { current: page, pageSize: PAGE, total, showSizeChanger: false, onChange: setPage } : false
      }
      locale={{ emptyText: '没有未到期的报告' }}
      onRow={(r) => ({ 'data-unit': r.unitName, 'data-period': r.period }) as React.HTMLAttributes<HTMLElement>}
      data-testid="comp-notdue-table"
    />
  );
}
