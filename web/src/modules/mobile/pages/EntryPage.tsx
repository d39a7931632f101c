import { App, Button, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useMe } from '../../../app/auth';
import { campaignsApi, type CampaignSummary, type Indicator } from '../../campaigns/api';
import { useCachedResource } from '../lib/cache';
import { newEntryItem } from '../lib/entry-outbox';
import { shanghaiDay } from '../lib/followup-outbox';
import { useOnline } from '../lib/hooks';
import { newId, processOutbox, putOutbox } from '../lib/outbox';

interface Values {
  indicatorId: string;
  quantity: number;
  campaignId?: string;
  note?: string;
}

/**
 * 录入工作量: an entered indicator, a quantity in its unit of measure and, optionally, the campaign it
 * belongs to. Saved to the outbox first (works offline) and sent with its own Idempotency-Key.
 */
export default function EntryPage() {
  const me = useMe();
  const { message } = App.useApp();
  const online = useOnline();
  const [form] = Form.useForm<Values>();
  const indicators = useCachedResource<{ items: Indicator[] }>(me.id, 'indicators:list', () =>
    campaignsApi.indicators(),
  );
  const campaigns = useCachedResource<{ items: CampaignSummary[] }>(me.id, 'campaigns:list', () => campaignsApi.list());
  const entered = (indicators.data?.items ?? []).filter((i) => i.kind === 'entered' && i.active);
  const today = shanghaiDay(Date.now());
  const current = (campaigns.data?.items ?? []).filter((c) => c.startDay <= today && c.endDay >= today);
  const indicatorId = Form.useWatch('indicatorId', form);
  const unit = entered.find((i) => i.id === indicatorId)?.measureUnit;

  const submit = async (v: Values) => {
    const indicator = entered.find((i) => i.id === v.indicatorId)!;
    const campaign = current.find((c) => c.id === v.campaignId);
    const item = newEntryItem(newId(), me, {
      indicatorId: indicator.id,
      indicatorName: indicator.name,
      measureUnit: indicator.measureUnit,
      quantity: v.quantity,
      ...(campaign ? { campaignId: campaign.id, campaignTitle: campaign.title } : {}),
      ...(v.note ? { note: v.note } : {}),
    });
    await putOutbox(item);
    form.resetFields(['quantity', 'note']);
    if (!navigator.onLine) return void message.info('已保存在手机上，联网后自动发送');
    const outcome = (await processOutbox(me.id, [item.id])).get(item.id);
    if (outcome?.result === 'sent') message.success(`已录入：${indicator.name} ${v.quantity}${indicator.measureUnit}`);
    else if (outcome?.result === 'rejected') message.error(outcome.message);
    else message.info('已保存在手机上，联网后自动发送');
  };

  if (!indicators.data && indicators.loading)
    return (
      <div className="cgm-center">
        <Spin />
      </div>
    );
  return (
    <div className="cgm-page" data-testid="m-entry" style={{ padding: 16 }}>
      <div className="cgm-muted" style={{ marginBottom: 12 }}>
        {today} · {me.unitName}
        {!online && ' · 离线，保存后联网自动发送'}
      </div>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="indicatorId" label="工作量指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select
            size="large"
            placeholder="选择指标"
            options={entered.map((i) => ({ value: i.id, label: `${i.name}（${i.measureUnit}）` }))}
            data-testid="m-entry-indicator"
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label="数量"
          rules={[
            { required: true, message: '请填写数量' },
            { type: 'number', min: 0.01, message: '数量须大于 0' },
            {
              validator: (_, v: number | null) =>
                v == null || Math.abs(v * 100 - Math.round(v * 100)) < 1e-6
                  ? Promise.resolve()
                  : Promise.reject(new Error('数量最多两位小数')),
            },
          ]}
        >
          <InputNumber
            size="large"
            style={{ width: '100%' }}
            min={0}
            // No fixed precision: 30 张 reads 30, not 30.00; up to two decimals are allowed (米, 平方米).
            addonAfter={unit ?? '—'}
            data-testid="m-entry-quantity"
          />
        </Form.Item>
        <Form.Item name="campaignId" label="所属集中整治（可选）">
          <Select
            size="large"
            allowClear
            placeholder={current.length ? '不属于集中整治' : '今天没有进行中的集中整治'}
            options={current.map((c) => ({ value: c.id, label: c.title }))}
            data-testid="m-entry-campaign"
          />
        </Form.Item>
        <Form.Item name="note" label="说明（可选）">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" data-testid="m-entry-submit">
          保存
        </Button>
      </Form>
    </div>
  );
}
