import { CheckOutlined, CloseOutlined, CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { DeadlineTag, StatusTag } from '../components/CaseBits';
import { GridMap } from '../components/GridMap';
import { fullTime, shortTime } from '../labels';
import { useCaseView } from '../use-case-view';
import { CaseTimelineCard, Thumbs, VerifySheet } from '../components/CaseViewSections';
import { CrewActionBar, CrewSheet } from '../components/CrewSteps';
import { ACTION_NAMES, removeOutbox } from '../lib/outbox';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="cgm-row">
      <span className="cgm-row-label">{label}</span>
      <span className="cgm-row-value">{children}</span>
    </div>
  );
}

/**
 * A case on the phone: head, map, timeline; 核查 for the grid worker, and for the unit it is dispatched
 * to (处置通) 签收, 处置反馈, 延期 and 退回 — each kept in the outbox when offline.
 */
export default function CaseViewPage() {
  const { id = '' } = useParams();
  const {
    online,
    res,
    c,
    boundary,
    verify,
    comment,
    setComment,
    reason,
    setReason,
    photos,
    setPhotos,
    busy,
    refused,
    queued,
    waiting,
    points,
    reportPhotos,
    canPass,
    canFail,
    openSheet,
    closeSheet,
    submit,
    crew,
  } = useCaseView(id);

  if (res.loading && !c) {
    return (
      <div className="cgm-page">
        <div className="cgm-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      </div>
    );
  }
  if (!c) {
    return (
      <div className="cgm-page">
        <Empty className="cgm-empty" description={res.error ?? '案卷不存在'}>
          <Button icon={<ReloadOutlined />} onClick={() => void res.reload()} disabled={!online}>
            重试
          </Button>
        </Empty>
      </div>
    );
  }

  const showActions = (canPass || canFail) && waiting.length === 0;
  const crewBar = !showActions && crew.steps.length > 0;

  return (
    <div
      className={`cgm-page cgm-caseview${showActions || crewBar ? ' has-actionbar' : ''}`}
      data-testid="m-case-page"
      data-case-id={c.id}
    >
      {res.cachedAt && (
        <div className="cgm-stale" data-testid="m-stale">
          离线数据 · 更新于 {shortTime(res.cachedAt)}
        </div>
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          className="cgm-block"
          message="服务器未接受核查结果"
          description={refused}
          data-testid="m-verify-refused"
        />
      )}
      {queued.map((q) => (
        <Alert
          key={q.id}
          className="cgm-block"
          type={q.state === 'rejected' ? 'error' : 'info'}
          showIcon
          icon={<CloudUploadOutlined />}
          message={
            q.state === 'rejected'
              ? `您的“${ACTION_NAMES[q.actionType]}”未被接受`
              : `${ACTION_NAMES[q.actionType]}待发送`
          }
          description={
            q.state === 'rejected' ? (
              <>
                <div>{q.lastError}</div>
                <div className="cgm-muted">
                  {showActions
                    ? '请按案卷最新状态重新核查，或删除这条记录。'
                    : '请按案卷最新状态处理，或删除这条记录。'}
                </div>
              </>
            ) : (
              '已保存在手机上，联网后自动发送'
            )
          }
          action={
            q.state === 'rejected' ? (
              <Button size="small" danger onClick={() => void removeOutbox(q.id)} data-testid="m-case-queued-delete">
                删除
              </Button>
            ) : (
              <Link to="/m/queue">查看</Link>
            )
          }
          data-testid="m-case-queued"
        />
      ))}

      <div className="cgm-card cgm-case-head">
        <div className="cgm-case-top">
          <span className="cgm-case-cat cgm-case-cat-lg">{c.categoryName}</span>
          <span className="cgm-case-tags">
            <DeadlineTag status={c.deadlineStatus} />
            <StatusTag status={c.status} name={c.statusName} />
          </span>
        </div>
        <div className="cgm-mono cgm-muted" data-testid="m-case-number">
          {c.caseNumber}
        </div>
        <div className="cgm-case-text">{c.description}</div>
        <Thumbs files={reportPhotos} />
        <div className="cgm-rows">
          <Row label="所在网格">{c.gridName ?? '不在任何网格内'}</Row>
          {c.address && <Row label="地址">{c.address}</Row>}
          <Row label="上报时间">{fullTime(c.reportedAt)}</Row>
          {c.assignedUnitName && <Row label="责任单位">{c.assignedUnitName}</Row>}
          {c.deadline && (
            <Row label="处置时限">
              <span className={`cgm-deadline is-${c.deadlineStatus}`}>{fullTime(c.deadline)}</span>
            </Row>
          )}
          {c.fixedOnSpot && <Row label="立行整改">是</Row>}
        </div>
      </div>

      {c.location && (
        <div className="cgm-card cgm-map-card">
          <GridMap boundary={boundary.data} points={points} height={180} testId="m-case-map" />
        </div>
      )}

      <CaseTimelineCard actions={c.actions} />

      {showActions && (
        <div className="cgm-actionbar" data-testid="m-actionbar">
          {canFail && (
            <Button
              danger
              size="large"
              icon={<CloseOutlined />}
              onClick={() => openSheet('verify_fail')}
              data-testid="m-verify-fail"
            >
              核查不通过
            </Button>
          )}
          {canPass && (
            <Button
              type="primary"
              size="large"
              icon={<CheckOutlined />}
              onClick={() => openSheet('verify_pass')}
              className="cgm-pass"
              data-testid="m-verify-pass"
            >
              核查通过
            </Button>
          )}
        </div>
      )}

      {crewBar && <CrewActionBar crew={crew} />}
      <CrewSheet crew={crew} online={online} />

      <VerifySheet
        verify={verify}
        onClose={closeSheet}
        reason={reason}
        onReason={setReason}
        comment={comment}
        onComment={setComment}
        photos={photos}
        onPhotos={setPhotos}
        busy={busy}
        online={online}
        onSubmit={submit}
      />
    </div>
  );
}
