// react-query hooks over api/transfers.ts. A household's transfers sit under ['household', id], so
// that a change to the file reads them again; a request, a decision or a withdrawal refreshes every
// view it changes (the file moved: its number, history and follow-ups; the lists; the 待办).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getHouseholdTransfers } from '../transfers';
import { notifyTransfersChanged } from '../../lib/events';
import { householdKey } from './households';
import { campaignKeys } from './campaigns';

export const transferKeys = {
  household: (id: string | number) => ['household', String(id), 'transfers'] as const,
  /** the list page's name in useListPage (its key is ['transfers', query]) */
  list: ['transfers'] as const,
};

export const useHouseholdTransfers = (id: string | number, enabled = true) =>
  useQuery({ queryKey: transferKeys.household(id), queryFn: ({ signal }) => getHouseholdTransfers(id, signal), enabled });

/**
 * After a transfer was asked for, decided or withdrawn: the file (moved: its number, place,
 * history, identification) with its transfers, the lists that show it, 我的帮扶对象, the 待办 and
 * the 工作台.
 */
export function useTransferChanged() {
  const client = useQueryClient();
  /** `gone`: the file moved out of the user's reach (its page would answer 404): forgotten, not read again. */
  return (householdId: number, { gone = false }: { gone?: boolean } = {}) => {
    if (gone) client.removeQueries({ queryKey: householdKey(householdId) });
    for (const queryKey of [...(gone ? [] : [householdKey(householdId)]), transferKeys.list, ['households'], ['my-households'], ['my-assistance-records'], campaignKeys.todos, campaignKeys.dashboard])
      void client.invalidateQueries({ queryKey });
    notifyTransfersChanged();
  };
}
