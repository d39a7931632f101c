import type { UnitKind } from '../modules/org/api';
import { UnitSearchSelect } from './UnitSearchSelect';
import { UnitTreeSelect } from './UnitTreeSelect';

interface BaseProps {
  placeholder?: string;
  /** Only these kinds can be picked (others still show, to browse through). Tree only. */
  selectableKinds?: UnitKind[];
  /** A unit that must not be picked (e.g. the unit being moved). Tree only. */
  disabledId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
  /**
   * A flat list searched by name (the scope and the level below it shown first) instead of the
   * tree: for units known by name, such as a task's lead unit.
   */
  byName?: boolean;
}

interface SingleProps extends BaseProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends BaseProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

export type UnitPickerProps = SingleProps | MultipleProps;

/** The console's one unit picker (cases, reporting, proposals, supervision, org, people, accounts). */
export function UnitPicker(props: UnitPickerProps) {
  return props.byName ? <UnitSearchSelect {...props} /> : <UnitTreeSelect {...props} />;
}
