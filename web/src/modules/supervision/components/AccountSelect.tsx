import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { accountsApi } from '../../accounts/api';
import type { Named } from '../api';
import { useLeaders } from './LeaderSelect';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** Attendees: the district leaders at once, anyone else by searching the accounts. */
export function AccountSelect({ value, onChange, placeholder = '搜索姓名或账号', ...rest }: Props) {
  const leaders = useLeaders();
  const [found, setFound] = useState<Named[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(() => {
      accountsApi
        .list({ q: q.trim() })
        .then((r) =>
          setFound(
            r.items.filter((a) => !a.disabled).map((a) => ({ id: a.id, name: `${a.displayName}（${a.unitName}）` })),
          ),
        )
        .catch(() => setFound([]));
    }, 250);
  };

  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const a of [...leaders.map((l) => ({ id: l.id, name: `${l.name}（区领导）` })), ...found]) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ value: a.id, label: known[a.id] ?? a.name });
    }
    for (const id of value ?? []) if (!seen.has(id)) out.push({ value: id, label: known[id] ?? id });
    return out;
  }, [leaders, found, known, value]);

  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      onSearch={search}
      placeholder={placeholder}
      value={value ?? []}
      onChange={(v: string[], opts) => {
        const names = { ...known };
        for (const o of ([] as { value: string; label: string }[]).concat(opts as never))
          if (o?.value) names[o.value] = o.label;
        setKnown(names);
        onChange?.(v);
      }}
      options={options}
      data-testid={rest['data-testid']}
    />
  );
}
