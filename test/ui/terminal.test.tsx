import { render } from 'ink';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newDraftFile, saveDraft } from '../../src/store/draft-file.js';
import { DraftSession } from '../../src/store/draft-session.js';
import { Providers } from '../../src/ui/root.js';
import { PasteJoiner, sanitizedStdin, sanitizeTerminalInput } from '../../src/ui/terminal-input.js';
import { WizardApp } from '../../src/ui/wizard-app.js';
import { initialState } from '../../src/wizard/reducer.js';
import { join } from 'node:path';
import { stripAnsi, waitFor } from '../support/ink.js';
import { runs } from '../support/property.js';
import { tempDir } from '../support/temp.js';
import { FakeStdin, FakeStdout } from '../support/fake-terminal.js';
import { renderMarkdown } from '../../src/render/render.js';


async function mountSized(columns: number, rows: number) {
  const file = await saveDraft(newDraftFile(join(tempDir(), 'pm.yaml')), { version: 1 });
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const app = render(
    <Providers session={new DraftSession(file)} services={{ editText: () => undefined, editDraft: () => undefined, quit: () => undefined }}>
      <WizardApp initial={initialState({ version: 1 })} writeReadme={async () => ({ ok: true, message: '' })} />
    </Providers>,
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: sanitizedStdin(stdin as unknown as NodeJS.ReadStream), debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  return { app, stdout, stdin, frame: () => stripAnsi(stdout.last) };
}

describe('the terminal', () => {
  it('asks for a larger window instead of drawing a broken screen, and redraws on resize', async () => {
    const { app, stdout, frame } = await mountSized(50, 12);
    await waitFor(() => expect(frame().replace(/\s+/g, ' ')).toContain('Make the window larger: at least 60×16 (now 50×12).'));
    stdout.columns = 80;
    stdout.rows = 24;
    stdout.emit('resize');
    await waitFor(() => expect(frame()).toContain('Title of the postmortem'));
    expect(Math.max(...frame().split('\n').map((line) => line.length))).toBeLessThanOrEqual(79);
    app.unmount();
  });

  it('keeps the field, its text and cursor, across a shrink below the minimum and back', async () => {
    const { app, stdout, stdin, frame } = await mountSized(80, 24);
    await waitFor(() => expect(frame()).toContain('Title of the postmortem'));
    stdin.write('Half typed');
    stdin.write('\u001b[D');
    await waitFor(() => expect(frame()).toContain('› Half type'));
    const resize = (columns: number, rows: number) => {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    };
    resize(50, 12);
    await waitFor(() => expect(frame()).toContain('Make the window larger'));
    expect(frame()).not.toContain('Title of the postmortem');
    // Typed while too small: text goes into the field, where the cursor was; a key that acts
    // (Enter, Esc, an arrow, Backspace) does nothing on a screen that cannot be seen.
    stdin.write('!');
    for (const key of ['\r', '\u001b[D', '\u007f', '\u001b', '\t', '?']) stdin.write(key);
    // Keys are handed over one screen commit at a time: let them all land while it is small.
    await new Promise((resolve) => setTimeout(resolve, 300));
    resize(80, 24);
    await waitFor(() => expect(frame()).toContain('› Half type!?d'));
    expect(frame()).toContain('Title of the postmortem');
    app.unmount();
  });

  it('takes pasted terminal output without crashing or showing its escape codes', async () => {
    const { app, stdin, frame } = await mountSized(80, 24);
    await waitFor(() => expect(frame()).toContain('Title of the postmortem'));
    stdin.write('\u001b[1;31mERROR\u001b[0m disk \u001b]8;;http://x\u0007link\u001b]8;;\u0007 full');
    await waitFor(() => expect(frame()).toContain('› ERROR disk link full'));
    expect(frame()).not.toMatch(/\[\d|\]8/);
    app.unmount();
  });
});

describe('sanitizeTerminalInput', () => {
  it('keeps the keys ink understands and drops every other sequence', () => {
    for (const key of ['\u001b[A', '\u001b[1;5C', '\u001b[3~', '\u001b[6~', '\u001bOP', '\u001b[Z', '\u001b']) {
      expect(sanitizeTerminalInput(key)).toBe(key);
    }
    expect(sanitizeTerminalInput('a\u001b[38;5;196mb\u001b[0mc\u001b[200~d\u001b[201~\u001b[<0;3;4Me')).toBe('abcde');
  });

  it('leaves no sequence ink would choke on (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.tuple(fc.constantFrom('\u001b[', '\u009b'), fc.stringMatching(/^[0-9;<?]{0,6}$/), fc.integer({ min: 0x40, max: 0x7e }).map((c) => String.fromCharCode(c))).map((p) => p.join('')),
      fc.constantFrom('\u001b]0;title\u0007', '\u001bPdata\u001b\\', '\u001b_apc\u001b\\'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const out = sanitizeTerminalInput(pieces.join(''));
        for (const match of out.matchAll(/(?:\u001b\[|\u009b)([0-?]*)[ -/]*([@-~])/g)) {
          expect('ABCDEFHPQRSZ~u').toContain(match[2]);
        }
        expect(out).not.toMatch(/\u001b[\]P_^X]/);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('bracketed pastes', () => {
  it('arrive as one chunk however the terminal splits them, line breaks as line breaks', () => {
    const joiner = new PasteJoiner();
    expect(joiner.push('ab\u001b[200~first line\r')).toEqual(['ab']);
    expect(joiner.waiting).toBe(true);
    expect(joiner.push('\rsecond \u001b[31mred\u001b[0m line')).toEqual([]);
    // A break at the very end is dropped (it would look like Enter); the CR after the paste is Enter.
    expect(joiner.push('\r\u001b[201~\r')).toEqual(['\u001b[200~first line\n\nsecond red line\u001b[201~', '\r']);
    expect(joiner.waiting).toBe(false);
  });

  it('never pass on an escape sequence from inside a paste, not even a key', () => {
    const joiner = new PasteJoiner();
    expect(joiner.push('\u001b[200~up\u001b[A\u001b]0;title\u0007\u001bOPdone\u001b[201~')).toEqual(['\u001b[200~updone\u001b[201~']);
  });

  it('give up waiting for a lost end marker and pass on what came', () => {
    const joiner = new PasteJoiner();
    joiner.push('\u001b[200~half a paste\r');
    expect(joiner.flush()).toBe('\u001b[200~half a paste\u001b[201~');
    expect(joiner.push('x')).toEqual(['x']);
  });

  it('split typed keys so that Ctrl+C, Enter and Backspace arriving with text are each seen', () => {
    const joiner = new PasteJoiner();
    expect(joiner.push('02:1\u0003')).toEqual(['02:1', '\u0003']);
    expect(joiner.push('ab\u007f\rnext\u001b[A')).toEqual(['ab', '\u007f', '\r', 'next\u001b[A']);
  });
});

describe("the review's preview across a resize", () => {
  it('stays on the line of the README that was at its top, wrapped anew', async () => {
    const { loadDraft } = await import('../../src/store/draft-file.js');
    const { fixture } = await import('../support/temp.js');
    const { draft } = await loadDraft(fixture('seed-000-payment.yaml'));
    const file = await saveDraft(newDraftFile(join(tempDir(), 'pm.yaml')), draft);
    const stdout = new FakeStdout(100, 30);
    const stdin = new FakeStdin();
    const app = render(
      <Providers session={new DraftSession(file)} services={{ editText: () => undefined, editDraft: () => undefined, quit: () => undefined }}>
        <WizardApp initial={{ ...initialState(draft), screen: { kind: 'review' } }} writeReadme={async () => ({ ok: true, message: '' })} />
      </Providers>,
      { stdout: stdout as unknown as NodeJS.WriteStream, stdin: sanitizedStdin(stdin as unknown as NodeJS.ReadStream), debug: true, exitOnCtrlC: false, patchConsole: false },
    );
    const frame = () => stripAnsi(stdout.last);
    /** The first row of the preview box. */
    const topRow = () => frame().split('\n').find((_, i, rows) => i > 0 && rows[i - 1]!.startsWith('╭'))!.replace(/^│ ?|\s*│$/g, '');
    await waitFor(() => expect(frame()).toContain('lines 1–'));
    for (let i = 0; i < 3; i++) {
      stdin.write('\u001b[6~');
      await waitFor(() => expect(frame()).not.toContain('lines 1–'));
    }
    await waitFor(() => expect(frame()).toMatch(/lines (?:2\d|3\d)–/));
    const before = topRow();
    stdout.columns = 66;
    stdout.emit('resize');
    // The row at the top now starts the README line that was at the top, or is it: no jump elsewhere.
    await waitFor(() => {
      const after = topRow();
      expect(after.length).toBeGreaterThan(0);
      expect(before.includes(after.slice(0, 20)) || after.includes(before.slice(0, 20)) || readmeLineOf(after) === readmeLineOf(before)).toBe(true);
    });
    app.unmount();

    /** The README line a row of it belongs to: its first words, as rendered whole. */
    function readmeLineOf(row: string): number {
      const readme = renderMarkdown(draft);
      return readme.split('\n').findIndex((line) => line.includes(row.trim().slice(0, 15)));
    }
  });
});
