import {
  CheckCircleFilled,
  CloudUploadOutlined,
  DownOutlined,
  ExclamationCircleFilled,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Input, Result, Switch } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Category } from '../api';
import { CategorySheet } from '../components/CategorySheet';
import { GpsCard } from '../components/GpsCard';
import { photoFromStored, PhotoPicker, releasePhotos, type LocalPhoto } from '../components/PhotoPicker';
import { useMobile } from '../context';
import { useGps } from '../lib/hooks';
import { validateReportDraft } from '../lib/report-validation';
import {
  fileToStored,
  getOutboxItem,
  newId,
  putOutbox,
  type GpsFix,
  type ReportItem,
  type SentItem,
  type StoredPhoto,
} from '../lib/outbox';

interface Draft {
  accountId: string;
  categoryCode: string | null;
  description: string;
  address: string;
  fixedOnSpot: boolean;
  photos: LocalPhoto[];
  before: LocalPhoto[];
  after: LocalPhoto[];
}

/** The form survives switching tabs (kept in memory, not stored). */
let keptDraft: Draft | null = null;

const emptyDraft = (accountId: string): Draft => ({
  accountId,
  categoryCode: null,
  description: '',
  address: '',
  fixedOnSpot: false,
  photos: [],
  before: [],
  after: [],
});

type Done =
  | { kind: 'sent'; sent: SentItem }
  | { kind: 'queued'; message: string | null }
  | { kind: 'rejected'; message: string; id: string };

const recentKey = (accountId: string) => `cgm-recent-categories:${accountId}`;

