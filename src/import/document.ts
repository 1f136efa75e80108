import type { InlineCode, Nodes as MdNode, PhrasingContent, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { htmlLines } from './html.js';
import { tableLines } from './table.js';

/*
 * A postmortem as the lines a reader sees, whatever it was written in. Markdown goes through
 * mdast (with GFM: tables, task items; and front matter), HTML through an HTML parser, and
 * what is left is plain text, read as paragraphs. Each line keeps the line of the file it came
 * from. The section reader then works on a normalised form: a heading starts with `#`s, a
 * list item with `- ` or `1. ` (indented by its depth), bold text keeps its `**`.
 */

export interface SourceLine {
  text: string;
  /** 1-based line of the file. */
  line: number;
  /** The line continues the paragraph of the line before (a soft wrap). */
  wrapped?: boolean;
  /** The line is a paragraph of its own: a plain-text heading may be one ("Timeline", "SUMMARY"). */
  alone?: boolean;
}

export interface ParsedDocument {
  format: 'markdown' | 'html' | 'text';
  lines: SourceLine[];
  /** `key: value` pairs of a YAML front matter block, keys lower-cased. */
  frontMatter: Record<string, string>;
}

/*
 * Inputs far larger than any postmortem (real ones are under 50 KB) are read as plain lines:
 * the Markdown parser takes about a second for 150 KB, the HTML parser for 1.5 MB.
 */
const MARKDOWN_LIMIT = 150_000;
const HTML_LIMIT = 1_000_000;
const MAX_DEPTH = 60;

function clean(input: string): string {
  return (
    input
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // Text copied through a wrong encoding ("Â·" for "·"): the stray Â goes.
      .replace(/\u00c2(?=[\u00a0-\u00bf])/g, '')
      .replace(/\u0000/g, '\uFFFD')
  );
}

export function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 2000).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head)) return true;
  if (!head.startsWith('<')) return false;
  // Mostly tags, line after line: HTML written as a fragment.
  const lines = text.split('\n', 200).filter((l) => l.trim() !== '');
  const tagged = lines.filter((l) => /^\s*</.test(l)).length;
  return lines.length > 0 && tagged / lines.length > 0.8 && /<\/(?:p|h[1-6]|li|div|table)>/i.test(head);
}

/**
 * Nesting deeper than anyone writes (`>>>>…`, 1,000 nested lists) or a run of brackets no one
 * types (the parser's work grows with its square): read as plain lines.
 */
