// A page whose filters live in the URL (year, level, region, status): the parameters, and an update
// that sets the given ones (an empty value removes it) in place of the current entry of history.
import { useSearchParams } from 'react-router';

export function useParamsUpdate() {
  const [params, setParams] = useSearchParams();
  const update = (p: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(p)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return [params, update] as const;
}
