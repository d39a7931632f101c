import { CheckOutlined, CloseOutlined, CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Image, Input, Skeleton, Timeline } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { mobileApi, type CaseAction, type CaseDetail } from '../api';
import { DeadlineTag, StatusTag } from '../components/CaseBits';
import { GridMap } from '../components/GridMap';
import { PhotoPicker, releasePhotos, type LocalPhoto } from '../components/PhotoPicker';
import { useMobile } from '../context';
import { fullTime, photoRoleLabel, shortTime } from '../labels';
import { useCachedResource } from '../lib/cache';
import {
  ACTION_NAMES,
  fileToStored,
  newId,
  putOutbox,
  removeOutbox,
  type ActionItem,
  type VerifyType,
} from '../lib/outbox';

const actionColor: Record<string, string> = {
  report: 'blue',
  accept: 'green',
  dispatch: 'blue',
  feedback: 'green',
  verify_pass: 'green',
  reject: 'red',
  return: 'red',
  verify_fail: 'red',
  urge: 'orange',
  supervise: 'orange',
  comment: 'gray',
};

function reasonOf(a: CaseAction): string | null {
  const r = a.payload && typeof a.payload === 'object' ? (a.payload as Record<string, unknown>).reason : null;
  return typeof r === 'string' && r ? r : null;
}

