import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { originOf } from '../draft/lineage.js';
import { memoryOf, type DocumentMemory } from './document-memory.js';

/*
 * Saving writes the draft into the document it was loaded from: the document then loads as
 * exactly the draft (every key the draft lacks is deleted, every value set), while comments,
 * key order and keys a person added stay on the node they were written on. List items are
 * matched to their nodes by identity carried through edits, not by position, so deleting or
 * re-sorting entries moves their comments with them. One pass, skipping unchanged subtrees.
 */

/** Keys whose values are times or dates: always quoted (YAML 1.1 reads 14:05 as a number). */
const QUOTED_KEYS = new Set(['start', 'end', 'at', 'due']);

/** Where new keys go, by the key that holds the map, so a grown draft reads as DESIGN §5 shows. */
const KEY_ORDER: Record<string, readonly string[]> = {
  '': ['version', 'template', 'title', 'authors', 'summary', 'detectedBy', 'timeline', 'rootCause', 'resolution', 'measures', 'tasks', 'extras', 'notes', 'unconfirmed'],
  summary: ['start', 'end', 'timezone', 'impact', 'usersAffectedPercent', 'rootCause'],
  timeline: ['at', 'kind', 'text'],
  tasks: ['text', 'owner', 'due', 'type'],
  extras: ['humor', 'trigger', 'lessons', 'diagram'],
  lessons: ['wentWell', 'wentWrong', 'lucky'],
};

