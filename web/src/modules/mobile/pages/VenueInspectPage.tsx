import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router';
import { ChecklistFields } from '../../venues/components/ChecklistFields';
import { CHECK_RESULT_NAMES, INSPECTION_RESULT_NAMES, VENUE_STATUS_NAMES } from '../../venues/labels';
import { OfflineNote } from '../components/CaseBits';
import { PhotoPicker } from '../components/PhotoPicker';
import { formatDateTime } from '../../../lib/format-time';
import { useVenueInspection } from '../use-venue-inspection';

/** One venue on the phone: what it is, its last checks, and the checklist to tick, with photos. */
export default function VenueInspectPage() {
  const { id = '' } = useParams();
  const s = useVenueInspection(id);
  const v = s.v;
  if (!v)
    return (
      <div className="cgm-page">
        {s.res.error ? (
          <OfflineNote at={null} error={s.res.error} onRetry={() => void s.res.reload()} />
        ) : (
          <Skeleton active />
        )}
      </div>
    );
  const last = [...v.history].reverse().find((e) => e.kind === 'inspection');
  return (
    <div className="cgm-page" data-testid="m-venue-page">
      <OfflineNote at={s.res.cachedAt} error={s.res.error} onRetry={() => void s.res.reload()} />
      <div className="cgm-card">
        <div className="cgm-case-top">
          <span className="cgm-case-cat cgm-case-cat-lg" data-testid="m-venue-name">
            {v.name}
          </span>
          <Tag color={v.status === 'closed' ? 'red' : 'green'} className="cgm-tag">
            {VENUE_STATUS_NAMES[v.status]}
          </Tag>
        </div>
        <div className="cgm-muted">
          {v.typeName} · {v.address}
        </div>
        <div className="cgm-muted">
          负责人 {v.ownerName} {v.ownerPhone}
        </div>
        {v.openClosure && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 10 }}
            message={`停业整顿至 ${v.openClosure.untilDate}`}
            description={`事由：${v.openClosure.reason}。复查合格后由社区解除。`}
          />
        )}
        {last?.kind === 'inspection' && (
          <div className="cgm-muted" style={{ marginTop: 8 }}>
            上次检查 {formatDateTime(last.at)} · {last.inspection.inspector.name} ·{' '}
            {INSPECTION_RESULT_NAMES[last.inspection.result]}
            {last.inspection.items.some((i) => i.result === 'fail') &&
              `（${last.inspection.items
                .filter((i) => i.result === 'fail')
                .map((i) => i.name)
                .join('、')}${CHECK_RESULT_NAMES.fail}）`}
          </div>
        )}
      </div>
      {s.queued.length > 0 && (
        <div className="cgm-hint" data-testid="m-venue-queued">
          本场所有 {s.queued.length} 条检查保存在手机上，
          {s.queued.some((q) => q.state === 'rejected') ? '有被拒收的，请到“待发送”查看' : '联网后自动发送'}
        </div>
      )}
      <div className="cgm-card">
        <div className="cgm-card-title">{v.openClosure ? '复查' : '检查'}项目</div>
        <ChecklistFields checklist={v.checklist} value={s.value} onChange={s.setValue} size="large" />
      </div>
      <div className="cgm-card">
        <div className="cgm-card-title">现场照片</div>
        <PhotoPicker photos={s.photos} onChange={s.setPhotos} testId="m-venue-photos" />
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder="检查情况说明（选填）"
          value={s.note}
          onChange={(e) => s.setNote(e.target.value)}
          style={{ marginTop: 10 }}
          data-testid="m-venue-note"
        />
        {s.failed && (
          <Checkbox
            checked={s.raiseCase}
            onChange={(e) => s.setRaiseCase(e.target.checked)}
            style={{ marginTop: 10 }}
            data-testid="m-venue-case"
          >
            不合格项上报为问题（进入问题台账）
          </Checkbox>
        )}
      </div>
      {s.refused && <Alert type="error" showIcon message={s.refused} data-testid="m-venue-refused" />}
      <div className="cgm-submit">
        <Button
          type="primary"
          block
          size="large"
          icon={<SendOutlined />}
          disabled={!s.complete}
          loading={s.busy}
          onClick={s.submit}
          data-testid="m-venue-submit"
        >
          {s.complete ? `提交检查（${s.failed ? '不合格' : '合格'}）` : '请逐项选择检查结果'}
        </Button>
      </div>
    </div>
  );
}
