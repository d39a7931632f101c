import { Tag } from 'antd';
import type { UnitKind } from '../modules/org/api';
import { unitKindColor, unitKindLabel } from '../modules/org/unit-kinds';

/** A unit's kind (街道, 社区, 网格 …) as a coloured tag: the org tree, the unit pickers, the task forms. */
export function UnitKindTag({ kind, style }: { kind: UnitKind; style?: React.CSSProperties }) {
  return (
    <Tag
      color={unitKindColor[kind]}
      bordered={false}
      style={{ marginInlineEnd: 6, ...style }}
      data-testid="unit-kind-tag"
    >
      {unitKindLabel[kind] ?? kind}
    </Tag>
  );
}