function orderOf(parent: string, key: string): number {
  const index = (KEY_ORDER[parent] ?? []).indexOf(key);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Times quoted, paragraphs as `|` blocks: how a person would write the file by hand. */
function styleOf(key: string, value: unknown): Scalar.Type | undefined {
  if (typeof value !== 'string') return undefined;
  if (QUOTED_KEYS.has(key)) return Scalar.QUOTE_DOUBLE;
  return value.includes('\n') ? Scalar.BLOCK_LITERAL : undefined;
}

class DocumentWriter {
  constructor(private readonly memory: DocumentMemory) {}

  /** `key` is the key holding the value; list items keep their list's key. */
  write(node: Node | null, value: unknown, key: string): Node {
    if (node && this.memory.written.get(node) === value) return node;
    let out: Node;
    if (Array.isArray(value)) out = isSeq(node) ? this.writeSeq(node, value, key) : this.build(value, key);
    else if (isPlainObject(value)) out = isMap(node) ? this.writeMap(node, value, key) : this.build(value, key);
    else return this.writeScalar(node, value, key);
    if (node && out !== node) keepComments(node, out);
    return out;
  }

  private writeScalar(node: Node | null, value: unknown, key: string): Node {
    if (isScalar(node) && !node.tag && node.value === value) return node;
    const scalar = isScalar(node) ? node : new Scalar(value);
    if (node && scalar !== node) keepComments(node, scalar);
    scalar.value = value;
    scalar.tag = undefined;
    scalar.type = styleOf(key, value);
    return scalar;
  }

  private writeMap(map: YAMLMap, value: Record<string, unknown>, parent: string): YAMLMap {
    if (map.items.length === 0) map.flow = false;
    const pairs = new Map<string, Pair>();
    // Keys the draft no longer has go; an empty answer a person left (`title:`) stays, as it loads the same.
    map.items = (map.items as Pair[]).filter((pair) => {
      const key = keyOf(pair);
      if (key === undefined) return false;
      const known = Object.hasOwn(value, key) || Number.isFinite(orderOf(parent, key));
      if (value[key] === undefined && !(known && isEmpty(pair.value))) return false;
      pairs.set(key, pair);
      return true;
    });
    for (const key of Object.keys(value)) {
      const next = value[key];
      if (next === undefined) continue;
      const pair = pairs.get(key);
      if (pair) pair.value = this.write(pair.value as Node | null, next, key);
      else insertInOrder(map, new Pair(new Scalar(key), this.build(next, key)), parent);
    }
    this.memory.written.set(map, value);
    return map;
  }

  private writeSeq(seq: YAMLSeq, items: unknown[], key: string): YAMLSeq {
    // `[]` is how an empty list is written, not a style a person chose: a refilled list is a block again.
    if (seq.items.length === 0) seq.flow = false;
    const nodes = this.matchItems(seq.items as Node[], items);
    seq.items = items.map((item, i) => {
      const node = this.write(nodes[i] ?? null, item, key);
      if (item !== null && typeof item === 'object') this.memory.itemNodes.set(originOf(item), node);
      return node;
    });
    this.memory.written.set(seq, items);
    return seq;
  }

  /**
   * The node each item was written to last time: objects by their origin; text by equal
   * value, then (a list edited in place) the leftovers in order.
   */
  private matchItems(old: Node[], items: unknown[]): (Node | undefined)[] {
    const free = new Set(old);
    const chosen: (Node | undefined)[] = new Array(items.length);
    const byValue = new Map<unknown, Node[]>();
    for (const node of old) {
      if (isScalar(node)) byValue.set(node.value, [...(byValue.get(node.value) ?? []), node]);
    }
    items.forEach((item, i) => {
      const node = item !== null && typeof item === 'object' ? this.memory.itemNodes.get(originOf(item)) : byValue.get(item)?.find((n) => free.has(n));
      if (node && free.has(node)) {
        chosen[i] = node;
        free.delete(node);
      }
    });
    if (old.length === items.length) {
      const left = old.filter((node) => free.has(node) && isScalar(node));
      items.forEach((item, i) => {
        if (chosen[i] === undefined && (item === null || typeof item !== 'object')) chosen[i] = left.shift();
      });
    }
    return chosen;
  }

  /** A new node for `value`, styled, maps in the order DESIGN §5 shows. */
  build(value: unknown, key: string): Node {
    let node: Node;
    if (Array.isArray(value)) {
      const seq = new YAMLSeq();
      seq.items = value.map((item) => {
        const child = this.build(item, key);
        if (item !== null && typeof item === 'object') this.memory.itemNodes.set(originOf(item), child);
        return child;
      });
      node = seq;
    } else if (isPlainObject(value)) {
      const map = new YAMLMap();
      const keys = Object.keys(value).filter((k) => value[k] !== undefined);
      keys.sort((a, b) => orderOf(key, a) - orderOf(key, b) || 0);
      map.items = keys.map((k) => new Pair(new Scalar(k), this.build(value[k], k)));
      node = map;
    } else {
      const scalar = new Scalar(value);
      scalar.type = styleOf(key, value);
      return scalar;
    }
    this.memory.written.set(node, value);
    return node;
  }
}

function isEmpty(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value == null);
}

/** A node replaced by one of another kind keeps the comments written on it. */
function keepComments(from: Node, to: Node): void {
  to.commentBefore = from.commentBefore;
  to.comment = from.comment;
  to.spaceBefore = from.spaceBefore;
}

/** Before the first known key that comes later; keys a person added do not move anything. */
function insertInOrder(map: YAMLMap, pair: Pair, parent: string): void {
  const own = orderOf(parent, String((pair.key as Scalar).value));
  const before = Number.isFinite(own)
    ? (map.items as Pair[]).findIndex((candidate) => {
        const order = orderOf(parent, keyOf(candidate) ?? '');
        return order > own && Number.isFinite(order);
      })
    : -1;
  if (before === -1) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}

/**
 * Writes `draft` into `doc` so that it loads as exactly `draft`. `loaded` is the draft the
 * document was read as, on the first save after a load.
 */
export function writeIntoDocument(doc: Document, draft: Record<string, unknown>, loaded?: unknown): void {
  const writer = new DocumentWriter(memoryOf(doc, loaded));
  if (isMap(doc.contents)) writer.write(doc.contents, draft, '');
  else doc.contents = writer.build(draft, '') as typeof doc.contents;
}

export function stringifyDocument(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}
