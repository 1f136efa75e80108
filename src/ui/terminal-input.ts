/*
 * What reaches ink from the keyboard. Ink 6 understands key sequences (arrows, Home, F-keys)
 * but throws on other escape sequences, such as the colour codes in pasted terminal output,
 * and would show the rest as text. Those are removed before ink reads them.
 */

// Final bytes of CSI sequences that are keys: arrows, Home/End, F1–F4, Shift+Tab, `~` keys, kitty's `u`.
const KEY_FINALS = new Set(['A', 'B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'R', 'S', 'Z', '~', 'u']);
const CSI = /(?:\u001b\[|\u009b)([0-?]*)([ -/]*)([@-~])/g;
// OSC (titles, hyperlinks) and the string controls DCS, SOS, PM and APC, up to BEL or ST.
const STRING_CONTROLS = /\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)/g;

export function sanitizeTerminalInput(chunk: string): string {
  return chunk
    .replace(STRING_CONTROLS, '')
    .replace(CSI, (sequence, params: string, _intermediate: string, final: string) => {
      if (final === '~' && (params === '200' || params === '201')) return ''; // bracketed paste markers
      return KEY_FINALS.has(final) && !params.startsWith('<') && !params.startsWith('?') ? sequence : '';
    });
}

/** Asks the terminal to mark pastes (bracketed paste mode), and to stop. */
export const BRACKETED_PASTE_ON = '\u001b[?2004h';
export const BRACKETED_PASTE_OFF = '\u001b[?2004l';
export const PASTE_START = '\u001b[200~';
export const PASTE_END = '\u001b[201~';
// CSI, SS3 (ESC O x), string controls up to BEL/ST, or ESC and one character.
const ANY_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|O[ -~]?|[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|.?)|\u009b[0-?]*[ -/]*[@-~]/g;

/**
 * What was pasted, as text: escape sequences in it are never keys, and its line breaks (CR
 * from most terminals) are line breaks, never Enter. Breaks at its very end are dropped: a
 * chunk ending in one is a line typed ahead with Enter, which a paste must never look like.
 */
export function pastedText(text: string): string {
  return text.replace(ANY_ESCAPE, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

// A control key (C0 but ESC, which starts a sequence ink parses itself; DEL) on its own.
const CONTROL_KEY = /([\u0000-\u001a\u001c-\u001f\u007f])/;

/** "ab\u0003" → ["ab", "\u0003"]: text runs and control keys as separate pieces. */
export function splitKeys(text: string): string[] {
  return text.split(CONTROL_KEY).filter((piece) => piece !== '');
}

const marked = (pasted: string) => `${PASTE_START}${pasted}${PASTE_END}`;

/**
 * Joins a bracketed paste that arrives in several reads into one chunk, so the wizard sees
 * one paste (its line breaks kept, none taken as Enter) however the terminal split it.
 */
export class PasteJoiner {
  private pasting = false;
  private buffer = '';

  get waiting(): boolean {
    return this.pasting;
  }

  /**
   * Takes a chunk as read; returns the pieces to pass on now, in order. Typed keys are split
   * so that each control key (Ctrl+C, Enter, Backspace, Tab) is a piece of its own: keys
   * arriving together (fast typing, a slow connection) are each seen, none swallowed as text.
   * A paste is one piece, between its start and end markers (clean, in one read), so the key
   * dispatcher can tell it from keys typed ahead.
   */
  push(chunk: string): string[] {
    const pieces: string[] = [];
    let rest = chunk;
    while (rest !== '') {
      if (!this.pasting) {
        const start = rest.indexOf(PASTE_START);
        if (start === -1) {
          pieces.push(...splitKeys(sanitizeTerminalInput(rest)));
          return pieces;
        }
        pieces.push(...splitKeys(sanitizeTerminalInput(rest.slice(0, start))));
        rest = rest.slice(start + PASTE_START.length);
        this.pasting = true;
      }
      const end = rest.indexOf(PASTE_END);
      if (end === -1) {
        this.buffer += rest;
        return pieces;
      }
      const pasted = pastedText(this.buffer + rest.slice(0, end));
      if (pasted !== '') pieces.push(marked(pasted));
      this.buffer = '';
      this.pasting = false;
      rest = rest.slice(end + PASTE_END.length);
    }
    return pieces;
  }

  /** A paste whose end never came (a terminal that lost it): pass on what there is. */
  flush(): string {
    const out = pastedText(this.buffer);
    this.buffer = '';
    this.pasting = false;
    return out === '' ? '' : marked(out);
  }
}

/** A paste not finished this long after its last piece is passed on as it is. */
const PASTE_PATIENCE_MS = 500;

/**
 * The terminal's stdin as ink should see it: the same stream (raw mode, listeners, ref) with
 * each chunk it reads sanitized, and bracketed pastes joined into one chunk.
 */
export function sanitizedStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const joiner = new PasteJoiner();
  let overdue: NodeJS.Timeout | undefined;
  let flushNow = false;
  let reads = 0;
  const giveUpLater = (target: NodeJS.ReadStream) => {
    overdue = setTimeout(() => {
      const seen = reads;
      // Timers run before the loop reads the terminal: if we were busy drawing, the rest of the
      // paste may be waiting unread. Decide only after the loop has had a look.
      setImmediate(() => {
        if (reads !== seen || !joiner.waiting) return;
        flushNow = true;
        target.emit('readable');
      });
    }, PASTE_PATIENCE_MS);
    overdue.unref();
  };
  const queue: string[] = [];
  return new Proxy(stdin, {
    get(target, property, receiver) {
      if (property === 'read') {
        // ink reads until null: the pieces of one chunk are handed over one read at a time.
        return (size?: number) => {
          if (queue.length > 0) return queue.shift()!;
          for (;;) {
            const chunk = target.read(size) as string | Buffer | null;
            if (chunk === null) {
              if (!flushNow) return null;
              flushNow = false;
              const rest = joiner.flush();
              return rest === '' ? null : rest;
            }
            reads++;
            queue.push(...joiner.push(String(chunk)));
            clearTimeout(overdue);
            if (joiner.waiting) giveUpLater(target);
            if (queue.length > 0) return queue.shift()!;
          }
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
