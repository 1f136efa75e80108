import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit, type Node, YAMLMap } from 'yaml';

/*
 * Saving writes the new answers into the document that was loaded, node by node, instead of
 * writing a fresh file: comments, key order and keys a person added by hand all survive.
 */

/** Keys whose values are times or dates: always quoted (YAML 1.1 reads 14:05 as a number). */
const QUOTED_KEYS = new Set(['start', 'end', 'at', 'due']);

/** Where new keys go, by the key that holds the map, so a grown draft reads as DESIGN §5 shows. */
const KEY_ORDER: Record<string, readonly string[]> = {
  '': ['version', 'template', 'title', 'authors', 'summary', 'detectedBy', 'timeline', 'rootCause', 'resolution', 'measures', 'tasks', 'extras', 'notes', 'unconfirmed'],
  summary: ['start', 'end', 'timezone', 'impact', 'usersAffectedPercent', 'rootCause'],
  timeline: ['at', 'kind', 'text'],
  tasks: ['text', 'owner', 'due'],
  extras: ['humor', 'lessons', 'diagram'],
  lessons: ['wentWell', 'wentWrong', 'lucky'],
};

function orderOf(parent: string, key: unknown): number {
  const order = KEY_ORDER[parent] ?? [];
  const index = order.indexOf(String(key));
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyOf(pair: { key: unknown }): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function mergeMap(doc: Document, map: YAMLMap, value: Record<string, unknown>, parent: string): void {
  for (const [key, next] of Object.entries(value)) {
    const index = map.items.findIndex((pair) => keyOf(pair) === key);
    const pair = map.items[index];
    if (next === undefined) {
      // An empty answer a person left in the file (`title:`) stays as they wrote it.
      if (pair && !(isScalar(pair.value) && pair.value.value == null)) map.items.splice(index, 1);
      continue;
    }
    if (pair) {
      pair.value = mergeValue(doc, pair.value as Node | null, next, key);
      continue;
    }
    const created = doc.createPair(key, next);
    // Before the first known key that comes later; keys a person added do not move anything.
    const own = orderOf(parent, key);
    const before = map.items.findIndex((candidate) => {
      const order = orderOf(parent, keyOf(candidate));
      return order > own && Number.isFinite(order);
    });
    if (before === -1 || !Number.isFinite(own)) map.items.push(created);
    else map.items.splice(before, 0, created);
  }
}

/** `parent` is the key holding this value; list items keep their list's key. */
function mergeValue(doc: Document, node: Node | null, next: unknown, parent: string): Node {
  if (Array.isArray(next)) {
    if (!isSeq(node)) return doc.createNode(next);
    next.forEach((item, i) => {
      node.items[i] = mergeValue(doc, (node.items[i] as Node | undefined) ?? null, item, parent);
    });
    node.items.length = next.length;
    return node;
  }
  if (isPlainObject(next)) {
    if (!isMap(node)) return doc.createNode(next);
    mergeMap(doc, node, next, parent);
    return node;
  }
  if (isScalar(node)) {
    if (node.value !== next) {
      node.value = next;
      node.type = undefined;
    }
    return node;
  }
  return doc.createNode(next);
}

/** Times quoted, paragraphs as `|` blocks: how a person would write the file by hand. */
function applyStyles(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const scalar = pair.value as Scalar<string>;
      if (QUOTED_KEYS.has(String(keyOf(pair)))) scalar.type = Scalar.QUOTE_DOUBLE;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
    },
  });
}

/** Writes `value` into `doc`, keeping whatever of the document does not change. */
export function mergeIntoDocument(doc: Document, value: Record<string, unknown>): void {
  if (isMap(doc.contents)) mergeMap(doc, doc.contents, value, '');
  else doc.contents = doc.createNode(value) as unknown as typeof doc.contents;
  applyStyles(doc);
}

export function stringifyDocument(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}
