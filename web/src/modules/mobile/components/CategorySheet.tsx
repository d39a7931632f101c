import { CheckOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Drawer, Empty, Input } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Category } from '../api';

interface Props {
  open: boolean;
  categories: Category[];
  value: string | null;
  onClose(): void;
  onPick(c: Category): void;
}

/** The two-level picker: 大类 on the left, its 小类 on the right; or a search over all 小类. */
export function CategorySheet({ open, categories, value, onClose, onPick }: Props) {
  const groups = useMemo(() => categories.filter((c) => c.level === 1 && c.active), [categories]);
  const leaves = useMemo(() => categories.filter((c) => c.level === 2 && c.active), [categories]);
  const current = leaves.find((c) => c.code === value);
  const [group, setGroup] = useState<string | null>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    if (open) {
      setGroup(current?.parentCode ?? groups[0]?.code ?? null);
      setQ('');
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const groupName = (code: string | null) => groups.find((g) => g.code === code)?.name ?? '';
  const query = q.trim();
  const found = query
    ? leaves.filter(
        (c) => c.name.includes(query) || c.code.startsWith(query) || groupName(c.parentCode).includes(query),
      )
    : [];
  const shown = leaves.filter((c) => c.parentCode === group);

  const leaf = (c: Category, withGroup: boolean) => (
    <button
      type="button"
      key={c.code}
      className={`cgm-cat-leaf${c.code === value ? ' is-active' : ''}`}
      onClick={() => onPick(c)}
      data-testid={`m-category-${c.code}`}
    >
      <span className="cgm-cat-leaf-name">
        {withGroup && <span className="cgm-cat-leaf-group">{groupName(c.parentCode)} / </span>}
        {c.name}
      </span>
      {c.code === value ? <CheckOutlined /> : <span className="cgm-cat-code">{c.code}</span>}
    </button>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      height="86%"
      title="选择问题类别"
      className="cgm-sheet"
      destroyOnHidden
      data-testid="m-category-sheet"
    >
      <div className="cgm-cat">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索类别，如：垃圾、占道、井盖"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="m-category-search"
          className="cgm-cat-search"
        />
        {query ? (
          <div className="cgm-cat-results">
            {found.length ? (
              found.map((c) => leaf(c, true))
            ) : (
              <Empty description="没有匹配的类别" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </div>
        ) : (
          <div className="cgm-cat-columns">
            <div className="cgm-cat-groups">
              {groups.map((g) => (
                <button
                  type="button"
                  key={g.code}
                  className={`cgm-cat-group${g.code === group ? ' is-active' : ''}`}
                  onClick={() => setGroup(g.code)}
                  data-testid={`m-category-group-${g.code}`}
                >
                  <span>{g.name}</span>
                  {g.code === current?.parentCode && <span className="cgm-cat-dot" />}
                  <RightOutlined className="cgm-cat-arrow" />
                </button>
              ))}
            </div>
            <div className="cgm-cat-leaves">{shown.map((c) => leaf(c, false))}</div>
          </div>
        )}
      </div>
    </Drawer>
  );
}
