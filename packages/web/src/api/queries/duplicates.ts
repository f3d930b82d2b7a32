// react-query hooks over api/duplicates.ts. The queue is read by the list page (useListPage, key
// ['duplicates', query]); a decision or a finished scan refreshes it, and a merge every view of the
// two files (the merged one is removed, the kept one holds its records and history now).
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifyDuplicatesChanged } from '../../lib/events';
import { householdKey } from './households';
import { campaignKeys } from './campaigns';

export const duplicateKeys = {
  /** the list page's name in useListPage (its key is ['duplicates', query]) */
  list: ['duplicates'] as const,
};

/** After a scan finished or a pair was decided: the queue (and the menu's count). */
export function useDuplicatesChanged() {
  const client = useQueryClient();
  return useCallback((merged?: { keptId: number; removedId: number }) => {
    const keys: (readonly unknown[])[] = [duplicateKeys.list];
    if (merged)
      keys.push(
        householdKey(merged.keptId),
        householdKey(merged.removedId),
        ['households'],
        ['my-households'],
        ['my-assistance-records'],
        ['follow-ups'],
        ['follow-up-summary'],
        ['assistance-summary'],
        ['batches'],
        campaignKeys.todos,
        campaignKeys.dashboard,
      );
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
    notifyDuplicatesChanged();
  }, [client]);
}
