import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { errorText } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format-time';
import { formatFigure, formatParts } from '../format';
import { rankingMarks } from '../ranking-marks';
import type { RankingTable } from '../rankings-api';
import { useRanking } from '../use-ranking';
import './print-ranking.css';

const AREA_NOUN: Record<string, string> = {
  subdistrict: '街道',
  township: '乡镇',
  community: '社区',
  village: '村',
  grid_large: '网格',
  grid_small: '网格',
};
const short = (name: string) => name.replace(/办事处$/, '');

/** The ranking as the 通报 offices issue: A4 portrait; printed, the console and the toolbar drop away. */
export default function PrintRankingPage() {
  const navigate = useNavigate();
  const { table } = useRanking();
  if (table.error)
    return (
      <Result
        status="error"
        title="排名通报无法打印"
        subTitle={errorText(table.error)}
        extra={<Button onClick={() => navigate(-1)}>返回</Button>}
      />
    );
  return (
    <div data-testid="print-ranking">
      <div className="cg-rank-print-toolbar cg-no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          返回
        </Button>
        <Space>
          <Typography.Text type="secondary">打印预览：排名通报（A4）</Typography.Text>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!table.data} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      {table.data ? (
        <div className="cg-rank-print-sheet">
          <RankingSheet t={table.data} />
        </div>
      ) : (
        <Card style={{ maxWidth: '210mm', margin: '0 auto' }}>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      )}
    </div>
  );
}

function RankingSheet({ t }: { t: RankingTable }) {
  const m = t.measures[0]!;
  const rate = m.kind === 'rate';
  const nouns = [...new Set(t.rows.map((r) => AREA_NOUN[r.unit.kind] ?? '单位'))].join('、') || '单位';
  const marks = useMemo(() => rankingMarks(t.rows.map((r) => ({ id: r.unit.id, rank: r.cells[0]!.rank }))), [t]);
  const names = (ids: Set<string>) =>
    t.rows
      .filter((r) => ids.has(r.unit.id))
      .map((r) => r.unit.name)
      .join('、');
  const taken = formatDateTime(t.asOf);
  const issued = dayjs(formatDate(t.asOf)).format('YYYY年M月D日');
  return (
    <>
      <h1 className="cg-rank-print-title" data-testid="print-ranking-title">
        关于{short(t.unit.name)}各{nouns}
        {m.label}排名情况的通报
      </h1>
      <p className="cg-rank-print-lead">
        {/* A snapshot (在办问题数 …) is counted at the moment taken, not over the period. */}
        现将{m.timing === 'now' ? `截至${taken}` : `${t.from} 至 ${t.to}`}
        {short(t.unit.name)}各{nouns}
        {m.label}排名情况通报如下：
      </p>
      <table className="cg-rank-print-table">
        <thead>
          <tr>
            <th style={{ width: '7%' }}>排名</th>
            <th>单位</th>
            <th style={{ width: '13%' }}>{m.label}</th>
            {rate && <th style={{ width: '13%' }}>分子 / 分母</th>}
            {t.previousPeriod && (
              <>
                <th style={{ width: '11%' }}>上期排名</th>
                <th style={{ width: '11%' }}>名次变化</th>
                <th style={{ width: '12%' }}>上期值</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => {
            const c = r.cells[0]!;
            return (
              <tr key={r.unit.id} className={marks.bottom.has(r.unit.id) ? 'bottom' : undefined}>
                <td className="c">{c.rank ?? '—'}</td>
                <td>{r.unit.name}</td>
                <td className="n">{formatFigure(m, c.value)}</td>
                {rate && <td className="n">{formatParts(c)}</td>}
                {t.previousPeriod && (
                  <>
                    <td className="c">{c.previous?.rank ?? '—'}</td>
                    <td className="c">{c.movement.label}</td>
                    <td className="n">{formatFigure(m, c.previous?.value ?? null)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {marks.top.size > 0 && (
        <p>
          排名前三位的是：{names(marks.top)}。
          {marks.bottom.size > 0 && `排名后三位的是：${names(marks.bottom)}，请查找原因、抓紧整改。`}
        </p>
      )}
      <div className="cg-rank-print-note">
        <div>
          指标定义：{m.label}——{m.definition}；{m.better === 'higher' ? '数值越高' : '数值越低'}
          排名越前，数值相同名次并列，无可统计数据的单位不参与排名。
        </div>
        {t.previousPeriod && (
          <div>
            上期：{t.previousPeriod.from} 至 {t.previousPeriod.to}；“新上榜”为上期未参与排名。
          </div>
        )}
        <div>统计时间：{taken}（数据截至该时刻）</div>
      </div>
      <div className="cg-rank-print-sign">
        <div>{t.unit.name}</div>
        <div>{issued}</div>
      </div>
    </>
  );
}