function Thumbs({ files }: { files: { fileId: string; url: string; thumbnailUrl: string; role: string | null }[] }) {
  if (!files.length) return null;
  return (
    <Image.PreviewGroup>
      <div className="cgm-photos is-readonly">
        {files.map((f) => (
          <div className="cgm-photo" key={f.fileId}>
            <Image
              src={f.thumbnailUrl}
              preview={{ src: f.url, mask: false }}
              alt={photoRoleLabel[f.role ?? 'evidence']}
            />
            {f.role && f.role !== 'evidence' && <span className="cgm-photo-role">{photoRoleLabel[f.role]}</span>}
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="cgm-row">
      <span className="cgm-row-label">{label}</span>
      <span className="cgm-row-value">{children}</span>
    </div>
  );
}

/** A case on the phone: what, where, photos, timeline; 核查通过 / 核查不通过 when the server allows them. */
export default function CaseViewPage() {
  const { id = '' } = useParams();
  const { me, online, outbox, sendNow } = useMobile();
  const { message } = App.useApp();
  const res = useCachedResource<CaseDetail>(me.id, `case:${id}`, () => mobileApi.getCase(id));
  const c = res.data;
  const boundary = useCachedResource(me.id, c?.gridId ? `boundary:${c.gridId}` : null, () =>
    mobileApi.boundary(c!.gridId!),
  );
  const [verify, setVerify] = useState<VerifyType | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const queued = outbox.items.filter((i): i is ActionItem => i.kind === 'action' && i.caseId === id);
  const waiting = queued.filter((q) => q.state !== 'rejected');
  const rejectedKey = queued
    .filter((q) => q.state === 'rejected')
    .map((q) => q.id)
    .join();
  // A verification the server refused (someone acted first …): show the case as it is now.
  useEffect(() => {
    if (rejectedKey && online) void res.reload();
  }, [rejectedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const points = useMemo(
    () => (c?.location ? [{ id: c.id, lng: c.location.lng, lat: c.location.lat, color: '#cf1322' }] : []),
    [c],
  );
  const reportPhotos = c?.actions.find((a) => a.type === 'report')?.attachments ?? [];

  const canPass = !!c?.allowedActions.includes('verify_pass');
  const canFail = !!c?.allowedActions.includes('verify_fail');

  const openSheet = (t: VerifyType) => {
    setVerify(t);
    setComment('');
    setReason('');
    setRefused(null);
  };
  const closeSheet = () => {
    releasePhotos(photos);
    setPhotos([]);
    setVerify(null);
  };

  const submit = async () => {
    if (!c || !verify) return;
    if (verify === 'verify_fail' && reason.trim().length < 2) {
      message.error('请填写核查不通过的原因');
      return;
    }
    setBusy(true);
    try {
      const item: ActionItem = {
        id: newId(),
        accountId: me.id,
        actorName: me.displayName,
        createdAt: Date.now(),
        state: 'pending',
        attempts: 0,
        kind: 'action',
        caseId: c.id,
        caseNumber: c.caseNumber,
        categoryName: c.categoryName,
        actionType: verify,
        comment: comment.trim() || undefined,
        reason: verify === 'verify_fail' ? reason.trim() : undefined,
        expectedVersion: c.version,
        photos: await Promise.all(photos.map((p) => fileToStored(p.blob, p.name))),
      };
      await putOutbox(item);
      // A new verification replaces the ones the server refused for this case.
      for (const q of queued) if (q.state === 'rejected') await removeOutbox(q.id);
      closeSheet();
      if (!navigator.onLine) {
        message.info('已保存到手机，联网后自动发送');
        return;
      }
      const outcome = (await sendNow(undefined, [item.id])).get(item.id);
      if (outcome?.result === 'sent') {
        message.success(verify === 'verify_pass' ? `核查通过，${outcome.sent.statusName}` : `核查不通过，已返工`);
        await res.reload();
      } else if (outcome?.result === 'rejected') {
        setRefused(outcome.message);
        await res.reload();
      } else {
        message.info('网络不通，已保存到手机，联网后自动发送');
      }
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

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

  return (
    <div
      className={`cgm-page cgm-caseview${showActions ? ' has-actionbar' : ''}`}
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

      <div className="cgm-card">
        <div className="cgm-card-title">办理过程</div>
        <Timeline
          className="cgm-timeline"
          items={[...c.actions].reverse().map((a) => ({
            color: actionColor[a.type] ?? 'blue',
            children: (
              <div data-testid="m-timeline-item" data-action={a.type}>
                <div className="cgm-tl-head">
                  <b>{a.typeName}</b>
                  <span className="cgm-muted">{shortTime(a.at)}</span>
                </div>
                <div className="cgm-muted">
                  {a.actorName}
                  {a.unitName ? ` · ${a.unitName}` : ''}
                </div>
                {reasonOf(a) && <div className="cgm-tl-reason">原因：{reasonOf(a)}</div>}
                {a.comment && <div className="cgm-tl-comment">{a.comment}</div>}
                {a.type !== 'report' && <Thumbs files={a.attachments} />}
              </div>
            ),
          }))}
        />
      </div>

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

      <Drawer
        open={!!verify}
        onClose={closeSheet}
        placement="bottom"
        height="auto"
        title={verify === 'verify_pass' ? '核查通过（结案）' : '核查不通过（返工）'}
        className="cgm-sheet"
        data-testid="m-verify-sheet"
      >
        <div className="cgm-verify">
          {verify === 'verify_fail' && (
            <>
              <div className="cgm-label">
                不通过原因 <span className="cgm-req">*</span>
              </div>
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={500}
                placeholder="如：现场仍有垃圾未清运"
                data-testid="m-verify-reason"
              />
            </>
          )}
          <div className="cgm-label">核查说明（选填）</div>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            placeholder={verify === 'verify_pass' ? '如：现场核查，已清理干净' : '补充说明'}
            data-testid="m-verify-comment"
          />
          <div className="cgm-label">核查照片（选填）</div>
          <PhotoPicker photos={photos} onChange={setPhotos} testId="m-verify-photos" max={6} />
          <Button
            type="primary"
            danger={verify === 'verify_fail'}
            block
            size="large"
            loading={busy}
            onClick={submit}
            data-testid="m-verify-submit"
            className="cgm-block"
          >
            {online ? '确认提交' : '保存，联网后发送'}
          </Button>
        </div>
      </Drawer>
    </div>
  );
}
