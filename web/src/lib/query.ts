/**
 * The console's data hooks: TanStack Query over the `api` helpers. A page names what it reads with a
 * key and a path (or a module's api function); loading, errors, aborting on unmount or when the key
 * changes, and refreshing after a change all happen here, once.
 *
 * Keys start with the module's name (`['cases', 'list', query]`), so a change can refresh everything
 * of a module with `invalidates: [['cases']]`.
 */
import {
  keepPreviousData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useMemo } from 'react';
import { api, ApiError, errorText, type Query } from './api';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation function below fails with an ApiError (see toApiError).
    defaultError: ApiError;
  }
}

/** 4xx answers will not change by asking again; network failures and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (n) => Math.min(500 * 2 ** n, 4_000),
        // Office pages are read at a desk for a while; a tab switch is no reason to reload a table.
        refetchOnWindowFocus: false,
        // The console talks to its own server: a failure should show as one, not wait for "online".
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** Whatever a fetch threw, as an ApiError (aborts pass through untouched: the query ignores them). */
function toApiError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  if ((e as Error)?.name === 'AbortError') return e;
  return new ApiError(0, { detail: errorText(e) });
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toApiError(e);
  }
}

export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

/** The cache key useApiQuery uses, e.g. to put a changed record the server answered with `setQueryData`. */
export function apiQueryKey(key: QueryKey, source: string | Fetcher<unknown>, query?: Query): QueryKey {
  return typeof source === 'string' ? [...key, source, query ?? null] : [...key, query ?? null];
}

export interface ApiQueryOptions<T> {
  /** false: do not fetch (yet), e.g. until an id or a filter is known. */
  enabled?: boolean;
  /** Keep showing the previous key's data while the next loads (lists under changing filters). Default true. */
  keepPrevious?: boolean;
  /** Show a failure as a message.error toast, as list pages do. Default false (the page renders `error`). */
  toastError?: boolean;
  staleTime?: number;
  refetchInterval?: number | false;
  /** Data to start from, e.g. a row already loaded by the list. */
  initialData?: T;
}

type ApiQueryResult<T> = UseQueryResult<T, ApiError> & { loading: boolean };

/**
 * GET `path` (with `query`) or run `fetcher(signal)`, cached under `[...key, query]`.
 * `loading` is true whenever a request is in flight (first load and refreshes), like the pages' spinners.
 * A fetcher takes no query: its options come fourth, after `undefined` (options given third were taken
 * for a query, so `enabled` was ignored and e.g. `/boards/null` was asked for).
 */
export function useApiQuery<T>(
  key: QueryKey,
  source: string,
  query?: Query,
  options?: ApiQueryOptions<T>,
): ApiQueryResult<T>;
export function useApiQuery<T>(
  key: QueryKey,
  source: Fetcher<T>,
  query?: undefined,
  options?: ApiQueryOptions<T>,
): ApiQueryResult<T>;
export function useApiQuery<T>(
  key: QueryKey,
  source: string | Fetcher<T>,
  query?: Query,
  options: ApiQueryOptions<T> = {},
): ApiQueryResult<T> {
  const { message } = App.useApp();
  const result = useQuery<T, ApiError>({
    queryKey: apiQueryKey(key, source as string | Fetcher<unknown>, query),
    queryFn: ({ signal }) =>
      mapped(() => (typeof source === 'string' ? api.get<T>(source, query, { signal }) : source(signal))),
    enabled: options.enabled,
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    staleTime: options.staleTime,
    refetchInterval: options.refetchInterval,
    initialData: options.initialData,
  });
  const { error, errorUpdatedAt } = result;
  const toast = options.toastError ?? false;
  useEffect(() => {
    if (toast && error) message.error(errorText(error));
  }, [toast, error, errorUpdatedAt, message]);
  return Object.assign(result, { loading: result.isFetching });
}

/** A page of a list the server pages by cursor. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read page by page (加载更多): the pages so far as one list without repeats, and `loadMore`.
 * A refresh reads the pages shown again; a new key starts over from the first page.
 */
export function useApiCursorList<P extends CursorPage<{ id: string }>>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  options: Pick<ApiQueryOptions<P>, 'enabled' | 'toastError'> = {},
) {
  const { message } = App.useApp();
  const result = useInfiniteQuery<P, ApiError, { pages: P[] }, QueryKey, string | undefined>({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => mapped(() => fetchPage(pageParam, signal)),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
    placeholderData: keepPreviousData,
  });
  const { error, errorUpdatedAt, data } = result;
  const toast = options.toastError ?? false;
  useEffect(() => {
    if (toast && error) message.error(errorText(error));
  }, [toast, error, errorUpdatedAt, message]);
  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: P['items'][number][] = [];
    for (const page of data?.pages ?? []) {
      for (const x of page.items) {
        if (seen.has(x.id)) continue;
        seen.add(x.id);
        out.push(x);
      }
    }
    return out;
  }, [data]);
  // A failed 加载更多 keeps what is shown; a failed first page (or refresh) empties the list.
  const failed = !!error && !result.isFetchNextPageError;
  return {
    ...result,
    items: failed ? [] : items,
    firstPage: failed ? undefined : data?.pages[0],
    nextCursor: failed ? null : (data?.pages.at(-1)?.nextCursor ?? null),
    loading: result.isFetching && !result.isFetchingNextPage,
    loadingMore: result.isFetchingNextPage,
    loadMore: () => void result.fetchNextPage(),
  };
}

export interface ApiMutationOptions<TVars, TData> {
  /** Keys (prefixes) to refresh once the change went through. */
  invalidates?: QueryKey[];
  /** A message.success toast once it went through. */
  successMessage?: string | ((data: TData, vars: TVars) => string);
  /** Show a failure as a message.error toast. Default true; false when the caller shows it (e.g. on a form). */
  toastError?: boolean;
  onSuccess?: (data: TData, vars: TVars) => void | Promise<void>;
}

/** A change (POST/PATCH/PUT/DELETE) that refreshes the queries it affects. */
export function useApiMutation<TVars = void, TData = unknown>(
  fn: (vars: TVars) => Promise<TData>,
  options: ApiMutationOptions<TVars, TData> = {},
) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation<TData, ApiError, TVars>({
    mutationFn: (vars) => mapped(() => fn(vars)),
    onSuccess: async (data, vars) => {
      const { successMessage } = options;
      if (successMessage)
        message.success(typeof successMessage === 'function' ? successMessage(data, vars) : successMessage);
      await Promise.all((options.invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      await options.onSuccess?.(data, vars);
    },
    onError: (e) => {
      if (options.toastError ?? true) message.error(errorText(e));
    },
  });
}

/** Refreshes queries by key prefix, for changes made outside useApiMutation (modals, drawers). */
export function useInvalidate(): (...keys: QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return async (...keys) => {
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  };
}
