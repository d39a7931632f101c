import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { categoryTree, useCategories } from '../use-categories';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only 小类 can be picked (a report needs one). */
  leavesOnly?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  'data-testid'?: string;
}

/** 问题类别: 大类 / 小类 tree with search by code or name. */
export function CategorySelect({ value, onChange, leavesOnly, placeholder, style, allowClear = true, ...rest }: Props) {
  const { categories } = useCategories();
  const treeData = useMemo(
    () => categoryTree(categories ?? [], { leavesOnly, activeOnly: leavesOnly }),
    [categories, leavesOnly],
  );
  return (
    <TreeSelect
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      showSearch
      allowClear={allowClear}
      loading={categories === null}
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      placeholder={placeholder ?? '选择问题类别'}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      listHeight={400}
      treeExpandAction="click"
      data-testid={rest['data-testid']}
    />
  );
}
