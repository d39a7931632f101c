import { Alert } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { errorText } from '../lib/api';

/** A failed call as the pages show it: a red alert with the server's Chinese message. Nothing when no error. */
export function ErrorAlert({
  error,
  style,
  action,
  'data-testid': testId,
}: {
  error: unknown;
  style?: CSSProperties;
  action?: ReactNode;
  'data-testid'?: string;
}) {
  if (!error) return null;
  return <Alert type="error" showIcon message={errorText(error)} style={style} action={action} data-testid={testId} />;
}
