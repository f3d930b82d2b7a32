// Server state lives in @tanstack/react-query. The defaults keep the behaviour the pages had with
// their hand-written fetching: no silent retries (an error shows at once, with 重试), no refetch
// when the window regains focus, and nothing cached once no page shows it (every visit reads fresh).
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: 0 },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
