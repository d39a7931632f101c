import { Button, Drawer, Image, Input, Timeline } from 'antd';
import type { CaseAction, FileRef } from '../api';
import { photoRoleLabel, shortTime } from '../labels';
import type { VerifyType } from '../lib/outbox';
import { PhotoPicker, type LocalPhoto } from './PhotoPicker';

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

export function Thumbs({ files }: { files: FileRef[] }) {
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

/** 办理过程: the case's actions, newest first, with who, why and their photos. */
export function CaseTimelineCard({ actions: caseActions }: { actions: CaseAction[] }) {
  return (
    <div className="cgm-card">
      <div className="cgm-card-title">办理过程</div>
      <Timeline
        className="cgm-timeline"
        items={[...caseActions].reverse().map((a) => ({
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
  );
}

/** The bottom sheet for 核查通过 / 核查不通过: reason (for a fail), comment and photos. */
export function VerifySheet({
  verify,
  onClose,
  reason,
  onReason,
  comment,
  onComment,
  photos,
  onPhotos,
  busy,
  online,
  onSubmit,
}: {
  verify: VerifyType | null;
  onClose: () => void;
  reason: string;
  onReason: (v: string) => void;
  comment: string;
  onComment: (v: string) => void;
  photos: LocalPhoto[];
  onPhotos: (p: LocalPhoto[]) => void;
  busy: boolean;
  online: boolean;
  onSubmit: () => void;
}) {
  return (
    <Drawer
      open={!!verify}
      onClose={onClose}
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
              onChange={(e) => onReason(e.target.value)}
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
          onChange={(e) => onComment(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
          placeholder={verify === 'verify_pass' ? '如：现场核查，已清理干净' : '补充说明'}
          data-testid="m-verify-comment"
        />
        <div className="cgm-label">核查照片（选填）</div>
        <PhotoPicker photos={photos} onChange={onPhotos} testId="m-verify-photos" max={6} />
        <Button
          type="primary"
          danger={verify === 'verify_fail'}
          block
          size="large"
          loading={busy}
          onClick={onSubmit}
          data-testid="m-verify-submit"
          className="cgm-block"
        >
          {online ? '确认提交' : '保存，联网后发送'}
        </Button>
      </div>
    </Drawer>
  );
}
