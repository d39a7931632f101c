import { useParams } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { useApiQuery } from '../../../lib/query';
import { casesApi, type CaseDetail } from '../api';
import { formatTime } from '../components/CaseTags';
import { caseSourceLabel } from '../labels';
import { FieldTable, PrintFrame, PrintPhotos, SignatureBlock } from './PrintFrame';

/** 案卷: the case sheet an office files — what, where, who did what when, the photos, and signatures. */
export default function PrintCasePage() {
  const { id = '' } = useParams();
  const settings = usePublicSettings();
  const { data: c, loading, error } = useApiQuery(['cases', 'detail', id], (signal) => casesApi.get(id, signal));
  return (
    <PrintFrame name="案卷" loading={loading && !c} error={error} testId="print-case">
      {c && <CaseSheet c={c} districtName={settings.districtName} />}
    </PrintFrame>
  );
}

function CaseSheet({ c, districtName }: { c: CaseDetail; districtName: string }) {
  const place = [c.subdistrictName, c.communityName, c.gridName].filter(Boolean).join(' / ') || '不在网格内';
  const status = `${c.statusName}${c.fixedOnSpot ? '（立行整改）' : ''}${c.reconciledAt ? '，已销号' : ''}`;
  const where = `${c.address || '—'}${c.location ? `（经纬度 ${c.location.lng.toFixed(6)}, ${c.location.lat.toFixed(6)}）` : ''}`;
  return (
    <>
      <h1 className="cg-print-title">{districtName}网格化问题案卷</h1>
      <div className="cg-print-meta">
        <span>
          案卷号：<b data-testid="print-case-number">{c.caseNumber}</b>
        </span>
        <span>打印时间：{formatTime(new Date().toISOString())}</span>
      </div>
      <FieldTable
        rows={[
          ['问题类别', c.categoryName, '问题来源', caseSourceLabel[c.source] ?? '其他'],
          ['上报时间', formatTime(c.reportedAt), '当前状态', status],
          ['所属区域', place],
          ['地址', where],
          ['问题描述', c.description],
          ['责任单位', c.assignedUnitName ?? '—', '处置时限', formatTime(c.deadline)],
          ['结案时间', formatTime(c.closedAt), '返工 / 延期', `返工 ${c.reworkCount} 次，延期 ${c.extensionCount} 次`],
        ]}
      />

      <PrintPhotos photos={c.photos} />

      <div className="cg-print-section">办理过程</div>
      <table className="cg-print-table" data-testid="print-case-timeline">
        <colgroup>
          <col style={{ width: '3.2em' }} />
          <col style={{ width: '9.5em' }} />
          <col style={{ width: '6em' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '8em' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>时间</th>
            <th>环节</th>
            <th>单位</th>
            <th>办理人</th>
            <th>意见</th>
          </tr>
        </thead>
        <tbody>
          {c.actions.map((a, i) => (
            <tr key={a.seq}>
              <td>{i + 1}</td>
              <td>{formatTime(a.at)}</td>
              <td>{a.typeName}</td>
              <td>{a.unitName ?? '—'}</td>
              <td>{a.actorName ?? '系统'}</td>
              <td>{a.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <SignatureBlock labels={['经办人（签字）', '核查人（签字）', '审核人（签字）']} />
    </>
  );
}
