// react-query hooks over api/users.ts: the accounts and the approvals waiting for the city union.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listApprovals, listUsers, type UserItem } from '../users';

export const usersKey = ['users'] as const;

export const useUsers = () => useQuery({ queryKey: usersKey, queryFn: ({ signal }) => listUsers(signal) });
export const useApprovals = () => useQuery({ queryKey: ['user-approvals'], queryFn: ({ signal }) => listApprovals(signal) });

/** One account changed: put the server's answer in the list in place. */
export function useReplaceUser() {
  const client = useQueryClient();
  return (u: UserItem) => client.setQueryData<{ items: UserItem[] }>(usersKey, (d) => d && { items: d.items.map((x) => (x.id === u.id ? u : x)) });
}
