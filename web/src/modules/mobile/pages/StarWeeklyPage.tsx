import { App, Button, Input, Select, Spin, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { cycleApi, thumbUrl, WEEK_STATUS_COLORS, WEEK_STATUS_LABELS, type BranchWeekly } from '../../stars/cycle-api';
import { mobileApi } from '../api';
import { PhotoPicker, releasePhotos, type LocalPhoto } from '../components/PhotoPicker';
import { useCachedResource } from '../lib/cache';
import { useMyBranches } from '../use-my-branches';

type Week = BranchWeekly['weeks'][number];

/**
 * 支部周报: this week's progress (or one of the last weeks, reported late) with photos from the camera.
 * A week already reported opens with its text: saving amends it, the earlier version kept.
 */
export default function StarWeeklyPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { rows, branchId, setBranchId } = useMyBranches();
  const weeks = useCachedResource<BranchWeekly>(me.id, branchId ? `stars:weekly:${branchId}` : null, () =>
    cycleApi.branchWeekly(branchId!, {}),
  );
  const open = useMemo(
    () => (weeks.data?.weeks ?? []).filter((w) => w.cell.status !== 'exempt' && w.cell.status !== 'none').slice(0, 4),
    [weeks.data],
  );
  const [week, setWeek] = useState<string>();
  const current: Week | undefined = open.find((w) => w.week === week) ?? open[0];
  const [text, setText] = useState('');
  const [kept, setKept] = useState<string[]>([]);
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [sending, setSending] = useState(false);
  // A week picked (or a report saved) fills the form with what the week has.
  const report = current?.report ?? null;
  useEffect(() => {
    setText(report?.text ?? '');
    setKept(report?.fileIds ?? []);
  }, [report]);

  const send = async () => {
    if (!branchId || !current) return;
    if (!text.trim()) return void message.warning('请填写本周推进情况');
    setSending(true);
    try {
      const uploaded: string[] = [];
      for (const p of photos) uploaded.push((await mobileApi.upload(p.blob, p.name)).id);
      const r = await cycleApi.putWeekly(branchId, current.week, { text, fileIds: [...kept, ...uploaded] });
      releasePhotos(photos);
      setPhotos([]);
      message.success(r.revision > 1 ? `已修改（第 ${r.revision} 版）` : r.status === 'late' ? '已补报' : '已报送');
      await weeks.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSending(false);
    }
  };

  if (!weeks.data && weeks.loading)
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
  return (
    <div className="cgm-page" data-testid="m-star-weekly" style={{ padding: 12 }}>
      {rows.length > 1 && (
        <Select
          style={{ width: '100%', marginBottom: 10 }}
          value={branchId}
          onChange={setBranchId}
          options={rows.map((r) => ({ value: r.branchId, label: r.branchName }))}
        />
      )}
      <div className="cgm-weeks" data-testid="m-weekly-weeks">
        {open.map((w) => (
          <button
            type="button"
            key={w.week}
            className={`cgm-week${w.week === current?.week ? ' is-on' : ''}`}
            onClick={() => setWeek(w.week)}
          >
            <span>{w.week.slice(5)} 周</span>
            <Tag color={WEEK_STATUS_COLORS[w.cell.status]} style={{ marginInlineEnd: 0 }}>
              {WEEK_STATUS_LABELS[w.cell.status]}
            </Tag>
          </button>
        ))}
      </div>
      {current && (
        <div className="cgm-card" style={{ marginTop: 10 }}>
          <div className="cgm-card-title">
            {weeks.data?.branch.name} · {current.week} 这一周
          </div>
          <div className="cgm-muted" style={{ marginBottom: 8 }}>
            {current.dueDay ? `${current.dueDay} 前报送` : ''}
            {current.report ? ` · 已报 ${current.report.revision} 版，保存即修改` : ''}
          </div>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={6}
            maxLength={2000}
            placeholder="本周推进了什么：开了什么会、办了哪些事、解决了哪些问题"
            data-testid="m-weekly-text"
          />
          {kept.length > 0 && (
            <div className="cgm-photos" style={{ marginTop: 10 }}>
              {kept.map((id) => (
                <div key={id} className="cgm-photo">
                  <img src={thumbUrl(id)} alt="" />
                  <button
                    type="button"
                    className="cgm-photo-remove"
                    aria-label="删除照片"
                    onClick={() => setKept(kept.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </div>
              ))}
            </div>
          )}
          <div style={{ marginTop: 10 }}>
            <PhotoPicker photos={photos} onChange={setPhotos} testId="m-weekly-photos" max={9 - kept.length} />
          </div>
          <Button
            type="primary"
            block
            size="large"
            loading={sending}
            onClick={send}
            style={{ marginTop: 12 }}
            data-testid="m-weekly-send"
          >
            {current.report ? '保存修改' : '报送'}
          </Button>
        </div>
      )}
    </div>
  );
}
