import { Tag } from 'antd';
import type { UnitKind } from '../api';
import { unitKindColor, unitKindLabel } from '../unit-kinds';

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
