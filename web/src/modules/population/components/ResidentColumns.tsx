import { EyeOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Resident } from '../api';
import {
  HOUSEHOLD_RELATION_NAMES,
  RESIDENCE_KIND_NAMES,
  RESIDENT_STATUS_NAMES,
  SEX_NAMES,
  STATUS_COLORS,
} from '../labels';

interface Options {
  nameOfTag(code: string): string;
  canReveal: boolean;
  canWrite: boolean;
  onReveal(r: Resident): void;
  onMove(r: Resident): void;
  onHistory(r: Resident): void;
  /** The resident list shows where each lives; a household's member list shows the relation instead. */
  withAddress: boolean;
}

const masked = (v: string | null) =>
  v ? <span className="cg-mono">{v}</span> : <Typography.Text type="secondary">未登记</Typography.Text>;

/** The columns of a resident table (居民 tab and a household's members): ID numbers and phones masked. */
export function residentColumns(o: Options): ColumnsType<Resident> {
  return [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (n: string, r) => (
        <Space size={4}>
          <Typography.Text strong>{n}</Typography.Text>
          {r.pendingReview && (
            <Tooltip title="同一身份证号登记了不同姓名，等待合并审核">
              <Tag color="orange" bordered={false}>
                待审核
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '性别/年龄',
      key: 'age',
      width: 90,
      render: (_, r) => `${r.sex ? SEX_NAMES[r.sex] : '—'} / ${r.age ?? '—'}`,
    },
    { title: '身份证号', dataIndex: 'idNumber', width: 180, render: masked },
    { title: '电话', dataIndex: 'phone', width: 130, render: masked },
    o.withAddress
      ? {
          title: '住址',
          key: 'address',
          ellipsis: true,
          render: (_, r) => r.household?.address ?? <Typography.Text type="secondary">未入户</Typography.Text>,
        }
      : {
          title: '与户主关系',
          dataIndex: 'relation',
          width: 100,
          render: (k: Resident['relation']) => (k ? HOUSEHOLD_RELATION_NAMES[k] : '—'),
        },
    {
      title: '人口类型',
      dataIndex: 'residenceKind',
      width: 90,
      render: (k: Resident['residenceKind']) => RESIDENCE_KIND_NAMES[k],
    },
    {
      title: '标签',
      dataIndex: 'tags',
      width: 150,
      render: (tags: string[]) =>
        tags.map((t) => (
          <Tag key={t} color="blue" bordered={false} style={{ marginBottom: 2 }}>
            {o.nameOfTag(t)}
          </Tag>
        )),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 76,
      render: (s: Resident['status']) => <Tag color={STATUS_COLORS[s]}>{RESIDENT_STATUS_NAMES[s]}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: o.canWrite ? 215 : 120,
      render: (_, r) => (
        <Space size={0}>
          {o.canReveal && r.masked && (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              onClick={() => o.onReveal(r)}
              data-testid="resident-reveal"
            >
              查看
            </Button>
          )}
          {o.canWrite && r.status === 'active' && (
            <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => o.onMove(r)}>
              搬迁
            </Button>
          )}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => o.onHistory(r)}>
            记录
          </Button>
        </Space>
      ),
    },
  ];
}
