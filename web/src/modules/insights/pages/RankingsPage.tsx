import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { XlsxButton } from '../../../components/XlsxButton';
import { RankingFilters } from '../components/RankingFilters';
import { RankingTable } from '../components/RankingTable';
import { rankingMarks } from '../ranking-marks';
import { rankingsApi } from '../rankings-api';
import { useRanking } from '../use-ranking';
import '../rankings.css';

/** 排名通报: the areas under a unit ranked by a measure for a period, 名次变化 since the period before. */
export default function RankingsPage() {
  const navigate = useNavigate();
  const { measures, catalogError, params, preset, update, search, table } = useRanking();
  const data = table.data;
  const marks = useMemo(
    () => rankingMarks((data?.rows ?? []).map((r) => ({ id: r.unit.id, rank: r.cells[0]!.rank }))),
    [data],
  );
  const name = (ids: Set<string>) =>
    (data?.rows ?? [])
      .filter((r) => ids.has(r.unit.id))
      .map((r) => r.unit.name)
      .join('、');
  const measure = data?.measures[0];
  return (
    <Card
      title="排名通报"
      extra={
        params && (
          <Space>
            <XlsxButton href={rankingsApi.exportUrl(params)} disabled={!data} data-testid="ranking-export" />
            <Button
              icon={<PrinterOutlined />}
              disabled={!data}
              onClick={() => navigate(`print?${search}`)}
              data-testid="ranking-print"
            >
              打印
            </Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {catalogError && <ErrorAlert error={catalogError} />}
        {measures && params && <RankingFilters measures={measures} params={params} preset={preset} update={update} />}
        {table.error && <ErrorAlert error={table.error} />}
        {data && measure && (
          <>
            <Typography.Text type="secondary" data-testid="ranking-caption">
              {data.unit.name} · {data.from} 至 {data.to}
              {data.previousPeriod
                ? ` · 与上期（${data.previousPeriod.from} 至 ${data.previousPeriod.to}）比较`
                : ' · 时点数，不与上期比较'}
              {` · ${measure.better === 'higher' ? '数值越高' : '数值越低'}排名越前`}
            </Typography.Text>
            {marks.top.size > 0 && (
              <Alert
                type={marks.bottom.size ? 'warning' : 'info'}
                showIcon
                message={
                  <span>
                    前三位：{name(marks.top)}
                    {marks.bottom.size > 0 && `；后三位：${name(marks.bottom)}`}
                  </span>
                }
              />
            )}
            <RankingTable
              measure={measure}
              rows={data.rows}
              bottom={marks.bottom}
              compared={!!data.previousPeriod}
              loading={table.loading}
              onDrill={(unitId) => update({ unitId }, true)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              指标定义：{measure.definition}
            </Typography.Text>
          </>
        )}
      </Space>
    </Card>
  );
}
