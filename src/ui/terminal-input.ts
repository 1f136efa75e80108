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

/**
 * The terminal's stdin as ink should see it: the same stream (raw mode, listeners, ref) with
 * each chunk it reads passed through sanitizeTerminalInput.
 */
export function sanitizedStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  return new Proxy(stdin, {
    get(target, property, receiver) {
      if (property === 'read') {
        return (size?: number) => {
          const chunk = target.read(size) as string | Buffer | null;
          return chunk === null ? null : sanitizeTerminalInput(String(chunk));
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
