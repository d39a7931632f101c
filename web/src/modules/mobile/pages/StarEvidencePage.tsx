import { App, Button, Input, Select, Spin } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { starsApi, type StarSetList } from '../../stars/api';
import { cycleApi, type EvidenceList } from '../../stars/cycle-api';
import { quarterLabel } from '../../stars/labels';
import { mobileApi } from '../api';
import { PhotoPicker, releasePhotos, type LocalPhoto } from '../components/PhotoPicker';
import { useCachedResource } from '../lib/cache';
import { useMyBranches } from '../use-my-branches';

/** 上传佐证: pick the star (and, if it asks, the indicator), take the photo, add a line. */
export default function StarEvidencePage() {
  const me = useMe();
  const { message } = App.useApp();
  const { rows, branchId, setBranchId } = useMyBranches();
  const list = useCachedResource<EvidenceList>(me.id, branchId ? `stars:evidence:${branchId}` : null, () =>
    cycleApi.evidence(branchId!),
  );
  const sets = useCachedResource<StarSetList>(me.id, 'stars:sets', () => starsApi.sets());
  const kind = list.data?.branch.kind;
  const stars = (kind && sets.data?.[kind]?.stars) || [];
  const [starKey, setStarKey] = useState<string>();
  const [indicatorKey, setIndicatorKey] = useState<string>();
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const star = stars.find((s) => s.key === starKey);

  const send = async () => {
    if (!branchId || !list.data || !starKey) return void message.warning('请选择星');
    if (!photos.length && !note.trim()) return void message.warning('请拍照或填写说明');
    setSending(true);
    try {
      const fileId = photos[0] ? (await mobileApi.upload(photos[0].blob, photos[0].name)).id : null;
      await cycleApi.addEvidence({
        branchId,
        quarter: list.data.quarter,
        starKey,
        indicatorKey: indicatorKey ?? null,
        fileId,
        note: note.trim() || null,
      });
      releasePhotos(photos);
      setPhotos([]);
      setNote('');
      message.success(
        `已上传：${star?.name}${indicatorKey ? ` · ${star?.indicators.find((i) => i.key === indicatorKey)?.name}` : ''}`,
      );
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSending(false);
    }
  };

  if ((!list.data && list.loading) || (!sets.data && sets.loading))
    return (
      <div className="cgm-center">
        <Spin />
      </div>
    );
  if (!rows.length)
    return (
      <div className="cgm-page cgm-muted" style={{ padding: 16 }}>
        本单位下没有党支部
      </div>
    );
  const count = (key: string) => (list.data?.items ?? []).filter((e) => e.starKey === key).length;
  return (
    <div className="cgm-page" data-testid="m-star-evidence" style={{ padding: 12 }}>
      {rows.length > 1 && (
        <Select
          style={{ width: '100%', marginBottom: 10 }}
          value={branchId}
          onChange={setBranchId}
          options={rows.map((r) => ({ value: r.branchId, label: r.branchName }))}
        />
      )}
      <div className="cgm-muted" style={{ marginBottom: 8 }}>
        {list.data?.branch.name} · {list.data ? quarterLabel(list.data.quarter) : ''}
      </div>
      <div className="cgm-card">
        <div className="cgm-card-title">哪颗星</div>
        <div className="cgm-star-picks" data-testid="m-evidence-stars">
          {stars.map((s) => (
            <button
              type="button"
              key={s.key}
              className={`cgm-week${s.key === starKey ? ' is-on' : ''}`}
              onClick={() => {
                setStarKey(s.key);
                setIndicatorKey(undefined);
              }}
            >
              <span>{s.name}</span>
              <span className="cgm-muted">{count(s.key)} 份</span>
            </button>
          ))}
        </div>
        {star && (
          <Select
            allowClear
            style={{ width: '100%', marginTop: 10 }}
            placeholder="指标（必备佐证请选指标）"
            value={indicatorKey}
            onChange={setIndicatorKey}
            options={star.indicators.map((i) => ({
              value: i.key,
              label: `${i.name}${i.evidence ? `（${i.evidence}）` : ''}`,
            }))}
            data-testid="m-evidence-indicator"
          />
        )}
        <div style={{ marginTop: 10 }}>
          <PhotoPicker photos={photos} onChange={setPhotos} testId="m-evidence-photo" max={1} />
        </div>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={1000}
          placeholder="说明（如：11月主题党日活动照片）"
          style={{ marginTop: 10 }}
          data-testid="m-evidence-note"
        />
        <Button
          type="primary"
          block
          size="large"
          loading={sending}
          onClick={send}
          style={{ marginTop: 12 }}
          data-testid="m-evidence-send"
        >
          上传佐证
        </Button>
      </div>
    </div>
  );
}
