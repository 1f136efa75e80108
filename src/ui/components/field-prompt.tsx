import { Box } from 'ink';
import { Text } from './text.js';
import { useKeys } from '../input-focus.js';
import { useEffect, useRef, useState } from 'react';
import type { Parsed } from '../../wizard/answers.js';
import { useHints } from '../hints-context.js';
import { useTextEdit } from '../hooks/use-text-edit.js';
import { is } from '../keymap.js';
import { theme } from '../theme.js';
import { TextBox } from './text-box.js';

export interface FieldPromptProps {
  prompt: string;
  help?: string;
  initial: string;
  multiline?: boolean;
  maxLines?: number;
  placeholder?: string;
  /**
   * A default is the answer when the field is left empty (Enter takes it); an example only
   * shows the form an answer takes. Either becomes the text with Tab or →.
   */
  placeholderIs?: 'default' | 'example';
  /** Reads the typed text; an error keeps the person on the field with that sentence. */
  parse(text: string): Parsed & { warning?: string };
  onAccept(value: unknown, text: string): void;
  /** Esc, told the text in the field (to be kept for when the person comes back). */
  onBack?(text: string): void;
  /** Ctrl+X: edit this text in $VISUAL/$EDITOR. */
  onOpenEditor?(text: string): void;
  /** Candidates for Tab completion (timezones). */
  suggest?(text: string): string[];
  /** What Tab makes of the text, where it is not simply the first candidate (a path: the part all candidates share). */
  complete?(text: string, candidates: string[]): string | undefined;
  /** Told the text after every change (what would be lost if the wizard closed now). */
  onChange?(text: string): void;
  isActive?: boolean;
  /** Enter with the field empty: return true if it was taken (a list ends), else the answer is checked. */
  onEmptySubmit?(text: string): boolean;
  /** What Enter does on the empty field, for the footer ("finish list"). */
  emptySubmitDoes?: string;
}

/**
 * One question answered by typing. Enter checks the answer: a problem is shown under the
 * field in one sentence and the field keeps what was typed; a good answer moves on.
 */
export function FieldPrompt(props: FieldPromptProps) {
  const { prompt, help, initial, multiline = false, isActive = true } = props;
  const { state, handle, replace, latest } = useTextEdit(initial, multiline);
  const [error, setError] = useState<string | undefined>();
  const [refusedNewline, setRefusedNewline] = useState(false);
  // A reading to confirm (an end moved to the next day), and the text it was shown for.
  const [confirm, setConfirm] = useState<string | undefined>();
  const confirming = useRef<string | undefined>(undefined);

  const placeholderShown = !!props.placeholder && state.text === '' && !multiline;
  useHints(
    [
      {
        keys: 'submit',
        does: state.text.trim() === '' && props.emptySubmitDoes ? props.emptySubmitDoes : placeholderShown && props.placeholderIs === 'default' ? 'use default' : 'next',
      },
      ...(placeholderShown ? [{ keys: 'takePlaceholder' as const, does: props.placeholderIs === 'default' ? 'edit default' : 'use example' }] : []),
      ...(multiline ? [{ keys: 'newline' as const, does: 'newline' }] : []),
      ...(props.onOpenEditor ? [{ keys: 'openEditor' as const, does: 'editor' }] : []),
      ...(props.suggest && !placeholderShown ? [{ keys: 'complete' as const, does: 'complete' }] : []),
      ...(props.onBack ? [{ keys: 'back' as const, does: 'back' }] : []),
    ],
    isActive,
  );

  // Told as each key is taken, not after the redraw: a Ctrl+C in the same burst of keys quits
  // before effects run, and must find everything typed before it.
  const report = () => props.onChange?.(latest.current.text);
  useEffect(() => {
    report();
  }, []);

  const offered = props.suggest ? props.suggest(state.text) : [];
  const suggestions = offered.slice(0, 4);
  const live = state.text.trim() === '' ? undefined : props.parse(state.text);

  useKeys(
    (input, key) => {
      if (is('quit', input, key)) return;
      if (is('back', input, key)) {
        props.onBack?.(latest.current.text);
        return;
      }
      if (is('openEditor', input, key) && props.onOpenEditor) {
        props.onOpenEditor(latest.current.text);
        return;
      }
      const empty = latest.current.text === '';
      if (empty && props.placeholder && !multiline && is('takePlaceholder', input, key)) {
        replace(props.placeholder);
        setError(undefined);
        report();
        return;
      }
      if (is('complete', input, key) && suggestions[0]) {
        replace(props.complete?.(latest.current.text, props.suggest!(latest.current.text)) ?? suggestions[0]);
        // The text changed: what was said about the old text no longer holds.
        setError(undefined);
        setRefusedNewline(false);
        if (confirming.current !== latest.current.text) setConfirm(undefined);
        report();
        return;
      }
      const result = handle(input, key);
      report();
      if (result === 'submit') {
        if (latest.current.text.trim() === '' && props.onEmptySubmit?.(latest.current.text)) return;
        // Enter on an empty field takes its default, as if typed.
        const text = latest.current.text.trim() === '' && props.placeholder && props.placeholderIs === 'default' ? props.placeholder : latest.current.text;
        const parsed = props.parse(text);
        if (parsed.ok && parsed.confirm && confirming.current !== text) {
          // Shown once; Enter again on the same text takes it.
          confirming.current = text;
          setConfirm(parsed.confirm);
          return;
        }
        if (parsed.ok) {
          setError(undefined);
          props.onAccept(parsed.value, text);
        } else {
          setError(parsed.error);
        }
        return;
      }
      if (result === 'newline-refused') {
        setRefusedNewline(true);
        return;
      }
      if (result) {
        setError(undefined);
        setRefusedNewline(false);
        if (confirming.current !== latest.current.text) setConfirm(undefined);
      }
    },
    { isActive, text: true },
  );

  return (
    <Box flexDirection="column">
      <Text bold>{prompt}</Text>
      {help ? <Text color={theme.muted}>{help}</Text> : null}
      <Box marginTop={1} flexDirection="column">
        <TextBox state={state} multiline={multiline} maxLines={props.maxLines} placeholder={props.placeholder} placeholderIs={props.placeholderIs} />
      </Box>
      {error ? <Text color={theme.error}>✗ {error}</Text> : null}
      {!error && refusedNewline ? <Text color={theme.warn}>This answer is one line: press Enter to go on.</Text> : null}
      {!error && live?.ok && live.note ? <Text color={theme.muted}>  → {live.note}</Text> : null}
      {!error && live?.ok && live.warning ? <Text color={theme.warn}>⚠ {live.warning}</Text> : null}
      {!error && confirm ? <Text color={theme.warn}>? {confirm}</Text> : null}
      {suggestions.length > 0 && !suggestions.includes(state.text) ? (
        <Text color={theme.muted}>  Tab: {suggestions.join(' · ')}{offered.length > suggestions.length ? ` · +${offered.length - suggestions.length} more` : ''}</Text>
      ) : null}
    </Box>
  );
}
