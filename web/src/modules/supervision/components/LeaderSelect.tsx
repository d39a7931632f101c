import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { supervisionApi, type Named } from '../api';

let cache: Promise<Named[]> | null = null;

/** Accounts with the 区领导 role, for 牵头领导 / 主持人 / 参会领导 pickers. */
export function useLeaders(): Named[] {
  const [list, setList] = useState<Named[]>([]);
  useEffect(() => {
    let stale = false;
    cache ??= supervisionApi
      .leaders()
      .then((r) => r.items)
      .catch((e) => {
        cache = null;
        throw e;
      });
    cache.then((l) => !stale && setList(l)).catch(() => undefined);
    return () => {
      stale = true;
    };
  }, []);
  return list;
}

interface Props {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function LeaderSelect({ value, onChange, multiple, placeholder = '选择区领导', style, ...rest }: Props) {
  const leaders = useLeaders();
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={leaders.map((l) => ({ value: l.id, label: l.name }))}
      data-testid={rest['data-testid']}
    />
  );
}
