import { Tag } from 'antd';

/**
 * A coded state as a coloured tag: a case's, a task's, a proposal's or an opinion's status, a rating.
 * It shows the name the server sent when given, else the module's table's name, and never the code.
 */
export function StatusTag<S extends string>({
  status,
  colors,
  names,
  name,
  className,
  'data-testid': testId,
}: {
  status: S;
  colors: Partial<Record<S, string>>;
  names?: Partial<Record<S, string>>;
  /** The server's own name for the state (statusName), preferred when present. */
  name?: string | null;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <Tag color={colors[status] ?? 'default'} data-testid={testId} data-status={status} className={className}>
      {name || names?.[status] || '—'}
    </Tag>
  );
}
