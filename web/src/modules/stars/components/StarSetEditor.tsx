import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../lib/api';
import { starsApi, type RateSourceList, type StarSetView } from '../api';
import { quarterOptions, STAR_INDICATOR_KIND_LABELS } from '../labels';

/** The form's indicator: rates as percentages (what people type), converted to 0–1 on save. */
interface IndicatorForm {
  key: string;
  name: string;
  kind: 'computed' | 'scored';
  maxScore: number;
  source?: string | null;
  fullPct?: number | null;
  zeroPct?: number | null;
  evidence?: string | null;
  evidenceRequired?: boolean;
}
interface StarForm {
  key: string;
  name: string;
  threshold: number;
  indicators: IndicatorForm[];
}
interface SetForm {
  effectiveFrom: string;
  note?: string;
  stars: StarForm[];
}

let seq = 0;
const freshKey = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Edits a copy of a set and saves it as a new version, in force from the quarter chosen. */
export function StarSetEditor({
  base,
  sources,
  onSaved,
}: {
  base: StarSetView;
  sources: RateSourceList['items'];
  onSaved: () => void;
}) {
  const [form] = Form.useForm<SetForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const quarters = quarterOptions(new Date(), 0, 4).reverse();
  const initial: SetForm = {
    effectiveFrom: quarters[1]?.value ?? quarters[0]!.value,
    note: '',
    stars: base.stars.map((s) => ({
      ...s,
      indicators: s.indicators.map((i) => ({
        ...i,
        fullPct: i.fullAt === null ? null : Math.round(i.fullAt * 1000) / 10,
        zeroPct: i.zeroAt === null ? null : Math.round(i.zeroAt * 1000) / 10,
      })),
    })),
  };
  const save = async (v: SetForm) => {
    setError(null);
    setSaving(true);
    try {
      await starsApi.saveSet({
        branchKind: base.branchKind,
        effectiveFrom: v.effectiveFrom,
        note: v.note || null,
        stars: v.stars.map((s) => ({
          key: s.key,
          name: s.name,
          threshold: s.threshold,
          indicators: s.indicators.map((i) => ({
            key: i.key,
            name: i.name,
            kind: i.kind,
            maxScore: i.maxScore,
            source: i.kind === 'computed' ? (i.source ?? null) : null,
            fullAt: i.kind === 'computed' && i.fullPct != null ? i.fullPct / 100 : null,
            zeroAt: i.kind === 'computed' && i.zeroPct != null ? i.zeroPct / 100 : null,
            evidence: i.evidence || null,
            evidenceRequired: !!i.evidenceRequired,
          })),
        })),
      });
      onSaved();
    } catch (e) {
      applyFieldErrors(form, e, ['effectiveFrom', 'note']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="star-set-editor">
      <Space align="start" wrap>
        <Form.Item name="effectiveFrom" label="执行起始季度" rules={[{ required: true }]}>
          <Select style={{ width: 180 }} options={quarters} />
        </Form.Item>
        <Form.Item name="note" label="修订说明">
          <Input style={{ width: 420 }} maxLength={400} placeholder="如：依据省委组织部 2027 年修订的创建标准" />
        </Form.Item>
      </Space>
      <Form.List name="stars">
        {(stars, { add: addStar, remove: removeStar }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {stars.map((star) => (
              <Card
                key={star.key}
                size="small"
                title={
                  <Space>
                    <Form.Item name={[star.name, 'name']} noStyle rules={[{ required: true, message: '请填写星名' }]}>
                      <Input prefix="★" style={{ width: 200 }} maxLength={20} />
                    </Form.Item>
                    <span>达标分</span>
                    <Form.Item name={[star.name, 'threshold']} noStyle rules={[{ required: true }]}>
                      <InputNumber min={0} max={100} style={{ width: 80 }} />
                    </Form.Item>
                  </Space>
                }
                extra={
                  stars.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => removeStar(star.name)}>
                      删除此星
                    </Button>
                  )
                }
              >
                <Form.List name={[star.name, 'indicators']}>
                  {(inds, { add, remove }) => (
                    <>
                      {inds.map((ind) => (
                        <IndicatorRow
                          key={ind.key}
                          path={[star.name, 'indicators', ind.name]}
                          field={ind.name}
                          sources={sources}
                          onRemove={inds.length > 1 ? () => remove(ind.name) : undefined}
                        />
                      ))}
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => add({ key: freshKey('ind'), name: '', kind: 'scored', maxScore: 10 })}
                      >
                        增加指标
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            {stars.length < 8 && (
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  addStar({
                    key: freshKey('star'),
                    name: '',
                    threshold: 80,
                    indicators: [{ key: freshKey('ind'), name: '', kind: 'scored', maxScore: 100 }],
                  })
                }
              >
                增加一颗星
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <ErrorAlert error={error} style={{ marginTop: 12 }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        保存后生成新版本；已开始的季度仍按原版本评比。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="star-set-save">
        保存为新版本
      </Button>
    </Form>
  );
}

function IndicatorRow({
  path,
  field,
  sources,
  onRemove,
}: {
  path: (string | number)[];
  field: number;
  sources: RateSourceList['items'];
  onRemove?: () => void;
}) {
  const form = Form.useFormInstance<SetForm>();
  const kind = Form.useWatch(['stars', ...path, 'kind'], form) as IndicatorForm['kind'] | undefined;
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 6 }}>
      <Form.Item name={[field, 'name']} rules={[{ required: true, message: '请填写指标名' }]} style={{ margin: 0 }}>
        <Input placeholder="指标名称" style={{ width: 220 }} maxLength={40} />
      </Form.Item>
      <Form.Item name={[field, 'kind']} style={{ margin: 0 }}>
        <Select
          style={{ width: 110 }}
          options={(['scored', 'computed'] as const).map((k) => ({ value: k, label: STAR_INDICATOR_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item name={[field, 'maxScore']} style={{ margin: 0 }}>
        <InputNumber min={1} max={100} addonAfter="分" style={{ width: 100 }} />
      </Form.Item>
      {kind === 'computed' ? (
        <>
          <Form.Item
            name={[field, 'source']}
            rules={[{ required: true, message: '请选择数据来源' }]}
            style={{ margin: 0 }}
          >
            <Select
              placeholder="数据来源"
              style={{ width: 170 }}
              options={sources.map((s) => ({ value: s.code, label: s.label }))}
            />
          </Form.Item>
          <Form.Item name={[field, 'fullPct']} rules={[{ required: true, message: '满分比率' }]} style={{ margin: 0 }}>
            <InputNumber min={0} max={100} addonBefore="满分" addonAfter="%" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name={[field, 'zeroPct']} style={{ margin: 0 }}>
            <InputNumber min={0} max={100} addonBefore="零分" addonAfter="%" style={{ width: 150 }} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name={[field, 'evidence']} style={{ margin: 0 }}>
            <Input placeholder="佐证材料（如 会议记录、照片）" style={{ width: 240 }} maxLength={200} />
          </Form.Item>
          <Form.Item name={[field, 'evidenceRequired']} valuePropName="checked" style={{ margin: 0 }}>
            <Checkbox>必备</Checkbox>
          </Form.Item>
        </>
      )}
      {onRemove && <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除指标" />}
    </div>
  );
}
