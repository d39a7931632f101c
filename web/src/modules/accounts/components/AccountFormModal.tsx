import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import type { Role, RoleCode } from '../../auth/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { peopleApi, personKindLabel, type Person } from '../../people/api';
import { accountsApi, type Account } from '../api';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  open: boolean;
  /** null: create. */
  account: Account | null;
  roles: Role[];
  onClose(): void;
  onCreated(account: Account, temporaryPassword: string): void;
  onUpdated(account: Account): void;
}

interface Values {
  username?: string;
  displayName: string;
  unitId: string;
  roles: RoleCode[];
  personId?: string;
  disabled?: boolean;
}

const FIELDS = ['username', 'displayName', 'unitId', 'roles', 'personId', 'disabled'];

export function AccountFormModal({ open, account, roles, onClose, onCreated, onUpdated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [personQ, setPersonQ] = useState('');

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (account) {
      form.setFieldsValue({
        displayName: account.displayName,
        unitId: account.unitId,
        roles: account.roles,
        disabled: account.disabled,
      });
    } else {
      form.setFieldsValue({ roles: [] });
    }
  }, [open, account, form]);

  useEffect(() => {
    if (!open || account) return;
    const t = setTimeout(() => {
      peopleApi
        .list({ q: personQ.trim() || undefined })
        .then((r) => setPeople(r.items.filter((p) => !p.accountId).slice(0, 50)))
        .catch(() => setPeople([]));
    }, 250);
    return () => clearTimeout(t);
  }, [open, account, personQ]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      if (account) {
        const updated = await accountsApi.update(account.id, {
          displayName: v.displayName.trim(),
          unitId: v.unitId,
          roles: v.roles,
          disabled: !!v.disabled,
        });
        message.success('账号已保存');
        onUpdated(updated);
      } else {
        const r = await accountsApi.create({
          username: v.username!.trim(),
          displayName: v.displayName.trim(),
          unitId: v.unitId,
          roles: v.roles,
          personId: v.personId || undefined,
        });
        onCreated(r.account, r.temporaryPassword);
      }
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      setError(errorText(e) + (rest.length ? `（${rest.map((r) => `${r.field}：${r.message}`).join('；')}）` : ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={account ? `编辑账号 — ${account.username}` : '新建账号'}
      okText={account ? '保存' : '创建'}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={580}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} data-testid="account-form">
        {!account && (
          <Form.Item
            name="username"
            label="用户名"
            extra="登录时使用，创建后不可修改。"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[a-z][a-z0-9_.-]{2,49}$/, message: '3–50 位小写字母、数字、下划线、点或连字符，以字母开头' },
            ]}
          >
            <Input autoComplete="off" data-testid="account-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input data-testid="account-form-display-name" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="所属单位（数据权限）"
          extra="账号只能查看和处理该单位及其下级单位的数据。"
          rules={[{ required: true, message: '请选择所属单位' }]}
        >
          <UnitPicker data-testid="account-form-unit" />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
        >
          <Select
            mode="multiple"
            options={roles.map((r) => ({ value: r.code, label: r.name }))}
            placeholder="选择角色"
            data-testid="account-form-roles"
          />
        </Form.Item>
        {!account && (
          <Form.Item name="personId" label="关联人员" extra="可选：将账号关联到人员名册中的一人（如网格员）。">
            <Select
              showSearch
              allowClear
              filterOption={false}
              onSearch={setPersonQ}
              placeholder="搜索姓名"
              options={people.map((p) => ({
                value: p.id,
                label: `${p.name}（${personKindLabel[p.kind]}，${p.unitName}）`,
              }))}
            />
          </Form.Item>
        )}
        {account && (
          <Form.Item
            name="disabled"
            label="停用账号"
            valuePropName="checked"
            extra="停用后该账号无法登录，已有会话立即失效。"
          >
            <Switch checkedChildren="停用" unCheckedChildren="启用" data-testid="account-form-disabled" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
