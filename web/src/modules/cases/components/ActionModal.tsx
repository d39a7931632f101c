import { Alert, App, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, applyFieldErrors, errorText } from '../../../lib/api';
import type { Unit } from '../../org/api';
import {
  casesApi,
  type CaseActionType,
  type CaseDetail,
  type PhotoRole,
  type TimeLimit,
  type UploadedFile,
} from '../api';
import { actionButtonLabel, caseStatusLabel, timeLimitText } from '../labels';
import { loadCategories } from '../use-categories';
import { PhotoUpload } from './PhotoUpload';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  type: CaseActionType | null;
  c: CaseDetail;
  onClose(): void;
  /** The case as the server answered. */
  onDone(updated: CaseDetail): void;
  /** Someone else acted first (409): the page reloads the case. */
  onConflict(message: string): void;
}

interface Values {
  comment?: string;
  reason?: string;
  unitId?: string;
  limitValue?: number | null;
  limitUnit?: TimeLimit['unit'];
  targetCaseId?: string;
  photos?: UploadedFile[];
}

const REASON_TYPES = new Set<CaseActionType>([
  'reject',
  'return',
  'verify_fail',
  'reopen',
  'deny_extension',
  'request_extension',
]);
const PHOTO_TYPES = new Set<CaseActionType>(['feedback', 'verify_pass', 'verify_fail', 'comment', 'return']);

const reasonLabel: Partial<Record<CaseActionType, string>> = {
  reject: '不予立案理由',
  return: '退回理由',
  verify_fail: '核查不通过的原因（返工要求）',
  reopen: '重新办理的理由',
  deny_extension: '驳回理由',
  request_extension: '延期理由',
};

const hint: Partial<Record<CaseActionType, string>> = {
  accept: '立案后可派遣给责任单位处置。',
  escalate: '上报街道研判。',
  escalate_district: '提交区级研判，由区里立案或派遣。',
  start: '签收案卷并开始处置，处置时限继续计算。',
  feedback: '请上传处置后的现场照片，并说明处置情况。提交后由网格员 / 社区核查。',
  verify_pass: '确认现场问题已解决，案卷结案（销号）。',
  verify_fail: '问题未解决，退回责任单位返工，重新计算处置时限。',
  approve_extension: '批准后处置时限顺延。',
  urge: '向责任单位发送催办通知。',
  supervise: '向责任单位发送督办通知（正式督办，计入考核）。',
  comment: '备注只记录在案卷时间线上，不改变案卷状态。',
  return: '派遣有误时退回派遣单位重新派遣。',
};

