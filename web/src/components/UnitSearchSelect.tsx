import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { orgApi, type Unit } from '../modules/org/api';
import type { UnitPickerProps } from './UnitPicker';
import { UnitKindTag } from './UnitKindTag';

let topCache: Promise<Unit[]> | null = null;
function topUnits(): Promise<Unit[]> {
  topCache ??= (async () => {
    const roots = (await orgApi.listUnits()).items;
    const kids = await Promise.all(
      roots.filter((r) => r.childCount > 0).map((r) => orgApi.listUnits({ parentId: r.id }).then((x) => x.items)),
    );
    return [...roots, ...kids.flat()].filter((u) => u.status === 'active');
  })().catch((e) => {
    topCache = null;
    throw e;
  });
  return topCache;
}

/**
 * The caller's scope and the level below it at once, any other unit by name search: a flat list
 * rather than the tree, for units picked by name (局、办、街道 …), not found by browsing grids.
 */
export function UnitSearchSelect(props: UnitPickerProps) {
  const [top, setTop] = useState<Unit[]>([]);
  const [found, setFound] = useState<Unit[] | null>(null);
  const [known, setKnown] = useState<Record<string, Unit>>({});
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const values = useMemo(
    () => (props.multiple ? (props.value ?? []) : props.value ? [props.value] : []),
    [props.multiple, props.value],
  );

  useEffect(() => {
    topUnits().then(setTop, () => setTop([]));
    return () => window.clearTimeout(timer.current);
  }, []);

  // Values set from outside (a preset lead unit) need their names.
  useEffect(() => {
    const have = new Set([...top, ...(found ?? []), ...Object.values(known)].map((u) => u.id));
    for (const id of values) {
      if (have.has(id)) continue;
      orgApi.getUnit(id).then(
        (u) => setKnown((k) => ({ ...k, [u.id]: u })),
        () => undefined,
      );
    }
  }, [values, top, found, known]);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) {
      setFound(null);
      return;
    }
    timer.current = window.setTimeout(() => {
      setLoading(true);
      orgApi
        .listUnits({ q: q.trim() })
        .then((r) => setFound(r.items.filter((u) => u.status === 'active')))
        .catch(() => setFound([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  const options = useMemo(() => {
    const list = found ?? top;
    const byId = new Map<string, Unit>();
    for (const u of [...Object.values(known), ...top, ...(found ?? [])]) byId.set(u.id, u);
    const shown = [
      ...list,
      ...values.map((id) => byId.get(id)).filter((u): u is Unit => !!u && !list.some((x) => x.id === u.id)),
    ];
    return shown.map((u) => ({
      value: u.id,
      label: u.name,
      title: u.name,
      render: (
        <span>
          <UnitKindTag kind={u.kind} />
          {u.name}
        </span>
      ),
    }));
  }, [found, top, known, values]);

  const common = {
    showSearch: true,
    allowClear: true,
    filterOption: false,
    onSearch: search,
    onOpenChange: (open: boolean) => !open && setFound(null),
    loading,
    placeholder: props.placeholder ?? '输入名称搜索单位',
    style: { width: '100%', ...props.style },
    options,
    optionRender: (o: { data: { render?: React.ReactNode; label?: React.ReactNode } }) => o.data.render ?? o.data.label,
    notFoundContent: found ? '没有匹配的单位' : undefined,
    'data-testid': props['data-testid'],
  };
  if (props.multiple) {
    const onChange = props.onChange;
    return (
      <Select
        {...common}
        mode="multiple"
        maxTagCount="responsive"
        value={props.value ?? []}
        onChange={(v: string[]) => onChange?.(v)}
      />
    );
  }
  const onChange = props.onChange;
  return <Select {...common} value={props.value ?? undefined} onChange={(v?: string) => onChange?.(v ?? undefined)} />;
}