function tooDeep(text: string): boolean {
  return new RegExp(String.raw`^[ \t]*(?:(?:[>*+-]|\d{1,9}[.)])[ \t]*){${MAX_DEPTH}}`, 'm').test(text) || /[[\]<>(){}*_`~!]{500}/.test(text);
}

/** A page too large for the HTML parser: tags become line breaks, the common entities their characters. */
function strippedHtml(text: string): SourceLine[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const plain = text
    .replace(/<(script|style)\b[^>]{0,500}>[^]{0,100000}?<\/\1>/gi, '\n')
    .replace(/<[^<>]{0,2000}>/g, '\n')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
      const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
      return entities[name.toLowerCase()] ?? whole;
    });
  return plainTextLines(plain);
}

export function plainTextLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = squeeze(raw);
    if (t !== '') out.push({ text: t, line: i + 1 });
  });
  return out;
}

/** Whitespace runs to one space and the ends trimmed: linear, whatever the line. */
export function squeeze(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0xfeff) {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

export function parseDocument(input: string): ParsedDocument {
  const text = clean(input);
  if (looksLikeHtml(text)) {
    if (text.length > HTML_LIMIT) return { format: 'html', lines: strippedHtml(text), frontMatter: {} };
    try {
      return { format: 'html', lines: htmlLines(text, 1), frontMatter: {} };
    } catch {
      return { format: 'text', lines: plainTextLines(text), frontMatter: {} };
    }
  }
  if (text.length > MARKDOWN_LIMIT || tooDeep(text)) return { format: 'text', lines: plainTextLines(text), frontMatter: {} };
  try {
    const tree = fromMarkdown(text, {
      extensions: [gfm(), frontmatter(['yaml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    });
    const reader = new MarkdownLines(text);
    for (const node of tree.children) reader.block(node, 0);
    return { format: 'markdown', lines: reader.lines, frontMatter: reader.frontMatter };
  } catch {
    return { format: 'text', lines: plainTextLines(text), frontMatter: {} };
  }
}

/** A line that is only a label ("Root Cause and Resolution:", "**Timeline:**"). */
const BARE_LABEL = /^(?:\*\*)?[A-Z][\w &/()-]{1,40}(?:\*\*)?:(?:\*\*)?$/;

const INLINE_TAGS = /^<\/?(strong|b|em|i|u|span|a|code|small|font|sup|sub|kbd|mark|s|del|ins|abbr|time|br|img|wbr)\b[^>]*>$/i;

/** Blocks that do not write a list item's marker before their text. */
const DROPS_PREFIX = new Set<RootContent['type']>(['heading', 'list', 'code', 'html', 'table', 'yaml', 'definition', 'thematicBreak']);

class MarkdownLines {
  lines: SourceLine[] = [];
  frontMatter: Record<string, string> = {};

  /** `source`: the document, to read a list item's marker as written ("06." or "3)", not "6."). */
  constructor(private readonly source = '') {}

  private markerOf(item: { position?: { start: { offset?: number } } }, fallback: string): string {
    const at = item.position?.start.offset;
    if (at === undefined) return fallback;
    const written = /^(\d{1,9}[.)])[ \t]?/.exec(this.source.slice(at, at + 12));
    return written ? `${written[1]} ` : fallback;
  }

  private push(text: string, line: number, prefix = '', joinWrapped = false): void {
    // A list item is one item however it is wrapped.
    if (joinWrapped) {
      let current: SourceLine | undefined;
      text.split('\n').forEach((part, i) => {
        const t = squeeze(part);
        if (t === '') return;
        // A line that starts with a time is the next entry, not the wrap of this one.
        // A line that starts with a time, or a bare "Timeline:" label, is not the wrap of this item.
        // Nor is a line after such a label: it is what the label heads ("Root Cause:" then its paragraph).
        if (current && !/^(?:\d{1,2}[:.]\d{2}|\d{3,4}\s?hrs)/i.test(t) && !BARE_LABEL.test(t) && !BARE_LABEL.test(current.text)) current.text += ` ${t}`;
        else this.lines.push((current = { text: current ? t : `${prefix}${t}`, line: line + i }));
      });
      return;
    }
    let first = true;
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      const t = squeeze(part);
      if (t === '') return;
      this.lines.push({ text: `${i === 0 ? prefix : prefix.replace(/\S.*$/, '')}${t}`, line: line + i, ...(first ? {} : { wrapped: true }), ...(parts.length === 1 && prefix === '' ? { alone: true } : {}) });
      first = false;
    });
  }

  block(node: RootContent, depth: number, prefix = ''): void {
    const line = node.position?.start.line ?? 1;
    const indent = '  '.repeat(depth);
    // "7. ```", "7. # x" or "7. >": an item that opens on a block that is not text keeps its number, as written.
    const empty = node.type === 'blockquote' && node.children.length === 0;
    if (/\d/.test(prefix) && (DROPS_PREFIX.has(node.type) || empty)) this.push(prefix.trim(), line, indent);
    switch (node.type) {
      case 'heading':
        this.push(`${'#'.repeat(node.depth)} ${squeeze(inline(node.children, this.source))}`, line);
        return;
      case 'paragraph':
        this.push(inline(node.children, this.source), line, indent + prefix, /^(?:[-*]|\d+[.)]) /.test(prefix));
        return;
      case 'list': {
        let number = node.start ?? 1;
        for (const item of node.children) {
          const marker = node.ordered ? this.markerOf(item, `${number}. `) : '- ';
          number++;
          const box = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
          let first = true;
          if (item.children.length === 0) this.push(marker.trim(), item.position?.start.line ?? line, indent);
          for (const child of item.children) {
            if (first && child.type === 'paragraph') this.block(child, depth, marker + box);
            else if (child.type === 'list') {
              // "7) * x": an item that opens on a list keeps its own number, as written.
              if (first && node.ordered) this.push(`${marker}${box}`.trim(), item.position?.start.line ?? line, indent);
              this.block(child, depth + 1);
            }
            else this.block(child, depth + 1, first ? marker + box : '');
            first = false;
          }
        }
        return;
      }
      case 'blockquote':
        for (const child of node.children) this.block(child, depth, prefix);
        return;
      case 'code':
        this.push(node.value, line, indent);
        return;
      case 'html': {
        for (const l of htmlLines(node.value, line)) this.lines.push(l);
        return;
      }
      case 'table':
        for (const l of tableLines(tableRows(node), line)) this.lines.push(l);
        return;
      case 'yaml': {
        for (const [i, raw] of node.value.split('\n').entries()) {
          const pair = /^([A-Za-z_][\w -]{0,40}):\s*(.*)$/.exec(raw);
          if (pair && pair[2]!.trim() !== '') this.frontMatter[pair[1]!.trim().toLowerCase()] = pair[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
          const t = squeeze(raw);
          if (t !== '' && !/^-{3}$/.test(t)) this.lines.push({ text: `${t}`, line: line + 1 + i });
        }
        return;
      }
      case 'definition':
        this.push(`[${node.label ?? node.identifier}]: ${node.url}`, line, indent);
        return;
      case 'footnoteDefinition':
        for (const child of node.children) this.block(child, depth, prefix);
        return;
      case 'thematicBreak':
        return;
      default: {
        const children = (node as { children?: RootContent[] }).children;
        if (children) for (const child of children) this.block(child, depth, prefix);
        else if ('value' in node && typeof node.value === 'string') this.push(node.value, line, indent);
      }
    }
  }
}