function recentCodes(accountId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(recentKey(accountId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function rememberCode(accountId: string, code: string) {
  try {
    localStorage.setItem(
      recentKey(accountId),
      JSON.stringify([code, ...recentCodes(accountId).filter((c) => c !== code)].slice(0, 6)),
    );
  } catch {
    // private mode
  }
}

async function toStored(list: LocalPhoto[]): Promise<StoredPhoto[]> {
  return Promise.all(
    list.map((p) =>
      p.stored ? Promise.resolve(p.stored) : fileToStored(p.blob, p.name).then((s) => ({ ...s, key: p.key })),
    ),
  );
}

export default function ReportPage() {
  const { me, online, categories, sendNow, outbox } = useMobile();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const editId = params.get('edit');
  const [editing, setEditing] = useState<ReportItem | null>(null);
  const [draft, setDraft] = useState<Draft>(() =>
    keptDraft && keptDraft.accountId === me.id ? keptDraft : emptyDraft(me.id),
  );
  const [sheet, setSheet] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  /** The position a refused report was made at, kept when it is edited (unless replaced). */
  const [editLoc, setEditLoc] = useState<GpsFix | null>(null);
  const gps = useGps(true);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(
    () => () => {
      keptDraft = draftRef.current;
    },
    [],
  );

  // 修改 of a refused report: its content back on the form.
  useEffect(() => {
    if (!editId) return;
    let alive = true;
    void getOutboxItem(editId).then((item) => {
      if (!alive || !item || item.kind !== 'report' || item.accountId !== me.id) return;
      setEditing(item);
      setDone(null);
      setDraft({
        accountId: me.id,
        categoryCode: item.categoryCode,
        description: item.description,
        address: item.address ?? '',
        fixedOnSpot: item.fixedOnSpot,
        photos: item.photos.map(photoFromStored),
        before: item.before.map(photoFromStored),
        after: item.after.map(photoFromStored),
      });
      gps.clear();
      setEditLoc(item.location ?? null);
    });
    return () => {
      alive = false;
    };
  }, [editId, me.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const all = categories.data ?? [];
  const category = all.find((c) => c.code === draft.categoryCode && c.level === 2) ?? null;
  const groupName = category ? all.find((c) => c.code === category.parentCode)?.name : undefined;
  const recent = useMemo(
    () =>
      recentCodes(me.id)
        .map((code) => all.find((c) => c.code === code && c.level === 2 && c.active))
        .filter((c): c is Category => !!c)
        .slice(0, 4),
    [all, me.id, done], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };

  const validate = (): boolean => {
    const fix = editLoc ?? gps.fix;
    const e = validateReportDraft({
      categoryCode: category?.code ?? draft.categoryCode,
      knownCategory: !!category,
      description: draft.description,
      address: draft.address,
      location: fix ? { lng: fix.lng, lat: fix.lat } : null,
      fixedOnSpot: draft.fixedOnSpot,
      // Photos that 立行整改 does not send do not count.
      photoCount: draft.fixedOnSpot ? 0 : draft.photos.length,
      beforeCount: draft.fixedOnSpot ? draft.before.length : 0,
      afterCount: draft.fixedOnSpot ? draft.after.length : 0,
    });
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const reset = () => {
    releasePhotos([...draft.photos, ...draft.before, ...draft.after]);
    keptDraft = null;
    setDraft(emptyDraft(me.id));
    setErrors({});
    setEditing(null);
    setEditLoc(null);
    if (editId) setParams({}, { replace: true });
  };

  const submit = async () => {
    if (!validate()) {
      message.error('请补全标红的内容');
      window.setTimeout(
        () => document.querySelector('.cgm-field-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
        50,
      );
      return;
    }
    setBusy(true);
    try {
      const location: GpsFix | undefined = editLoc ?? gps.fix ?? undefined;
      const photos = draft.fixedOnSpot ? [] : await toStored(draft.photos);
      const item: ReportItem = {
        id: editing?.id ?? newId(),
        accountId: me.id,
        actorName: me.displayName,
        createdAt: editing?.createdAt ?? Date.now(),
        state: 'pending',
        attempts: editing?.attempts ?? 0,
        kind: 'report',
        categoryCode: category!.code,
        categoryName: category!.name,
        description: draft.description.trim(),
        location,
        address: draft.address.trim() || undefined,
        fixedOnSpot: draft.fixedOnSpot,
        photos,
        before: draft.fixedOnSpot ? await toStored(draft.before) : [],
        after: draft.fixedOnSpot ? await toStored(draft.after) : [],
      };
      // Stored on the phone first: nothing is lost if the network or the page goes away now.
      await putOutbox(item);
      rememberCode(me.id, item.categoryCode);
      reset();
      if (!navigator.onLine) {
        setDone({ kind: 'queued', message: null });
        return;
      }
      const outcomes = await sendNow(undefined, [item.id]);
      const outcome = outcomes.get(item.id);
      if (!outcome) {
        // An earlier item could not be sent (network): this one waits behind it, in order.
        const blocked = [...outcomes.values()].find((o) => o.result === 'pending');
        setDone({
          kind: 'queued',
          message: blocked && blocked.result === 'pending' ? blocked.message : '排在前面的内容尚未发出',
        });
      } else if (outcome.result === 'sent') setDone({ kind: 'sent', sent: outcome.sent });
      else if (outcome.result === 'rejected') setDone({ kind: 'rejected', message: outcome.message, id: item.id });
      else setDone({ kind: 'queued', message: outcome.message });
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const waiting = outbox.items.length;
    if (done.kind === 'sent') {
      return (
        <Result
          className="cgm-result"
          status="success"
          icon={<CheckCircleFilled />}
          title="上报成功"
          subTitle={
            <div data-testid="m-report-result" data-result="sent">
              <div>
                案卷号{' '}
                <b className="cgm-mono" data-testid="m-report-case-number">
                  {done.sent.caseNumber}
                </b>
              </div>
              <div>
                {done.sent.statusName}
                {done.sent.gridName ? ` · ${done.sent.gridName}` : ' · 不在任何网格内'}
              </div>
              {!done.sent.gridName && (
                <div className="cgm-warn-text" data-testid="m-report-no-grid">
                  未定位到网格，将由上级研判；此案卷不会列在“我的网格”中，可在“待发送 › 最近已发送”查看。
                </div>
              )}
            </div>
          }
          extra={[
            <Button
              key="view"
              type="primary"
              block
              onClick={() => navigate(`/m/cases/${done.sent.caseId}`)}
              data-testid="m-report-view"
            >
              查看案卷
            </Button>,
            <Button key="again" block onClick={() => setDone(null)} data-testid="m-report-again">
              继续上报
            </Button>,
          ]}
        />
      );
    }
    if (done.kind === 'queued') {
      return (
        <Result
          className="cgm-result"
          status="info"
          icon={<CloudUploadOutlined />}
          title="已保存到手机，待发送"
          subTitle={
            <div data-testid="m-report-result" data-result="queued">
              {done.message
                ? `${done.message}（共 ${waiting} 条待发送）`
                : `当前离线。联网后自动按顺序发送，共 ${waiting} 条待发送。`}
            </div>
          }
          extra={[
            <Button key="queue" type="primary" block onClick={() => navigate('/m/queue')} data-testid="m-report-queue">
              查看待发送
            </Button>,
            <Button key="again" block onClick={() => setDone(null)} data-testid="m-report-again">
              继续上报
            </Button>,
          ]}
        />
      );
    }
    return (
      <Result
        className="cgm-result"
        status="error"
        icon={<ExclamationCircleFilled />}
        title="服务器未接受此上报"
        subTitle={
          <div data-testid="m-report-result" data-result="rejected">
            {done.message}
            <div className="cgm-muted">内容已保留在“待发送”中，可修改后重新发送。</div>
          </div>
        }
        extra={[
          <Button
            key="edit"
            type="primary"
            block
            onClick={() => {
              setDone(null);
              setParams({ edit: done.id });
            }}
          >
            修改后重发
          </Button>,
          <Button key="queue" block onClick={() => navigate('/m/queue')}>
            查看待发送
          </Button>,
        ]}
      />
    );
  }

  return (
    <div className="cgm-page cgm-report" data-testid="m-report-page">
      {editing && (
        <Alert
          type="error"
          showIcon
          className="cgm-block"
          message="修改服务器拒收的上报"
          description={editing.lastError}
          data-testid="m-report-editing"
        />
      )}
      <section className="cgm-section">
        <div className="cgm-label">
          问题类别 <span className="cgm-req">*</span>
        </div>
        <button
          type="button"
          className={`cgm-select${errors.categoryCode ? ' has-error' : ''}`}
          onClick={() => setSheet(true)}
          disabled={!all.length}
          data-testid="m-category"
        >
          {category ? (
            <span data-testid="m-category-value">
              <span className="cgm-muted">{groupName} / </span>
              {category.name}
            </span>
          ) : (
            <span className="cgm-placeholder">
              {categories.loading && !all.length
                ? '正在加载类别…'
                : all.length
                  ? '请选择大类、小类'
                  : '类别未加载（需联网一次）'}
            </span>
          )}
          <DownOutlined />
        </button>
        {recent.length > 0 && (
          <div className="cgm-chips">
            {recent.map((c) => (
              <button
                type="button"
                key={c.code}
                className={`cgm-chip${c.code === draft.categoryCode ? ' is-active' : ''}`}
                onClick={() => set('categoryCode', c.code)}
              >
                {c.name}
              </button>
            ))}
          </div>
        )}
        {errors.categoryCode && <div className="cgm-field-error">{errors.categoryCode}</div>}
      </section>

      <section className="cgm-section">
        <div className="cgm-label">
          问题描述 <span className="cgm-req">*</span>
        </div>
        <Input.TextArea
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
          placeholder="写清位置和情况，如：朱庄路与交通路口东侧有生活垃圾堆放，约两立方米"
          status={errors.description ? 'error' : undefined}
          data-testid="m-description"
        />
        {errors.description && <div className="cgm-field-error">{errors.description}</div>}
      </section>

      {!draft.fixedOnSpot && (
        <section className="cgm-section">
          <div className="cgm-label">
            现场照片 <span className="cgm-muted">（照片中的拍摄位置可用于定位）</span>
          </div>
          <PhotoPicker photos={draft.photos} onChange={(p) => set('photos', p)} testId="m-photos" />
        </section>
      )}

      <section className="cgm-section">
        <div className="cgm-switch-row">
          <div>
            <div className="cgm-label cgm-label-inline">立行整改</div>
            <div className="cgm-muted">已当场整改完毕，上传整改前、整改后照片</div>
          </div>
          <Switch checked={draft.fixedOnSpot} onChange={(v) => set('fixedOnSpot', v)} data-testid="m-fixed-on-spot" />
        </div>
        {draft.fixedOnSpot && (
          <div className="cgm-fix-photos">
            <div className="cgm-label">
              整改前照片 <span className="cgm-req">*</span>
            </div>
            <PhotoPicker photos={draft.before} onChange={(p) => set('before', p)} testId="m-before" />
            {errors.before && <div className="cgm-field-error">{errors.before}</div>}
            <div className="cgm-label">
              整改后照片 <span className="cgm-req">*</span>
            </div>
            <PhotoPicker photos={draft.after} onChange={(p) => set('after', p)} testId="m-after" />
            {errors.after && <div className="cgm-field-error">{errors.after}</div>}
          </div>
        )}
      </section>

      <section className="cgm-section">
        <div className="cgm-label">位置</div>
        {editLoc ? (
          <div className="cgm-gps" data-testid="m-gps-kept">
            <div className="cgm-gps-fix">
              <div className="cgm-gps-body">
                <div className="cgm-gps-coords">
                  {editLoc.lng.toFixed(6)}, {editLoc.lat.toFixed(6)}
                </div>
                <div className="cgm-muted">上报时的定位 · 精度 ±{editLoc.accuracy} 米</div>
              </div>
            </div>
            <div className="cgm-gps-actions">
              <Button
                onClick={() => {
                  setEditLoc(null);
                  gps.locate();
                }}
              >
                改用当前位置
              </Button>
            </div>
          </div>
        ) : (
          <GpsCard
            gps={gps}
            online={online}
            myUnitId={me.unitId}
            hasPhotos={draft.photos.length + draft.before.length > 0}
          />
        )}
        <Input
          value={draft.address}
          onChange={(e) => set('address', e.target.value)}
          maxLength={200}
          placeholder="补充地址（选填），如：交通路 18 号门前"
          className="cgm-address"
          data-testid="m-address"
          status={errors.address ? 'error' : undefined}
        />
        {errors.address && <div className="cgm-field-error">{errors.address}</div>}
        {errors.location && <div className="cgm-field-error">{errors.location}</div>}
      </section>

      <div className="cgm-submit">
        <Button
          type="primary"
          block
          size="large"
          icon={<SendOutlined />}
          loading={busy}
          onClick={submit}
          data-testid="m-report-submit"
        >
          {online ? '提交上报' : '保存，联网后发送'}
        </Button>
        {editing && (
          <Button block type="text" onClick={reset}>
            放弃修改
          </Button>
        )}
        {!online && <div className="cgm-muted cgm-center">离线时上报先保存在手机上，联网后自动发送</div>}
      </div>

      <CategorySheet
        open={sheet}
        categories={all}
        value={draft.categoryCode}
        onClose={() => setSheet(false)}
        onPick={(c) => {
          set('categoryCode', c.code);
          setSheet(false);
        }}
      />
      {outbox.items.length > 0 && (
        <div className="cgm-center cgm-muted cgm-queue-hint">
          <Link to="/m/queue">本机有 {outbox.items.length} 条待发送 ›</Link>
        </div>
      )}
    </div>
  );
}
