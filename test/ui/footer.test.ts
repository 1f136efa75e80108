import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitHeader, fitHints } from '../../src/ui/components/frame.js';
import type { Hint } from '../../src/ui/keymap.js';

const LIST: Hint[] = [
  { keys: 'add', does: 'add' },
  { keys: 'edit', does: 'edit' },
  { keys: 'delete', does: 'delete' },
  { keys: 'done', does: 'next' },
  { keys: 'back', does: 'back' },
  { keys: 'quit', does: 'save & quit' },
];

describe("the footer's keys", () => {
  it('spaced out where there is room, closer together on a narrow window, on one line at 60 columns', () => {
    expect(fitHints(LIST, 60)).toBe('a add  e edit  d delete  Tab next  Esc back  Ctrl+C quit');
    expect(fitHints(LIST, 99 - 8)).toBe('a add · e edit · d delete · Tab next · Esc back · Ctrl+C save & quit');
    // 60 columns: a 59-column frame, "✓ saved" and a space beside the keys.
    const narrow = fitHints(LIST, 59 - 8);
    expect(stringWidth(narrow)).toBeLessThanOrEqual(51);
    expect(narrow).toBe('a add e edit d delete Tab next Esc back Ctrl+C quit');
  });
});

describe('the title bar', () => {
  it('on one line: the file name goes first on a narrow window, then the place is cut', () => {
    expect(fitHeader(99, 'postmortem.yaml', 'Root cause and resolution · 6/8 · 1/2')).toEqual({ file: true, place: 'Root cause and resolution · 6/8 · 1/2' });
    expect(fitHeader(59, 'u.yaml', 'Root cause and resolution · 6/8 · 1/2')).toEqual({ file: false, place: 'Root cause and resolution · 6/8 · 1/2' });
    const cut = fitHeader(45, 'u.yaml', 'Root cause and resolution · 6/8 · 1/2');
    expect(cut.file).toBe(false);
    expect(stringWidth(`postmortem-wizard ${cut.place}`)).toBeLessThanOrEqual(45);
    // The section's title gives way; where the person is in the wizard stays.
    expect(cut.place).toBe('Root cause and… · 6/8 · 1/2');
    expect(fitHeader(59, 'pm.yaml', 'Corrective and preventative measures · 7/8 · 1/2').place).toBe('Corrective and preventative… · 7/8 · 1/2');
  });

  it('fits any width and place, the progress kept whenever a few letters of the title fit beside it (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 120 }), fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (width, title, n) => {
        const place = `${title.replace(/[\u0000-\u001f]/g, '')} · ${n}/8 · 1/2`;
        const { file, place: shown } = fitHeader(width, 'postmortem.yaml', place);
        const line = file ? `postmortem-wizard · postmortem.yaml ${shown}` : `postmortem-wizard ${shown}`;
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        if (width - 18 - stringWidth(` · ${n}/8 · 1/2`) - 1 >= 4) expect(shown.endsWith(` · ${n}/8 · 1/2`)).toBe(true);
      }),
    );
  });
});

describe('the review footer at 60 columns', () => {
  it('lets the arrows and Enter give way to the keys particular to the screen', () => {
    const review: Hint[] = [
      { keys: ['up', 'down'], does: 'choose' },
      { keys: 'submit', does: 'pick' },
      { keys: ['pageUp', 'pageDown'], does: 'scroll preview' },
      { keys: 'back', does: 'back' },
      { keys: 'quit', does: 'save & quit' },
    ];
    expect(fitHints(review, 51)).toBe('PgUp/PgDn scroll preview  Esc back  Ctrl+C quit');
  });
});
