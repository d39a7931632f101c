import { Button, Drawer, Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import type { NewResidentAtDoor } from '../../../../../src/contracts/population';
import {
  HOUSEHOLD_RELATION_NAMES,
  HOUSEHOLD_RELATIONS,
  RESIDENCE_KIND_NAMES,
  RESIDENCE_KINDS,
  type HouseholdRelation,
  type ResidenceKind,
} from '../../population/labels';
import { checkIdNumber, shanghaiToday } from '../../population/lib/id-number';

const EMPTY = { name: '', idNumber: '', phone: '', residenceKind: 'resident' as ResidenceKind };

/** 新增人员: someone living here who is not on record; registered (or merged by ID number) with the visit. */
export function NewcomerSheet({
  open,
  tags,
  onClose,
  onAdd,
}: {
  open: boolean;
  /** The district's active tags (返乡人员 …), as the phone keeps them. */
  tags: { code: string; name: string }[];
  onClose(): void;
  onAdd(n: NewResidentAtDoor): void;
}) {
  const [f, setF] = useState(EMPTY);
  const [relation, setRelation] = useState<HouseholdRelation>();
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = () => {
    const e: Record<string, string> = {};
    if (!f.name.trim()) e.name = '请填写姓名';
    const id = f.idNumber.replace(/\s+/g, '').toUpperCase();
    if (id) {
      const c = checkIdNumber(id, shanghaiToday());
      if (!c.ok) e.idNumber = c.message;
    }
    if (f.phone.trim() && !/^[0-9+\-() ]{5,20}$/.test(f.phone.trim())) e.phone = '电话号码格式不正确';
    setErrors(e);
    if (Object.keys(e).length) return;
    onAdd({
      name: f.name.trim(),
      idNumber: id || null,
      phone: f.phone.trim() || null,
      residenceKind: f.residenceKind,
      relation: relation ?? null,
      tags: picked,
    });
    setF(EMPTY);
    setRelation(undefined);
    setPicked([]);
    onClose();
  };

  const err = (k: string) => errors[k] && <div className="cgm-field-error">{errors[k]}</div>;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      height="auto"
      title="新增人员"
      className="cgm-sheet"
      data-testid="m-newcomer-sheet"
    >
      <div className="cgm-verify">
        <div className="cgm-label">
          姓名 <span className="cgm-req">*</span>
        </div>
        <Input
          value={f.name}
          maxLength={50}
          onChange={(e) => setF({ ...f, name: e.target.value })}
          status={errors.name ? 'error' : undefined}
          data-testid="m-newcomer-name"
        />
        {err('name')}
        <div className="cgm-label">身份证号</div>
        <Input
          value={f.idNumber}
          maxLength={22}
          inputMode="text"
          className="cgm-mono"
          onChange={(e) => setF({ ...f, idNumber: e.target.value })}
          status={errors.idNumber ? 'error' : undefined}
          data-testid="m-newcomer-id"
        />
        {err('idNumber')}
        <div className="cgm-label">电话</div>
        <Input
          value={f.phone}
          inputMode="tel"
          onChange={(e) => setF({ ...f, phone: e.target.value })}
          status={errors.phone ? 'error' : undefined}
          data-testid="m-newcomer-phone"
        />
        {err('phone')}
        <div className="cgm-label">
          人口类型 <span className="cgm-req">*</span>
        </div>
        <Segmented
          block
          value={f.residenceKind}
          onChange={(v) => setF({ ...f, residenceKind: v as ResidenceKind })}
          options={RESIDENCE_KINDS.map((k) => ({ value: k, label: RESIDENCE_KIND_NAMES[k] }))}
          data-testid="m-newcomer-kind"
        />
        <div className="cgm-label">与户主关系</div>
        <Select
          allowClear
          value={relation}
          onChange={setRelation}
          style={{ width: '100%' }}
          placeholder="不清楚可不选"
          options={HOUSEHOLD_RELATIONS.map((k) => ({ value: k, label: HOUSEHOLD_RELATION_NAMES[k] }))}
          data-testid="m-newcomer-relation"
        />
        {tags.length > 0 && (
          <>
            <div className="cgm-label">标签</div>
            <Select
              mode="multiple"
              allowClear
              value={picked}
              onChange={setPicked}
              style={{ width: '100%' }}
              placeholder="如返乡人员、留守老人"
              options={tags.map((t) => ({ value: t.code, label: t.name }))}
              data-testid="m-newcomer-tags"
            />
          </>
        )}
        <Button type="primary" block size="large" onClick={add} className="cgm-block" data-testid="m-newcomer-add">
          加入本次走访
        </Button>
      </div>
    </Drawer>
  );
}
