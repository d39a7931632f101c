import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Dashboard, MeasureInfo } from '../api';
import { formatFigure, formatParts } from '../format';

/** The measures in the modules' order, grouped by their module's name on screen. */
function groups(measures: readonly MeasureInfo[]): [string, MeasureInfo[]][] {
  const out = new Map<string, MeasureInfo[]>();
  for (const m of measures) out.set(m.group, [...(out.get(m.group) ?? []), m]);
  return [...out];
}

/** One tile per measure, grouped by module: the figure, a rate's two counts, the definition on hover; a click opens the list behind it. */
export function MeasureTiles({ data }: { data: Dashboard }) {
  const navigate = useNavigate();
  const figure = new Map(data.figures.map((f) => [f.code, f]));
  return (
    <Row gutter={[12, 12]}>
      {groups(data.measures).map(([group, ms]) => (
        <Col key={group} xs={24} lg={ms.length > 4 ? 24 : 12} xxl={ms.length > 4 ? 16 : 8}>
          <Card size="small" title={group} data-testid="insight-group">
            <Row gutter={[8, 8]}>
              {ms.map((m) => {
                const f = figure.get(m.code);
                const parts = f ? formatParts(f) : null;
                return (
                  <Col key={m.code} flex="1 0 150px">
                    <Tooltip title={m.definition} placement="bottom">
                      <div
                        className="cg-insight-tile"
                        data-testid="insight-tile"
                        data-code={m.code}
                        role={f?.link ? 'link' : undefined}
                        style={{ cursor: f?.link ? 'pointer' : 'default' }}
                        onClick={() => f?.link && navigate(f.link)}
                      >
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {m.label}
                          {m.timing === 'now' && (
                            <Tag bordered={false} style={{ marginLeft: 6, fontSize: 11 }}>
                              此刻
                            </Tag>
                          )}
                        </Typography.Text>
                        <div className="cg-insight-figure">{f ? formatFigure(m, f.value) : '—'}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {parts ?? '\u00a0'}
                        </Typography.Text>
                      </div>
                    </Tooltip>
                  </Col>
                );
              })}
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
