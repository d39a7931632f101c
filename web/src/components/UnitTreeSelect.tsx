import { Spin, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDebounced } from '../lib/use-debounced';
import { orgApi, type Unit } from '../modules/org/api';
import { useUnitTree } from '../modules/org/use-unit-tree';
import type { UnitPickerProps } from './UnitPicker';
import { UnitKindTag } from './UnitKindTag';

/** The most matches shown for a typed name, and how many of them get their 街道 / 社区 path. */
const MATCHES = 50;
const WITH_PATH = 10;

interface Match {
  unit: Unit;
  /** The names above it, below the scope root: 城北街道办事处 / 北关社区. */
  path?: string;
}

/**
 * Typing searches the whole scope on the server (the tree is loaded lazily, so filtering the nodes
 * opened so far would miss most units): the matches replace the tree while there is text.
 */
function useUnitSearch(text: string) {
  const q = useDebounced(text.trim(), 250);
  const [result, setResult] = useState<{ q: string; matches: Match[] } | null>(null);
  useEffect(() => {
    if (!q) return;
    let live = true;
    (async () => {
      const units = (await orgApi.listUnits({ q, limit: MATCHES })).items;
      const paths = await Promise.all(
        units.slice(0, WITH_PATH).map((u) =>
          orgApi.getUnit(u.id).then(
            (d) =>
              d.ancestors
                .slice(1)
                .map((a) => a.name)
                .join(' / '),
            () => undefined,
          ),
        ),
      );
      if (live) setResult({ q, matches: units.map((unit, i) => ({ unit, path: paths[i] })) });
    })().catch(() => live && setResult({ q, matches: [] }));
    return () => {
      live = false;
    };
  }, [q]);
  const searching = !!text.trim();
  const current = searching && result && result.q === text.trim() ? result.matches : null;
  return { searching, matches: current, loading: searching && !current };
}

/** The organisation tree of the account's data scope, loaded as it is opened; typing searches all of it. */
export function UnitTreeSelect(props: UnitPickerProps) {
  const tree = useUnitTree();
  const { units, children, roots, loadChildren, revealPath } = tree;
  const [searchValue, setSearchValue] = useState('');
  const search = useUnitSearch(searchValue);
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

  const matchData = useMemo(
    () =>
      (search.matches ?? []).map(({ unit: u, path }) => {
        const selectable = !props.selectableKinds || props.selectableKinds.includes(u.kind);
        return {
          id: u.id,
          pId: null,
          value: u.id,
          label: u.name,
          title: (
            <span>
              <UnitKindTag kind={u.kind} />
              {u.name}
              {path && (
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {path}
                </Typography.Text>
              )}
            </span>
          ),
          isLeaf: true,
          selectable,
          disabled: u.status === 'retired' || u.id === props.disabledId,
          disableCheckbox: !selectable,
        };
      }),
    [search.matches, props.selectableKinds, props.disabledId],
  );

  const common = {
    treeDataSimpleMode: true,
    // While there is text, the server's matches (a picked one then shows its name from `units`).
    treeData: search.searching
      ? [
          ...matchData,
          ...treeData
            .filter((r) => values.includes(r.id) && !matchData.some((m) => m.id === r.id))
            .map((r) => ({ ...r, pId: null })),
        ]
      : treeData,
    showSearch: true,
    searchValue,
    onSearch: setSearchValue,
    // The server matched already (name or code); the shown list is exactly its answer.
    filterTreeNode: search.searching ? false : undefined,
    notFoundContent: search.loading ? <Spin size="small" /> : '没有匹配的单位',
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
