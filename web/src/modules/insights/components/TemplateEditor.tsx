import { Alert, Button, Card, Form, Input, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useMemo, useRef, useState } from 'react';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { presetPeriod } from '../briefing-periods';
import {
  BRIEFING_KIND_NAMES,
  BRIEFING_KINDS,
  bodyForEditing,
  briefingsApi,
  FIXED_PLACEHOLDERS,
  measureName,
  type BriefingKind,
  type BriefingTemplate,
} from '../briefings-api';
import { useMeasureCatalog } from '../use-briefings';
import { BriefingText } from './BriefingText';

/**
 * One template: name, purpose, text with placeholders (shown by their Chinese names; a click on a
 * figure below inserts it), and a live preview for the account's own unit this month.
 */
export function TemplateEditor({
  template,
  onSaved,
}: {
  template: BriefingTemplate | null;
  onSaved: (t: BriefingTemplate) => void;
}) {
  const me = useMe();
  const catalog = useMeasureCatalog();
  const measures = useMemo(() => catalog.data?.items ?? [], [catalog.data]);
  const [name, setName] = useState(template?.name ?? '');
  const [kind, setKind] = useState<BriefingKind>(template?.kind ?? 'ledger');
  const [active, setActive] = useState(template?.active ?? true);
  const [body, setBody] = useState<string | null>(null);
  const text = body ?? (template && measures.length ? bodyForEditing(template.body, measures) : (template?.body ?? ''));
  const ref = useRef<TextAreaRef>(null);
  const settled = useDebounced(text, 600);
  const period = presetPeriod('thisMonth');
  const preview = useApiQuery(
    ['insights', 'briefings', 'preview', settled],
    (s) => briefingsApi.preview({ body: settled, unitId: me.unitId, ...period }, s),
    undefined,
    { enabled: settled.trim().length > 0, keepPrevious: true },
  );
  const save = useApiMutation(
    () => {
      const b = { name, kind, body: text, active };
      return template ? briefingsApi.updateTemplate(template.id, b) : briefingsApi.createTemplate(b);
    },
    {
      invalidates: [['insights', 'briefings', 'templates']],
      successMessage: '模板已保存',
      toastError: false,
      onSuccess: onSaved,
    },
  );
  const insert = (p: string) => {
    const el = ref.current?.resizableTextArea?.textArea;
    const at = el?.selectionStart ?? text.length;
    setBody(`${text.slice(0, at)}{${p}}${text.slice(at)}`);
  };
  const groups = [...new Set(measures.map((m) => m.group))];
  return (
    <Card size="small" title={template ? `编辑模板：${template.name}` : '新建模板'}>
      <Form layout="vertical" size="small">
        <Space wrap>
          <Form.Item label="名称" style={{ marginBottom: 8 }}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="用途" style={{ marginBottom: 8 }}>
            <Select
              value={kind}
              onChange={setKind}
              style={{ width: 140 }}
              options={BRIEFING_KINDS.map((k) => ({ value: k, label: BRIEFING_KIND_NAMES[k] }))}
            />
          </Form.Item>
          <Form.Item label="启用" style={{ marginBottom: 8 }}>
            <Switch checked={active} onChange={setActive} />
          </Form.Item>
        </Space>
        <Form.Item
          label="正文"
          style={{ marginBottom: 4 }}
          extra="花括号中为统计指标或固定项；方括号 [ ] 中的句子在其数字全为 0 时省略。"
        >
          <Input.TextArea
            ref={ref}
            value={text}
            onChange={(e) => setBody(e.target.value)}
            autoSize={{ minRows: 5, maxRows: 10 }}
            data-testid="template-body"
          />
        </Form.Item>
      </Form>
      <div style={{ margin: '4px 0 8px', maxHeight: 110, overflow: 'auto' }} data-testid="template-placeholders">
        <Typography.Text type="secondary">插入：</Typography.Text>
        {FIXED_PLACEHOLDERS.map((p) => (
          <Tag key={p} color="purple" style={{ cursor: 'pointer' }} onClick={() => insert(p)}>
            {p}
          </Tag>
        ))}
        {groups.map((g) => (
          <div key={g}>
            <Typography.Text type="secondary">{g}：</Typography.Text>
            {measures
              .filter((m) => m.group === g)
              .map((m) => (
                <Tooltip key={m.code} title={m.definition}>
                  <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => insert(measureName(m, measures))}>
                    {m.label}
                  </Tag>
                </Tooltip>
              ))}
          </div>
        ))}
      </div>
      <Card size="small" type="inner" title="预览（本单位，本月）" loading={preview.isLoading}>
        {preview.error ? (
          <Alert type="warning" showIcon message={errorText(preview.error)} />
        ) : (
          preview.data && <BriefingText text={preview.data.text} figures={preview.data.figures} />
        )}
      </Card>
      {save.error && <Alert type="error" showIcon message={errorText(save.error)} style={{ marginTop: 8 }} />}
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={save.isPending}
        disabled={!name.trim() || !text.trim()}
        onClick={() => save.mutate()}
        data-testid="template-save"
      >
        保存模板
      </Button>
    </Card>
  );
}
