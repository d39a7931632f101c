import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { RoundHousehold } from '../../population/api';
import {
  HOUSEHOLD_RELATION_NAMES,
  RESIDENCE_KIND_NAMES,
  VISIT_RESULT_NAMES,
  VISIT_RESULTS,
} from '../../population/labels';
import { NewcomerSheet } from '../components/NewcomerSheet';
import { PhotoPicker } from '../components/PhotoPicker';
import { useMobile } from '../context';
import { useOpenRounds, useResidentTagsKept, useRoundHouseholds } from '../use-door-knock';
import { useKnockVisit, type KnockVisitState } from '../use-knock-visit';

const err = (t?: string) => t && <div className="cgm-field-error">{t}</div>;

/** One door: members at home, 迁出 marks, newcomers, the result, a note and photos; saved to the outbox. */
export default function KnockVisitPage() {
  const { roundId = '', householdId = '' } = useParams();
  const { online } = useMobile();
  const rounds = useOpenRounds();
  const tags = useResidentTagsKept();
  const list = useRoundHouseholds(roundId);
  const round =
    rounds.data?.find((r) => r.id === roundId) ?? (list.data ? { id: roundId, name: '敲门行动' } : undefined);
  const h = list.data?.items.find((x) => x.id === householdId);
  const v = useKnockVisit(round, h);
  const [adding, setAdding] = useState(false);

  if (list.loading && !list.data) return <Skeleton active className="cgm-page" />;
  if (!h) return <Result status="404" title="没有找到这一户" subTitle="请返回列表刷新后重试" />;

  return (
    <div className="cgm-page cgm-knock-visit" data-testid="m-knock-visit">
      <div className="cgm-section">
        <div className="cgm-card-title">{h.address}</div>
        <div className="cgm-muted">
          {h.buildingName ? `${h.buildingName} · ` : ''}户主 {h.headName ?? '未登记'}
          {h.visits > 0 ? ` · 本轮已走访 ${h.visits} 次` : ''}
        </div>
      </div>
      <Members h={h} v={v} onAdd={() => setAdding(true)} />
      <div className="cgm-section">
        <div className="cgm-label">
          走访结果 <span className="cgm-req">*</span>
        </div>
        <div className="cgm-knock-results" data-testid="m-knock-results">
          {VISIT_RESULTS.map((r) => (
            <Button
              key={r}
              type={v.result === r ? 'primary' : 'default'}
              onClick={() => v.setResult(r)}
              data-testid={`m-knock-result-${r}`}
            >
              {VISIT_RESULT_NAMES[r]}
            </Button>
          ))}
        </div>
        {err(v.errors.result)}
      </div>
      <div className="cgm-section">
        <div className="cgm-label">备注</div>
        <Input.TextArea
          value={v.note}
          onChange={(e) => v.setNote(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
          placeholder="如：老人独居，子女在外地"
          data-testid="m-knock-note"
        />
        <div className="cgm-label" style={{ marginTop: 12 }}>
          照片
        </div>
        <PhotoPicker photos={v.photos} onChange={v.setPhotos} testId="m-knock-photos" max={9} />
      </div>
      <div className="cgm-submit">
        <Button
          type="primary"
          size="large"
          block
          loading={v.busy}
          onClick={() => void v.save()}
          data-testid="m-knock-submit"
        >
          {online ? '提交走访' : '保存，联网后发送'}
        </Button>
      </div>
      <NewcomerSheet open={adding} tags={tags.data ?? []} onClose={() => setAdding(false)} onAdd={v.addNewcomer} />
    </div>
  );
}

function Members({ h, v, onAdd }: { h: RoundHousehold; v: KnockVisitState; onAdd(): void }) {
  return (
    <div className="cgm-section" data-testid="m-knock-members">
      <div className="cgm-label">在册人员（勾选在家的人）</div>
      {h.members.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本户尚无在册人员" />}
      {h.members.map((m) => {
        const gone = v.gone.includes(m.id);
        return (
          <div key={m.id} className={`cgm-knock-member${gone ? ' is-gone' : ''}`} data-testid="m-knock-member">
            <Checkbox
              checked={v.present.includes(m.id)}
              disabled={gone}
              onChange={() => v.togglePresent(m.id)}
              data-testid="m-knock-present"
            >
              {m.name}
              {m.relation && <span className="cgm-muted">（{HOUSEHOLD_RELATION_NAMES[m.relation]}）</span>}
            </Checkbox>
            <Button
              size="small"
              danger={gone}
              type={gone ? 'primary' : 'default'}
              onClick={() => v.toggleGone(m.id)}
              data-testid="m-knock-gone"
            >
              {gone ? '已标记迁出' : '迁出'}
            </Button>
          </div>
        );
      })}
      {err(v.errors.present)}
      {v.newcomers.map((n, i) => (
        <div key={i} className="cgm-knock-member is-new" data-testid="m-knock-newcomer">
          <span>
            新增：{n.name}
            <span className="cgm-muted">（{RESIDENCE_KIND_NAMES[n.residenceKind]}）</span>
          </span>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={() => v.removeNewcomer(i)}
            aria-label="移除"
          />
        </div>
      ))}
      <Button
        block
        icon={<UserAddOutlined />}
        onClick={onAdd}
        style={{ marginTop: 8 }}
        data-testid="m-knock-add-person"
      >
        新增人员
      </Button>
    </div>
  );
}
