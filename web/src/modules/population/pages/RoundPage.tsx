import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Result, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/format-time';
import { CoverageBar } from '../components/CoverageBar';
import { CoverageTable } from '../components/CoverageTable';
import { GridRoundDrawer } from '../components/GridRoundDrawer';
import { PHASE_COLORS, percent, ROUND_PHASE_NAMES } from '../labels';
import { useCoverageDrill, useRound } from '../use-rounds';
import '../population.css';

/** One round: its window and scope, coverage drilled down unit by unit, a grid's gaps and visits. */
export default function RoundPage() {
  const { id = '' } = useParams();
  const round = useRound(id);
  const drill = useCoverageDrill(id);
  const r = round.data;
  const report = drill.report.data;
  const total = report?.total;

  if (round.error?.status === 404)
    return <Result status="404" title="没有这个敲门行动" subTitle="可能已被删除，或不在您的数据范围内。" />;

  return (
    <Spin spinning={round.loading && !r}>
      <Card
        data-testid="round-page"
        title={
          <Space>
            <Link to="/door-knocking">
              <Button type="text" size="small" icon={<ArrowLeftOutlined />} aria-label="返回" />
            </Link>
            {r?.name ?? '敲门行动'}
            {r && <Tag color={PHASE_COLORS[r.phase]}>{ROUND_PHASE_NAMES[r.phase]}</Tag>}
          </Space>
        }
      >
        <ErrorAlert error={round.error} style={{ marginBottom: 12 }} />
        {r && (
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="范围">{r.scope.name}</Descriptions.Item>
            <Descriptions.Item label="起止日期">
              {formatDate(r.startsOn)} 至 {formatDate(r.endsOn)}
            </Descriptions.Item>
            <Descriptions.Item label="发起人">{r.createdByName}</Descriptions.Item>
            <Descriptions.Item label="说明">{r.note ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
        <Space size={40} style={{ marginBottom: 12 }} data-testid="coverage-total">
          <Statistic title="户数" value={total?.households ?? '—'} />
          <Statistic title="已走访" value={total?.visited ?? '—'} />
          <Statistic title="已核实" value={total?.verified ?? '—'} />
          <Statistic title="仅不在家" value={total?.absentOnly ?? '—'} />
          <Statistic title="走访率" value={percent(total?.rate)} />
          <div style={{ width: 240 }}>{total && <CoverageBar rate={total.rate} />}</div>
        </Space>
        <Breadcrumb
          style={{ marginBottom: 8 }}
          data-testid="coverage-path"
          items={drill.path.map((p, i) => ({
            title:
              i < drill.path.length - 1 ? (
                <Typography.Link onClick={() => drill.up(i)}>{p.name}</Typography.Link>
              ) : (
                p.name
              ),
          }))}
        />
        <ErrorAlert error={drill.report.error} style={{ marginBottom: 12 }} />
        <CoverageTable
          rows={report?.rows ?? []}
          loading={drill.report.loading}
          onOpen={(row) => drill.open({ id: row.unitId, name: row.unitName, kind: row.unitKind })}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          点击一行查看下级单位；点击网格查看未走访的户和走访记录。走访率 = 已走访户数 ÷ 范围内户数。
        </Typography.Text>
      </Card>
      <GridRoundDrawer roundId={id} grid={drill.grid} onClose={drill.closeGrid} />
    </Spin>
  );
}
