import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { currentYear, plansApi, type TeamBody, type TeamDetail } from '../plans-api';
import { TEAM_MEMBER_KIND_LABELS, TEAM_ROLE_LABELS } from '../plan-labels';
import { applyServerErrors } from '../../supervision/form-errors';

interface MemberRow {
  id?: string;
  kind: 'account' | 'unit' | 'volunteer';
  accountId?: string | null;
  unitId?: string | null;
  name?: string;
  phone?: string;
  role: 'party_member' | 'grid_worker' | 'team_member';
  gridId?: string | null;
}
interface Values {
  name: string;
  branchIds: string[];
  leaderName: string;
  gridIds: string[];
  note?: string;
  members: MemberRow[];
}

const ROLE_OPTIONS = Object.entries(TEAM_ROLE_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 组建 / 修改聚力团. Volunteers are entered by name and phone; cadre accounts and 包联 units already in the
 * team stay as they are (a phone on file is kept when left empty: the console only sees it masked).
 */
export function TeamModal({
  team,
  branchIds,
  onClose,
}: {
  team: TeamDetail | null;
  branchIds: string[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const branches = useApiQuery(['stars', 'branches', 'picker'], (signal) => plansApi.branches(currentYear(), signal));
  const chosen = Form.useWatch('branchIds', form) ?? [];
  const parents = (branches.data?.items ?? [])
    .filter((b) => chosen.includes(b.id))
    .flatMap((b) => (b.parent ? [b.parent] : []));
  const grids = useApiQuery(
    ['stars', 'grids', parents.map((p) => p.id).join(',')],
    async (signal) => {
      const lists = await Promise.all(
        parents.map((p) =>
          api.get<{ items: { id: string; name: string }[] }>(
            '/units',
            { parentId: p.id, kind: 'grid_large' },
            { signal },
          ),
        ),
      );
      return lists.flatMap((l, i) => l.items.map((g) => ({ value: g.id, label: `${parents[i]!.name} ${g.name}` })));
    },
    undefined,
    { enabled: parents.length > 0 },
  );
  const gridOptions = [
    ...(grids.data ?? []),
    ...(team?.grids ?? [])
      .filter((g) => !(grids.data ?? []).some((o) => o.value === g.id))
      .map((g) => ({ value: g.id, label: g.name })),
  ];
  const save = useApiMutation(
    (v: Values) => {
      const body: TeamBody = {
        name: v.name,
        branchIds: v.branchIds,
        leaderName: v.leaderName,
        leaderAccountId: team?.leaderAccount?.id ?? null,
        gridIds: v.gridIds ?? [],
        note: v.note || null,
        members: (v.members ?? []).map((m) => ({
          ...(m.id ? { id: m.id } : {}),
          kind: m.kind,
          accountId: m.accountId ?? null,
          unitId: m.unitId ?? null,
          name: m.name || null,
          // Empty on an existing member: keep the phone on file.
          ...(m.phone ? { phone: m.phone } : m.id ? {} : { phone: null }),
          role: m.role,
          gridId: m.gridId ?? null,
        })),
      };
      return team ? plansApi.saveTeam(team.id, body) : plansApi.createTeam(body);
    },
    { successMessage: '聚力团已保存', invalidates: [['stars']], toastError: false, onSuccess: onClose },
  );
  useEffect(() => {
    form.setFieldsValue(
      team
        ? {
            name: team.name,
            branchIds: team.branches.map((b) => b.id),
            leaderName: team.leaderName,
            gridIds: team.grids.map((g) => g.id),
            note: team.note ?? '',
            members: team.members.map((m) => ({
              id: m.id,
              kind: m.kind,
              accountId: m.accountId,
              unitId: m.unitId,
              name: m.name,
              phone: '',
              role: m.role,
              gridId: m.grid?.id ?? null,
            })),
          }
        : { branchIds, gridIds: [], members: [] },
    );
  }, [team, branchIds, form]);
  const rest = save.error
    ? applyServerErrors(form, save.error, ['name', 'branchIds', 'leaderName', 'gridIds', 'members'])
    : [];
  return (
    <Modal
      title={team ? `修改聚力团：${team.name}` : '组建聚力团'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={820}
      okButtonProps={{ 'data-testid': 'team-submit' }}
      destroyOnHidden
    >
      {save.error && (rest.length > 0 || save.error.errors.length === 0) && (
        <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space size={12} align="start" wrap>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input maxLength={60} style={{ width: 260 }} data-testid="team-name" />
          </Form.Item>
          <Form.Item name="leaderName" label="团长" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input maxLength={30} style={{ width: 140 }} data-testid="team-leader" />
          </Form.Item>
        </Space>
        <Form.Item
          name="branchIds"
          label="党支部（跨支部的聚力团由街道组建）"
          rules={[{ required: true, message: '请选择' }]}
        >
          <Select
            mode="multiple"
            loading={branches.loading}
            options={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="gridIds" label="覆盖的网格">
          <Select mode="multiple" options={gridOptions} optionFilterProp="label" loading={grids.loading} />
        </Form.Item>
        <Typography.Text strong>成员（党支部+党员+网格员+聚力团成员）</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const kind = form.getFieldValue(['members', f.name, 'kind']) as MemberRow['kind'];
                const existing = !!form.getFieldValue(['members', f.name, 'id']);
                return (
                  <Space key={f.key} align="baseline" wrap size={6}>
                    <Typography.Text type="secondary" style={{ width: 60, display: 'inline-block' }}>
                      {TEAM_MEMBER_KIND_LABELS[kind]}
                    </Typography.Text>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: kind === 'volunteer', message: '姓名' }]}>
                      <Input placeholder="姓名" style={{ width: 150 }} disabled={kind !== 'volunteer'} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']}>
                      <Input
                        placeholder={existing ? '电话（不改留空）' : '电话'}
                        style={{ width: 150 }}
                        disabled={kind !== 'volunteer'}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '身份' }]}>
                      <Select options={ROLE_OPTIONS} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'gridId']}>
                      <Select allowClear placeholder="负责网格" style={{ width: 170 }} options={gridOptions} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                );
              })}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'volunteer', role: 'team_member' })}
                data-testid="add-member"
              >
                添加成员
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="说明" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
