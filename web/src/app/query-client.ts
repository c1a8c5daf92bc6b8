import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, isUnauthenticated } from "../shared/api/problem";
import { sessionQueryKey } from "../shared/auth/session";

/**
 * One QueryClient for the app. A 401 from anything but the session probe means the
 * session ended (expired, logged out elsewhere): forget it and let the app go to login.
 */
export function createAppQueryClient(onSessionEnded: () => void): QueryClient {
  const handleError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (!isUnauthenticated(error) || queryKey?.[0] === sessionQueryKey[0]) return;
    queryClient.setQueryData(sessionQueryKey, null);
    onSessionEnded();
  };

  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // Login answers 401 for bad credentials: that is a form error, not an ended session.
        if (mutation.options.meta?.expectsUnauthenticated) return;
        handleError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors will not fix themselves; retry only server or network trouble.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return queryClient;
}
