import type { SourceLine } from './document.js';

/*
 * A table as lines. A timeline table (a column of times, found by its content, beside a column
 * of text) becomes one `- TIME: TEXT` entry a row; an action items table (Owner, Due…) becomes
 * one task a row with its owner, due date and type; any other table, one line a row.
 */

export interface Row {
  cells: string[];
  line: number;
}

const TIME_LIKE = /\b\d{1,2}[:.]\d{2}\b|\b\d{3,4}\s?hrs\b|\b\d{1,2}\s?[ap]\.?m\b/i;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$|^[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}$|^\d{1,2} [A-Z][a-z]{2,8} \d{4}$/;

function columnWhere(rows: Row[], width: number, test: (cell: string) => boolean): number {
  for (let c = 0; c < width; c++) {
    const filled = rows.filter((r) => (r.cells[c] ?? '') !== '');
    if (filled.length && filled.filter((r) => test(r.cells[c]!)).length * 2 >= rows.length) return c;
  }
  return -1;
}

/** A cell that says "nothing here": empty, a dash, n/a. */
const EMPTY = /^(?:[-\u2013\u2014]|n\/a)?$/i;

export function tableLines(rows: Row[], line: number): SourceLine[] {
  if (rows.length === 0) return [];
  rows = rows.map((r) => ({ ...r, cells: r.cells.map((c) => (EMPTY.test(c.trim()) && c.trim() !== '' && r !== rows[0] ? '' : c)) }));
  const [header, ...body] = rows as [Row, ...Row[]];
  const width = Math.max(...rows.map((r) => r.cells.length));
  const names = header.cells.map((c) => c.replace(/\*\*/g, '').toLowerCase());
  const out: SourceLine[] = [];
  const headerText = header.cells.filter((c) => c !== '').join(' | ');

  const timeColumn = body.length ? columnWhere(body, width, (c) => TIME_LIKE.test(c) && c.length <= 40) : -1;
  if (timeColumn !== -1) {
    const dateColumn = columnWhere(body, width, (c) => DATE_LIKE.test(c.replace(/\*\*/g, '').trim()));
    if (headerText) out.push({ text: headerText, line: header.line });
    for (const row of body) {
      const time = row.cells[timeColumn] ?? '';
      const date = dateColumn !== -1 && dateColumn !== timeColumn ? `${row.cells[dateColumn]} ` : '';
      const text = row.cells.filter((c, i) => i !== timeColumn && i !== dateColumn && c !== '').join(' — ');
      out.push({ text: `- ${date}${time}: ${text}`.replace(/\*\*/g, ''), line: row.line });
    }
    return out;
  }

  const owner = names.findIndex((n) => /owner|assignee|who/.test(n));
  const due = names.findIndex((n) => /due|deadline|by when/.test(n));
  const type = names.findIndex((n) => /^type$|kind|category/.test(n));
  if (owner !== -1 || due !== -1) {
    const textColumn = names.findIndex((n, i) => i !== owner && i !== due && i !== type);
    out.push({ text: `Tasks: ${headerText}`, line: header.line });
    for (const row of body) {
      const fields = [
        owner !== -1 && row.cells[owner] ? `owner: ${row.cells[owner]}` : '',
        due !== -1 && row.cells[due] ? `due: ${row.cells[due]}` : '',
        type !== -1 && row.cells[type] ? `type: ${row.cells[type]}` : '',
      ].filter(Boolean);
      const rest = row.cells.filter((c, i) => i !== owner && i !== due && i !== type && i !== textColumn && c !== '');
      const text = [row.cells[textColumn] ?? '', ...rest].filter(Boolean).join(' — ');
      out.push({ text: `- [ ] ${text}${fields.length ? ` — ${fields.join(', ')}` : ''}`, line: row.line });
      // The row as written, for the notes: its words stay in their order.
      if (fields.length) out.push({ text: row.cells.join(' | '), line: row.line });
    }
    return out;
  }

  for (const row of rows) {
    const cells = row.cells.filter((c) => c !== '');
    if (cells.length === 0) continue;
    // A two-column table of labels and values ("| **Date** | …"): `Label: value`.
    out.push({ text: cells.length === 2 && /^\*\*.+\*\*$/.test(cells[0]!) ? `- ${cells[0]}: ${cells[1]}` : cells.join(' | '), line: row.line });
  }
  return out;
}
