import { FileTextOutlined } from '@ant-design/icons';
import { Button, DatePicker, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { UnitPicker } from '../../../components/UnitPicker';
import { BRIEFING_KIND_NAMES } from '../briefings-api';
import { PERIOD_PRESET_NAMES, PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../briefing-periods';
import { useBriefingActions, useBriefingTemplates } from '../use-briefings';

/** 生成简报: a template, a unit in scope (the account's own by default) and a period (上周 by default). */
export function GenerateBriefingForm({ onDone }: { onDone: (id: string) => void }) {
  const me = useMe();
  const templates = useBriefingTemplates();
  const { generate } = useBriefingActions();
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('lastWeek');
  const [period, setPeriod] = useState(presetPeriod('lastWeek'));
  const active = (templates.data?.items ?? []).filter((t) => t.active);
  const chosen = templateId ?? active[0]?.id;
  const choose = (p: PeriodPreset) => {
    setPreset(p);
    setPeriod(presetPeriod(p));
  };
  return (
    <Space wrap align="center" data-testid="briefing-generate">
      <Select
        style={{ width: 230 }}
        placeholder="选择模板"
        value={chosen}
        onChange={setTemplateId}
        loading={templates.loading}
        options={active.map((t) => ({ value: t.id, label: `${t.name}（${BRIEFING_KIND_NAMES[t.kind]}）` }))}
        data-testid="briefing-template"
      />
      <UnitPicker value={unitId} onChange={setUnitId} style={{ width: 220 }} data-testid="briefing-unit" />
      <Radio.Group
        value={preset}
        onChange={(e) => choose(e.target.value as PeriodPreset)}
        optionType="button"
        size="middle"
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_PRESET_NAMES[p] }))}
      />
      <DatePicker.RangePicker
        value={[dayjs(period.from), dayjs(period.to)]}
        allowClear={false}
        style={{ width: 240 }}
        onChange={(v) => {
          if (!v?.[0] || !v[1]) return;
          setPreset('custom');
          setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
        }}
      />
      <Button
        type="primary"
        icon={<FileTextOutlined />}
        disabled={!chosen || !unitId}
        loading={generate.isPending}
        onClick={() =>
          generate.mutate({ templateId: chosen!, unitId: unitId!, ...period }, { onSuccess: (b) => onDone(b.id) })
        }
        data-testid="briefing-generate-submit"
      >
        生成简报
      </Button>
      {!active.length && !templates.loading && <Typography.Text type="secondary">没有可用的模板</Typography.Text>}
    </Space>
  );
}
