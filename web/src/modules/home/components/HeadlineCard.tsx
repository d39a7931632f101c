import { Card, Empty, Skeleton, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { MeasureFigure, Workbench } from '../../insights/api';
import { formatFigure, formatParts } from '../../insights/format';

/** A figure, clickable into the list behind it when there is one; a rate's two counts on hover. */
function Figure({ m, f }: { m: Workbench['headline']['measures'][number]; f: MeasureFigure | undefined }) {
  if (!f) return <span className="cg-headline-value">—</span>;
  const text = formatFigure(m, f.value, false);
  const parts = formatParts(f);
  const body = f.link ? (
    <Link to={f.link} className="cg-headline-value" data-testid={`headline-${m.code}`}>
      {text}
    </Link>
  ) : (
    <span className="cg-headline-value">{text}</span>
  );
  return parts ? <Tooltip title={parts}>{body}</Tooltip> : body;
}

/** 本辖区今日 / 本月: the scope's headline numbers from the 工作台's reply. */
export function HeadlineCard({ data, loading }: { data: Workbench | undefined; loading: boolean }) {
  const h = data?.headline;
  const of = (list: MeasureFigure[] | undefined, code: string) => list?.find((x) => x.code === code);
  return (
    <Card
      size="small"
      title={data ? `${data.unit.name} · 今日 / 本月` : '本辖区今日 / 本月'}
      data-testid="home-headline"
      style={{ height: '100%' }}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : !h || h.measures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位没有辖区统计数据" />
      ) : (
        <table className="cg-headline">
          <thead>
            <tr>
              <th />
              <th>今日</th>
              <th>本月</th>
            </tr>
          </thead>
          <tbody>
            {h.measures.map((m) => (
              <tr key={m.code}>
                <td>
                  <Tooltip title={m.definition}>
                    <Typography.Text>{m.label}</Typography.Text>
                  </Tooltip>
                  {m.kind === 'count' && m.unit ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      （{m.unit}）
                    </Typography.Text>
                  ) : null}
                </td>
                {m.timing === 'now' ? (
                  <td colSpan={2}>
                    <Figure m={m} f={of(h.today, m.code)} />
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      当前
                    </Typography.Text>
                  </td>
                ) : (
                  <>
                    <td>
                      <Figure m={m} f={of(h.today, m.code)} />
                    </td>
                    <td>
                      <Figure m={m} f={of(h.month, m.code)} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
