import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Root, RootContent } from 'mdast';

/** Parses Markdown the way GitHub does (tables, task lists, strikethrough, autolinks). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The README's outline: the kind of each top-level block, and headings with their text. */
export function outline(markdown: string): string[] {
  return parseMarkdown(markdown).children.map((node: RootContent) =>
    node.type === 'heading' ? `h${node.depth} ${toString(node)}` : node.type,
  );
}

export { toString as plainText };
