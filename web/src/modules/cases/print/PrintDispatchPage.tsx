import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { useApiQuery } from '../../../lib/query';
import { casesApi, type CaseActionEntry, type CaseDetail, type TimeLimit } from '../api';
import { formatTime } from '../components/CaseTags';
import { timeLimitText } from '../labels';
import { FieldTable, PrintFrame, PrintPhotos, SignatureBlock } from './PrintFrame';

interface DispatchPayload {
  unitId?: string;
  timeLimit?: TimeLimit;
  deadline?: string;
}

/** 派遣单: the order that goes with a dispatch — to whom, by when, what and where — and its receipt. */
export default function PrintDispatchPage() {
  const { id = '' } = useParams();
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const { data: c, loading, error } = useApiQuery(['cases', 'detail', id], (signal) => casesApi.get(id, signal));
  const dispatches = c?.actions.filter((a) => a.type === 'dispatch') ?? [];
  const last = dispatches.at(-1);
  if (c && !last) {
    return (
      <div data-testid="print-dispatch-none">
        <Result
          status="info"
          title="该案卷尚未派遣，没有派遣单"
          extra={<Button onClick={() => navigate(-1)}>返回</Button>}
        />
      </div>
    );
  }
  return (
    <PrintFrame name="派遣单" loading={loading && !c} error={error} testId="print-dispatch">
      {c && last && <DispatchSheet c={c} d={last} n={dispatches.length} districtName={settings.districtName} />}
    </PrintFrame>
  );
}

function DispatchSheet({
  c,
  d,
  n,
  districtName,
}: {
  c: CaseDetail;
  d: CaseActionEntry;
  n: number;
  districtName: string;
}) {
  const p = d.payload as DispatchPayload;
  // The unit it went to: the case's unit while this dispatch stands; after a return the order names none.
  const target = c.assignedUnitId && c.assignedUnitId === p.unitId ? c.assignedUnitName : null;
  const place = [c.subdistrictName, c.communityName, c.gridName].filter(Boolean).join(' / ');
  return (
    <>
      <h1 className="cg-print-title">{districtName}网格化问题派遣单</h1>
      <div className="cg-print-meta">
        <span>
          派遣单号：<b data-testid="print-dispatch-number">{`${c.caseNumber}-${String(n).padStart(2, '0')}`}</b>
        </span>
        <span>打印时间：{formatTime(new Date().toISOString())}</span>
      </div>
      <FieldTable
        rows={[
          ['案卷号', c.caseNumber, '问题类别', c.categoryName],
          ['派遣单位', d.unitName ?? '—', '派遣人', d.actorName ?? '系统'],
          [
            '责任单位',
            <span data-testid="print-dispatch-unit">{target ?? '（已退回）'}</span>,
            '派遣时间',
            formatTime(d.at),
          ],
          ['处置时限', timeLimitText(p.timeLimit), '办结期限', formatTime(p.deadline)],
          ['问题地点', `${place}${c.address ? `，${c.address}` : ''}`],
          ['问题描述', c.description],
          ['派遣意见', d.comment || '—'],
        ]}
      />
      <PrintPhotos photos={c.photos.filter((x) => x.role !== 'after').slice(0, 6)} />
      <div className="cg-print-section">签收回执（责任单位填写）</div>
      <table className="cg-print-table cg-print-fields">
        <tbody>
          <tr>
            <th>签收人</th>
            <td />
            <th>签收时间</th>
            <td>{'\u3000\u3000年\u3000\u3000月\u3000\u3000日\u3000\u3000时'}</td>
          </tr>
          <tr>
            <th>处置情况</th>
            <td colSpan={3} className="cg-print-blank" />
          </tr>
        </tbody>
      </table>
      <SignatureBlock labels={['派遣人（签字）', '签收人（签字）', '责任单位负责人（签字）']} />
    </>
  );
}
