import { useParams } from 'react-router';
import { usePublicSettings } from '../../../app/settings';
import { useApiQuery } from '../../../lib/query';
import { casesApi, type CaseDetail, type CasePhoto } from '../api';
import { formatTime } from '../components/CaseTags';
import { caseSourceLabel, photoRoleLabel } from '../labels';
import { PrintFrame, SignatureBlock } from './PrintFrame';

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
  return (
    <>
      <h1 className="cg-print-title">{districtName}网格化问题案卷</h1>
      <div className="cg-print-meta">
        <span>
          案卷号：<b data-testid="print-case-number">{c.caseNumber}</b>
        </span>
        <span>打印时间：{formatTime(new Date().toISOString())}</span>
      </div>
      <table className="cg-print-table cg-print-fields">
        <tbody>
          <tr>
            <th>问题类别</th>
            <td>{c.categoryName}</td>
            <th>问题来源</th>
            <td>{caseSourceLabel[c.source] ?? '其他'}</td>
          </tr>
          <tr>
            <th>上报时间</th>
            <td>{formatTime(c.reportedAt)}</td>
            <th>当前状态</th>
            <td>
              {c.statusName}
              {c.fixedOnSpot ? '（立行整改）' : ''}
              {c.reconciledAt ? '，已销号' : ''}
            </td>
          </tr>
          <tr>
            <th>所属区域</th>
            <td colSpan={3}>{place}</td>
          </tr>
          <tr>
            <th>地址</th>
            <td colSpan={3}>
              {c.address || '—'}
              {c.location ? `（经纬度 ${c.location.lng.toFixed(6)}, ${c.location.lat.toFixed(6)}）` : ''}
            </td>
          </tr>
          <tr>
            <th>问题描述</th>
            <td colSpan={3}>{c.description}</td>
          </tr>
          <tr>
            <th>责任单位</th>
            <td>{c.assignedUnitName ?? '—'}</td>
            <th>处置时限</th>
            <td>{formatTime(c.deadline)}</td>
          </tr>
          <tr>
            <th>结案时间</th>
            <td>{formatTime(c.closedAt)}</td>
            <th>返工 / 延期</th>
            <td>
              返工 {c.reworkCount} 次，延期 {c.extensionCount} 次
            </td>
          </tr>
        </tbody>
      </table>

      <Photos photos={c.photos} />

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

function Photos({ photos }: { photos: CasePhoto[] }) {
  if (!photos.length) return null;
  return (
    <>
      <div className="cg-print-section">现场照片</div>
      <div className="cg-print-photos">
        {photos.map((p, i) => (
          <figure key={`${p.fileId}-${i}`}>
            <img src={p.thumbnailUrl} alt={photoRoleLabel[p.role ?? 'evidence']} />
            <figcaption>{photoRoleLabel[p.role ?? 'evidence']}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
