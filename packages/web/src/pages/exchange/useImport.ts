import { useCallback, useEffect, useState } from 'react';
import { getImport, type ImportView } from '../../api/exchange';
import { isApiError } from '../../api/request';
import { IMPORT_POLL_MS, isImportBusy } from './importModel';

/**
 * An import, read every second while the server analyzes or commits it (like the policy page's
 * job progress). `replace` sets a fresher view (the answer of commit / cancel) and restarts polling.
 */
export function useImport(id: number | null): { view: ImportView | null; error: unknown; replace: (v: ImportView) => void } {
  const [view, setView] = useState<ImportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    setView((v) => (v && v.id === id ? v : null));
    setError(null);
    if (id === null) return;
    const ctrl = new AbortController();
    let timer: number | undefined;
    const read = async () => {
      try {
        const v = await getImport(id, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setView(v);
        setError(null);
        if (isImportBusy(v.status)) timer = window.setTimeout(read, IMPORT_POLL_MS);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(e);
        // a 404 will not get better; a lost answer is retried, a little slower
        if (!(isApiError(e) && e.status === 404)) timer = window.setTimeout(read, IMPORT_POLL_MS * 3);
      }
    };
    void read();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [id, tick]);

  const replace = useCallback((v: ImportView) => {
    setView(v);
    setTick((t) => t + 1);
  }, []);
  return { view, error, replace };
}
