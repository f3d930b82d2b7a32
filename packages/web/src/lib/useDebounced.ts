// A value that follows another `ms` after it last changed: the live identification, and the
// searches of the pickers and the identity-number check, ask once typing pauses.
import { useEffect, useState } from 'react';

/** The value, `ms` after it last changed (the first value at once). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}