export function ActionModal({ type, c, onClose, onDone, onConflict }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [targets, setTargets] = useState<Unit[] | null>(null);
  const [defaultUnit, setDefaultUnit] = useState<{ id: string; name: string } | null>(null);
  const [mergeOptions, setMergeOptions] = useState<{ value: string; label: string }[]>([]);
  const [mergeSearching, setMergeSearching] = useState(false);
  const open = type !== null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (type === 'request_extension') form.setFieldsValue({ limitUnit: 'days', limitValue: 1 });
    if (type === 'dispatch') {
      setTargets(null);
      void (async () => {
        const [units, cats] = await Promise.all([casesApi.dispatchTargets(c.id), loadCategories().catch(() => [])]);
        const cat = cats.find((x) => x.code === c.categoryCode);
        const def = cat?.defaultUnitId ? { id: cat.defaultUnitId, name: cat.defaultUnitName ?? '类别默认单位' } : null;
        setDefaultUnit(def);
        setTargets(units);
        form.setFieldsValue({
          unitId: def?.id ?? c.assignedUnitId ?? undefined,
          limitValue: cat?.timeLimit?.value ?? null,
          limitUnit: cat?.timeLimit?.unit ?? 'days',
        });
      })();
    }
    if (type === 'merge') {
      setMergeOptions([]);
      if (c.location) {
        casesApi
          .duplicates({ categoryCode: c.categoryCode, lng: c.location.lng, lat: c.location.lat })
          .then((r) =>
            setMergeOptions(
              r.items
                .filter((d) => d.id !== c.id)
                .map((d) => ({
                  value: d.id,
                  label: `${d.caseNumber} · 相距 ${d.distanceM} 米 · ${d.description.slice(0, 30)}`,
                })),
            ),
          )
          .catch(() => undefined);
      }
    }
  }, [open, type, c, form]);

  const unitOptions = useMemo(() => {
    const list = targets ?? [];
    const seen = new Set(list.map((u) => u.id));
    const own = (kinds: string[]) => list.filter((u) => kinds.includes(u.kind));
    const groups = [
      {
        // 二级派遣: the 街道 fixes it with its own staff, or hands it to one of its communities.
        label: '街道自行处置',
        options: [
          ...own(['subdistrict', 'township']).map((u) => ({ value: u.id, label: `${u.name}（本街道自行处置）` })),
          ...own(['community', 'village']).map((u) => ({ value: u.id, label: `${u.name}（交社区处置）` })),
        ],
      },
      {
        label: '区直部门',
        options: list.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })),
      },
      {
        label: '驻区单位',
        options: list.filter((u) => u.kind === 'outside_unit').map((u) => ({ value: u.id, label: u.name })),
      },
    ];
    const extra: { value: string; label: string }[] = [];
    if (defaultUnit && !seen.has(defaultUnit.id))
      extra.push({ value: defaultUnit.id, label: `${defaultUnit.name}（类别默认）` });
    if (c.assignedUnitId && c.assignedUnitName && !seen.has(c.assignedUnitId) && c.assignedUnitId !== defaultUnit?.id)
      extra.push({ value: c.assignedUnitId, label: `${c.assignedUnitName}（上次派遣）` });
    return [...(extra.length ? [{ label: '推荐', options: extra }] : []), ...groups.filter((g) => g.options.length)];
  }, [targets, defaultUnit, c.assignedUnitId, c.assignedUnitName]);

  const searchMerge = async (q: string) => {
    const text = q.trim();
    if (text.length < 2) return;
    setMergeSearching(true);
    try {
      const r = await casesApi.list({ q: text, limit: 10 });
      setMergeOptions((prev) => {
        const keep = new Map(prev.map((o) => [o.value, o]));
        for (const x of r.items)
          if (x.id !== c.id && !keep.has(x.id))
            keep.set(x.id, {
              value: x.id,
              label: `${x.caseNumber} · ${x.statusName || caseStatusLabel[x.status]} · ${x.description.slice(0, 30)}`,
            });
        return [...keep.values()];
      });
    } catch {
      /* a failed search leaves the nearby list */
    } finally {
      setMergeSearching(false);
    }
  };

  const submit = async () => {
    if (!type) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    let payload: Record<string, unknown> | undefined;
    const reason = v.reason?.trim();
    switch (type) {
      case 'reject':
      case 'return':
      case 'verify_fail':
      case 'reopen':
      case 'deny_extension':
        payload = { reason };
        break;
      case 'request_extension':
        payload = { extra: { value: v.limitValue, unit: v.limitUnit }, reason };
        break;
      case 'merge':
        payload = { targetCaseId: v.targetCaseId };
        break;
      case 'dispatch':
        payload = {
          unitId: v.unitId,
          ...(v.limitValue ? { timeLimit: { value: v.limitValue, unit: v.limitUnit ?? 'days' } } : {}),
        };
        break;
    }
    const role: PhotoRole = type === 'feedback' ? 'after' : 'evidence';
    const attachments = (v.photos ?? []).map((f) => ({ fileId: f.id, role }));
    const comment = v.comment?.trim();
    setBusy(true);
    setError(null);
    try {
      const updated = await casesApi.act(c.id, {
        type,
        ...(comment ? { comment } : {}),
        ...(attachments.length ? { attachments } : {}),
        ...(payload ? { payload } : {}),
        expectedVersion: c.version,
      });
      message.success(`${actionButtonLabel[type] ?? type}：已办理`);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        onConflict(errorText(e));
        return;
      }
      const rest = applyFieldErrors(form, e, ['comment', 'reason', 'unitId', 'targetCaseId']);
      const extra = rest.filter((r) => !r.field.startsWith('payload')).length
        ? `（${rest.map((r) => `${r.field}：${r.message}`).join('；')}）`
        : rest.length
          ? `（${rest.map((r) => r.message).join('；')}）`
          : '';
      setError(errorText(e) + extra);
    } finally {
      setBusy(false);
    }
  };

  const title = type ? `${actionButtonLabel[type] ?? type} — ${c.caseNumber}` : '';

  return (
    <Modal
      open={open}
      title={title}
      okText="确定"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger: type === 'reject' || type === 'verify_fail', 'data-testid': 'case-action-submit' }}
      width={580}
      destroyOnHidden
      data-testid="case-action-modal"
    >
      {type && hint[type] && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {hint[type]}
        </Typography.Paragraph>
      )}
      {type === 'approve_extension' || type === 'deny_extension'
        ? c.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`申请延期 ${timeLimitText(c.pendingExtension)}`}
              description={`理由：${c.pendingExtension.reason}`}
            />
          )
        : null}
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="case-action-error" />}
      <Form form={form} layout="vertical" preserve={false} data-testid={`case-action-form-${type ?? ''}`}>
        {type === 'dispatch' && (
          <>
            <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="选择本街道、社区、区直部门或驻区单位"
                options={unitOptions}
                loading={targets === null}
                data-testid="case-action-field-unit"
              />
            </Form.Item>
            <Form.Item
              label="处置时限"
              extra="按工作日历计算（节假日顺延、调休上班日计入）；默认取问题类别的处置时限。"
            >
              <Space.Compact>
                <Form.Item name="limitValue" noStyle>
                  <InputNumber
                    min={1}
                    max={8760}
                    precision={0}
                    placeholder="类别默认"
                    style={{ width: 140 }}
                    data-testid="case-action-field-limit"
                  />
                </Form.Item>
                <Form.Item name="limitUnit" noStyle>
                  <Select
                    style={{ width: 110 }}
                    options={[
                      { value: 'hours', label: '工作小时' },
                      { value: 'days', label: '工作日' },
                    ]}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </>
        )}
        {type === 'merge' && (
          <Form.Item
            name="targetCaseId"
            label="合并到案卷"
            extra="列出同类别、附近尚未办结的问题；也可输入关键词搜索。合并后保留全部上报人和照片。"
            rules={[{ required: true, message: '请选择要合并到的案卷' }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={(q) => void searchMerge(q)}
              loading={mergeSearching}
              placeholder="选择或搜索案卷"
              options={mergeOptions}
              notFoundContent="附近没有同类未办结问题，请输入关键词搜索"
              data-testid="case-action-field-target"
            />
          </Form.Item>
        )}
        {type === 'request_extension' && (
          <Form.Item label="申请延长" required>
            <Space.Compact>
              <Form.Item name="limitValue" noStyle rules={[{ required: true, message: '请输入延长时间' }]}>
                <InputNumber
                  min={1}
                  max={8760}
                  precision={0}
                  style={{ width: 140 }}
                  data-testid="case-action-field-extra"
                />
              </Form.Item>
              <Form.Item name="limitUnit" noStyle>
                <Select
                  style={{ width: 110 }}
                  options={[
                    { value: 'hours', label: '工作小时' },
                    { value: 'days', label: '工作日' },
                  ]}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}
        {type && REASON_TYPES.has(type) && (
          <Form.Item
            name="reason"
            label={reasonLabel[type] ?? '理由'}
            rules={[{ required: true, whitespace: true, message: '请填写理由' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} showCount maxLength={1000} data-testid="case-action-field-reason" />
          </Form.Item>
        )}
        {type && !REASON_TYPES.has(type) && (
          <Form.Item
            name="comment"
            label={type === 'feedback' ? '处置情况' : type === 'comment' ? '备注内容' : '意见（可选）'}
            rules={[
              ...(type === 'comment' || type === 'feedback'
                ? [{ required: true, whitespace: true, message: '请填写内容' }]
                : []),
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} showCount maxLength={2000} data-testid="case-action-field-comment" />
          </Form.Item>
        )}
        {type && PHOTO_TYPES.has(type) && (
          <Form.Item name="photos" label={type === 'feedback' ? '处置后照片' : '照片（可选）'} valuePropName="value">
            <PhotoUpload data-testid="case-action-field-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
