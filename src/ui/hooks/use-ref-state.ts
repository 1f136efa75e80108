import { useCallback, useRef, useState } from 'react';

/**
 * State whose newest value a key handler can read at once. Several keys can arrive in one
 * chunk (a paste, key repeat) before React re-renders; handlers that read the ref see each
 * key's effect, where a closure over state would see the value from before the chunk.
 */
export function useRefState<T>(initial: T | (() => T)) {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T) => {
    ref.current = next;
    setValue(next);
  }, []);
  return [value, set, ref] as const;
}
