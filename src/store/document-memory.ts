import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { originOf } from '../draft/lineage.js';

/*
 * What saving remembers about a document between saves: which YAML node each list item was
 * written to (so comments and hand-added keys follow their entry when the list is edited or
 * re-sorted), and which value each container node holds (drafts are immutable, so a value
 * that is the same object as last time is unchanged and its subtree is skipped).
 */
export interface DocumentMemory {
  /** By the item's origin (see src/draft/lineage.ts). */
  itemNodes: WeakMap<object, Node>;
  /** The draft value each map or list node loads as. */
  written: WeakMap<Node, unknown>;
}

const memories = new WeakMap<Document, DocumentMemory>();

/** The memory of `doc`, built on first use from the draft it was loaded as (if any). */
export function memoryOf(doc: Document, loaded?: unknown): DocumentMemory {
  let memory = memories.get(doc);
  if (memory) return memory;
  memory = { itemNodes: new WeakMap(), written: new WeakMap() };
  memories.set(doc, memory);
  expandAliases(doc);
  if (doc.contents) {
    moveLeadingComments(doc.contents as Node, true);
    if (loaded !== undefined) seed(memory, doc.contents as Node, loaded);
  }
  return memory;
}

/**
 * An alias shares its anchor's node: writing one place would change the other. Each alias
 * becomes a copy of what it stands for, so every path is written on its own.
 */
function expandAliases(doc: Document): void {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  if (!found) return;
  visit(doc, {
    Alias(_, alias) {
      return doc.createNode(alias.resolve(doc)?.toJS(doc)) as Node;
    },
  });
}

/**
 * The parser hangs a comment written above a list's first item (or a map's first key) on the
 * list itself; moved onto that item, it stays with it when the list is re-sorted.
 */
function moveLeadingComments(node: Node, keepOwn = false): void {
  if (isSeq(node)) {
    const first = node.items[0] as Node | undefined;
    if (node.commentBefore && first && !node.flow && !isAlias(first)) {
      first.commentBefore = first.commentBefore ? `${node.commentBefore}\n${first.commentBefore}` : node.commentBefore;
      node.commentBefore = undefined;
    }
    // An item's own comment is the item's: it stays on the item.
    for (const item of node.items) moveLeadingComments(item as Node, true);
  } else if (isMap(node)) {
    const first = node.items[0];
    // The root map's comment is the file's header: it stays at the top.
    if (!keepOwn && node.commentBefore && first && isScalar(first.key) && !node.flow) {
      first.key.commentBefore = first.key.commentBefore ? `${node.commentBefore}\n${first.key.commentBefore}` : node.commentBefore;
      node.commentBefore = undefined;
    }
    for (const pair of node.items) if (pair.value) moveLeadingComments(pair.value as Node);
  }
}

/** Ties the loaded draft's values to the nodes they were read from (the schema keeps order). */
function seed(memory: DocumentMemory, node: Node, value: unknown): void {
  if (Array.isArray(value)) {
    if (!isSeq(node) || node.items.length !== value.length) return;
    memory.written.set(node, value);
    value.forEach((item, i) => {
      const child = node.items[i] as Node;
      if (item !== null && typeof item === 'object') memory.itemNodes.set(originOf(item), child);
      seed(memory, child, item);
    });
  } else if (value !== null && typeof value === 'object') {
    if (!isMap(node)) return;
    memory.written.set(node, value);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && pair.value && key in value) seed(memory, pair.value as Node, (value as Record<string, unknown>)[key]);
    }
  }
}
