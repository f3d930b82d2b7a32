import { useEffect } from 'react';

/** While `active` (unsaved edits), closing or reloading the tab asks first. */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [active]);
}
