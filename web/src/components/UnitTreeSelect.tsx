import { TreeSelect } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { orgApi } from '../modules/org/api';
import { useUnitTree } from '../modules/org/use-unit-tree';
import type { UnitPickerProps } from './UnitPicker';
import { UnitKindTag } from './UnitKindTag';

/** The organisation tree of the account's data scope, loaded as it is opened. */
export function UnitTreeSelect(props: UnitPickerProps) {
  const tree = useUnitTree();
  const { units, children, roots, loadChildren, revealPath } = tree;
  const values = useMemo(
    () => (props.multiple ? (props.value ?? []) : props.value ? [props.value] : []),
    [props.multiple, props.value],
  );
  const revealed = useRef(new Set<string>());

  // Values chosen earlier may sit deep in the tree: load their ancestors so the label shows.
  useEffect(() => {
    if (!roots) return;
    for (const id of values) {
      if (units[id] || revealed.current.has(id)) continue;
      revealed.current.add(id);
      orgApi
        .getUnit(id)
        .then((d) => revealPath([...d.ancestors, d]))
        .catch(() => undefined);
    }
  }, [values, roots, units, revealPath]);

  const treeData = useMemo(() => {
    const rows: {
      id: string;
      pId: string | null;
      value: string;
      label: string;
      title: React.ReactNode;
      isLeaf: boolean;
      selectable: boolean;
      disabled: boolean;
      disableCheckbox?: boolean;
    }[] = [];
    const seen = new Set<string>();
    const add = (id: string, pId: string | null) => {
      const u = units[id];
      if (!u || seen.has(id)) return;
      seen.add(id);
      const selectable = !props.selectableKinds || props.selectableKinds.includes(u.kind);
      rows.push({
        id,
        pId,
        value: id,
        label: u.name,
        title: (
          <span>
            <UnitKindTag kind={u.kind} />
            {u.name}
          </span>
        ),
        isLeaf: u.childCount === 0,
        selectable,
        disabled: u.status === 'retired' || id === props.disabledId,
        disableCheckbox: !selectable,
      });
      for (const c of children[id] ?? []) add(c, id);
    };
    for (const r of roots ?? []) add(r, null);
    return rows;
  }, [units, children, roots, props.selectableKinds, props.disabledId]);

  const common = {
    treeDataSimpleMode: true,
    treeData,
    showSearch: true,
    allowClear: props.allowClear ?? true,
    treeNodeFilterProp: 'label',
    treeNodeLabelProp: 'label',
    placeholder: props.placeholder ?? '请选择单位',
    loading: roots === null,
    style: { width: '100%', ...props.style },
    popupMatchSelectWidth: false,
    listHeight: 360,
    'data-testid': props['data-testid'],
    loadData: async (node: { value?: unknown }) => {
      await loadChildren(String(node.value));
    },
  };

  if (props.multiple) {
    return (
      <TreeSelect
        {...common}
        multiple
        value={props.value}
        onChange={(v: string[]) => props.onChange?.(v)}
        maxTagCount="responsive"
      />
    );
  }
  return (
    <TreeSelect
      {...common}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v)}
    />
  );
}
