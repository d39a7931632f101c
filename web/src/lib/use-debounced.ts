import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `ms` (for lookups while someone types or clicks around).
 * Values are compared by content (JSON), so an object rebuilt on every render still settles.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(JSON.parse(key ?? 'null') as T), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return settled;
}
