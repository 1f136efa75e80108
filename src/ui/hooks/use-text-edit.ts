import { useCallback, useRef, useState } from 'react';
import type { Key } from 'ink';
import { applyKey, type EditResult, type EditState } from '../text-edit.js';

/**
 * A text field's value and cursor. `handle` applies a keypress and returns what happened;
 * a ref keeps the latest state so two keys arriving before a redraw both count.
 */
export function useTextEdit(initial: string, multiline: boolean) {
  const [state, setState] = useState<EditState>({ text: initial, cursor: initial.length });
  const latest = useRef(state);
  const handle = useCallback(
    (input: string, key: Key): EditResult => {
      // A one-line field given text and Enter in one chunk (keys sent by a script, a line typed
      // before the wizard started, a paste from a terminal that does not mark pastes) takes the
      // text and submits, as a shell prompt would. A marked paste never ends in a line break.
      if (!multiline && input.length > 1 && /[\r\n]$/.test(input) && !key.ctrl && !key.meta) {
        const typed = applyKey(latest.current, input.replace(/[\r\n]+$/, ''), {}, false);
        if (typed && typeof typed === 'object') {
          latest.current = typed;
          setState(typed);
        }
        return 'submit';
      }
      const result = applyKey(latest.current, input, key, multiline);
      if (result && typeof result === 'object') {
        latest.current = result;
        setState(result);
      }
      return result;
    },
    [multiline],
  );
  const replace = useCallback((text: string) => {
    latest.current = { text, cursor: text.length };
    setState(latest.current);
  }, []);
  return { state, handle, replace, latest };
}
