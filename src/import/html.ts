import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { squeeze, type SourceLine } from './document.js';
import { tableLines, type Row } from './table.js';

/*
 * HTML (a whole page, or a block inside Markdown) as lines, through an HTML parser: entities
 * decoded (an invalid one such as `&#x110000;` becomes U+FFFD, never an error), a heading keeps
 * its `#`s, a list item its `- `, bold its `**`, a table goes through the table reader.
 */

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'details', 'summary', 'body', 'html', 'address', 'form', 'fieldset', 'hr', 'title',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);

export function htmlLines(html: string, firstLine: number): SourceLine[] {
  const tree: Root = fromHtml(html, { fragment: !/^\s*<(?:!doctype|html)/i.test(html) });
  const out: SourceLine[] = [];
  let current = '';
  let currentLine = firstLine;
  let prefix = '';
  const flush = () => {
    const t = squeeze(current);
    if (t !== '') out.push({ text: prefix + t, line: currentLine });
    current = '';
    prefix = '';
  };
  const lineOf = (node: Nodes) => firstLine - 1 + (node.position?.start.line ?? 1);
  const text = (node: Nodes): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element') {
      if (SKIP.has(node.tagName)) return '';
      if (node.tagName === 'br') return ' ';
      const inner = node.children.map((c) => text(c as Nodes)).join('');
      return /^(strong|b)$/.test(node.tagName) && inner.trim() ? `**${inner}**` : inner;
    }
    if (node.type === 'root') return node.children.map((c) => text(c as Nodes)).join('');
    return '';
  };
  const walk = (node: Nodes, depth: number): void => {
    if (node.type === 'text') {
      if (current.trim() === '' && node.value.trim() !== '') currentLine = lineOf(node);
      current += node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const el: Element = node;
      if (SKIP.has(el.tagName) && !(el.tagName === 'head')) return;
      const heading = /^h([1-6])$/.exec(el.tagName);
      if (heading) {
        flush();
        currentLine = lineOf(el);
        prefix = `${'#'.repeat(Number(heading[1]))} `;
        current = text(el);
        flush();
        return;
      }
      if (el.tagName === 'li') {
        flush();
        currentLine = lineOf(el);
        prefix = `${'  '.repeat(Math.max(0, depth - 1))}- `;
        for (const child of el.children) {
          if (child.type === 'element' && /^(ul|ol)$/.test(child.tagName)) {
            flush();
            walk(child, depth + 1);
          } else walk(child as Nodes, depth);
        }
        flush();
        return;
      }
      if (el.tagName === 'table') {
        flush();
        const rows: Row[] = [];
        const collect = (n: Nodes) => {
          if (n.type !== 'element') return;
          if (n.tagName === 'tr') {
            rows.push({ cells: n.children.filter((c): c is Element => c.type === 'element' && /^t[dh]$/.test(c.tagName)).map((c) => squeeze(text(c))), line: lineOf(n) });
            return;
          }
          for (const c of n.children) collect(c as Nodes);
        };
        collect(el);
        out.push(...tableLines(rows, lineOf(el)));
        return;
      }
      if (el.tagName === 'br') {
        flush();
        return;
      }
      if (/^(strong|b)$/.test(el.tagName)) {
        if (current.trim() === '') currentLine = lineOf(el);
        current += text(el);
        return;
      }
      if (el.tagName === 'img') {
        const alt = el.properties?.alt;
        if (typeof alt === 'string' && alt.trim()) current += ` ${alt} `;
        return;
      }
      const block = BLOCKS.has(el.tagName);
      if (block) flush();
      for (const child of el.children) walk(child as Nodes, /^(ul|ol)$/.test(el.tagName) ? depth + 1 : depth);
      if (block) flush();
      return;
    }
    for (const child of node.children) walk(child as Nodes, depth);
  };
  walk(tree, 0);
  flush();
  return out;
}
