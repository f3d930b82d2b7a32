// react-query hooks over api/bulletins.ts. Read once per visit (the client keeps nothing once no
// page shows it): going back to the list after opening a bulletin shows it as read.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getBulletin, listBulletins, type Bulletin } from '../bulletins';

export const bulletinKeys = {
  list: ['bulletins'] as const,
  one: (id: string) => ['bulletin', id] as const,
};

export const useBulletins = () => useQuery({ queryKey: bulletinKeys.list, queryFn: ({ signal }) => listBulletins(signal) });
export const useBulletin = (id: string) => useQuery({ queryKey: bulletinKeys.one(id), queryFn: ({ signal }) => getBulletin(id, signal) });

/** After a save or a publication: the page shows the server's answer at once. */
export function usePutBulletin() {
  const client = useQueryClient();
  return (b: Bulletin) => {
    client.setQueryData(bulletinKeys.one(String(b.id)), b);
    void client.invalidateQueries({ queryKey: bulletinKeys.list });
  };
}