function tableRows(table: Table): { cells: string[]; line: number }[] {
  return table.children.map((row) => ({
    cells: row.children.map((cell) => squeeze(inline(cell.children).replace(/\n/g, ' '))),
    line: row.position?.start.line ?? table.position?.start.line ?? 1,
  }));
}

/** Phrasing content as text: bold keeps `**`, links their address, inline HTML tags go. `source`: the text parsed, for code spans. */
export function inline(nodes: readonly PhrasingContent[] | readonly MdNode[], source = ''): string {
  let out = '';
  for (const node of nodes as MdNode[]) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'strong': {
        const inner = inline(node.children, source);
        out += inner.trim() === '' ? inner : `**${inner}**`;
        break;
      }
      case 'emphasis':
      case 'delete':
        out += inline(node.children, source);
        break;
      case 'inlineCode':
        out += codeText(node, source);
        break;
      case 'break':
        out += '\n';
        break;
      case 'link': {
        const inner = inline(node.children, source);
        out += inner === node.url || `mailto:${inner}` === node.url || node.url === '' ? inner : `[${inner}](${node.url})`;
        break;
      }
      case 'linkReference':
        out += inline(node.children, source);
        break;
      case 'image':
        out += `![${node.alt ?? ''}](${node.url})`;
        break;
      case 'imageReference':
        out += `![${node.alt ?? ''}]`;
        break;
      case 'footnoteReference':
        out += `[^${node.identifier}]`;
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(node.value)) out += '\n';
        else if (/^<\/?(strong|b)>$/i.test(node.value)) out += '**';
        else if (INLINE_TAGS.test(node.value) || /^<!--/.test(node.value)) out += '';
        // Not a tag anyone writes ("x<y and y>z"): the words as written.
        else out += node.value;
        break;
      default: {
        const children = (node as { children?: MdNode[] }).children;
        if (children) out += inline(children, source);
        else if ('value' in node && typeof node.value === 'string') out += node.value;
      }
    }
  }
  return out;
}

/**
 * A code span's text with the padding the author wrote. CommonMark takes a space or line ending
 * off each end of "` a `b" and "` a\n`b": put back, or words (and lines) run together.
 */
function codeText(node: InlineCode, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return node.value;
  const raw = source.slice(start, end);
  const fence = /^`*/.exec(raw)![0].length;
  const inner = raw.slice(fence, raw.length - fence);
  const lines = (text: string) => text.split('\n').length;
  // In a quote or list, `inner` also holds the prefixes of the lines it runs over: count line ends, not length.
  const lost = lines(inner) - lines(node.value);
  if (lost > 0) {
    const lead = inner.startsWith('\n') ? '\n' : ' ';
    return `${lead}${node.value}${lost > (lead === '\n' ? 1 : 0) ? '\n' : ' '}`;
  }
  return inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && node.value.trim() !== '' ? ` ${node.value} ` : node.value;
}
