import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../../lib/format-time';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { briefingsApi } from '../briefings-api';
import { periodText } from '../briefing-periods';
import { BriefingFootnotes, BriefingText } from '../components/BriefingText';
import '../briefing-print.css';

/** The briefing on a sheet of A4: title, period, text with raised markers, notes, issuer. Printed, the console drops away. */
export default function BriefingPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const version = params.get('version') ? Number(params.get('version')) : null;
  const b = useApiQuery(['insights', 'briefings', 'print', id, version], async (s) => {
    const d = await briefingsApi.get(id, s);
    if (version === null || version === d.version) return d;
    const v = await briefingsApi.version(id, version, s);
    return { ...d, ...v, version: v.version };
  });
  if (b.error) return <ErrorAlert error={b.error} />;
  const d = b.data;
  if (!d) return <Card loading />;
  const issued = d.version !== null ? d.versions.find((v) => v.version === d.version) : undefined;
  return (
    <div data-testid="briefing-print">
      <div className="cg-no-print" style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          返回
        </Button>
        <Space>
          <span>打印预览（A4）</span>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      <div className="cg-briefing-sheet">
        <h1>{d.title}</h1>
        <div className="cg-briefing-period">（{periodText(d.from, d.to)}）</div>
        <BriefingText text={d.text} figures={d.figures} />
        <div className="cg-briefing-notes">
          <strong>附注：</strong>
          <BriefingFootnotes figures={d.figures} />
        </div>
        <div className="cg-briefing-sign">
          {issued
            ? `签发：${issued.issuedBy}\u3000第${issued.version}版\u3000${formatDate(issued.issuedAt)}`
            : '草稿（未签发）'}
        </div>
      </div>
    </div>
  );
}
