import { Form } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../lib/api';
import { useApiMutation } from '../../lib/query';
import { casesApi, type CaseCategory, type CategoryUpdate, type TimeLimit } from './api';
import { useCategories } from './use-categories';

export interface CategoryValues {
  name: string;
  limitValue?: number | null;
  limitUnit: TimeLimit['unit'];
  defaultUnitId?: string | null;
  duplicateRadiusM: number;
  active: boolean;
}

/** What the form changes: a 大类 only its name and whether it is used; a 小类 its limit, unit and radius too. */
function changes(c: CaseCategory, v: CategoryValues): CategoryUpdate {
  return {
    name: v.name.trim(),
    active: v.active,
    ...(c.level === 2
      ? {
          timeLimit: v.limitValue ? { value: v.limitValue, unit: v.limitUnit ?? 'days' } : null,
          defaultUnitId: v.defaultUnitId || null,
          duplicateRadiusM: v.duplicateRadiusM,
        }
      : {}),
  };
}

/** The 问题类别 page's editor: the category being edited, its form, and saving it. */
export function useCategoryEditor() {
  const { reload } = useCategories();
  const [editing, setEditing] = useState<CaseCategory | null>(null);
  const [form] = Form.useForm<CategoryValues>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useApiMutation(
    ({ c, v }: { c: CaseCategory; v: CategoryValues }) => casesApi.updateCategory(c.code, changes(c, v)),
    {
      successMessage: (_, { v }) => `已保存「${v.name}」`,
      // The failure shows inside the dialog, with the fields it names marked.
      toastError: false,
      onSuccess: () => {
        setEditing(null);
        reload();
      },
    },
  );
  return {
    editing,
    form,
    error,
    saving: mutation.isPending,
    open: (c: CaseCategory) => {
      setEditing(c);
      setError(null);
      form.setFieldsValue({
        name: c.name,
        limitValue: c.timeLimit?.value ?? null,
        limitUnit: c.timeLimit?.unit ?? 'days',
        defaultUnitId: c.defaultUnitId,
        duplicateRadiusM: c.duplicateRadiusM,
        active: c.active,
      });
    },
    close: () => setEditing(null),
    save: async () => {
      if (!editing) return;
      const v = await form.validateFields().catch(() => null);
      if (!v) return;
      setError(null);
      mutation.mutate(
        { c: editing, v },
        {
          onError: (e) => {
            applyFieldErrors(form, e, ['name', 'defaultUnitId', 'duplicateRadiusM', 'active']);
            setError(errorText(e));
          },
        },
      );
    },
  };
}
