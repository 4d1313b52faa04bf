import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes to a Dexie `liveQuery` for the component's lifetime. Dexie re-runs the query when any
 * context of the extension origin (background, library, popup) commits a change it depends on.
 * Returns `undefined` until the first result arrives, and the error if the query fails.
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: unknown[] = [],
): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
