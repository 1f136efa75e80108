// Types for scripts/corpus-score.mjs, used by test/import/corpus-score.test.ts.
export interface FactResult { fact: string; ok: boolean; expected: unknown; got: unknown }
export interface DroppedLine { line: number; text: string; missing: string[] }
export interface DocumentResult {
  name: string;
  style: string;
  importExit: number | null;
  checkExit: number | null;
  importError: string;
  right: number;
  total: number;
  failed: FactResult[];
  missing: MissingResult[];
  dropped: DroppedLine[] | null;
  lines: number;
}
export interface MissingResult { part: string; stated: boolean; reported: boolean; ok: boolean }
export interface MissingTotals { reported: number; trulyMissing: number; falseMissing: number; missedMissing: number; precision: number; recall: number }
export interface CorpusResult {
  documents: DocumentResult[];
  overall: number;
  right: number;
  total: number;
  byStyle: Record<string, number>;
  droppedLines: number;
  totalLines: number;
  missing: MissingTotals;
}
export const ROOT: string;
export const CORPUS: string;
export const BIN: string;
export const CONTRADICTION_KINDS: Record<string, RegExp[]>;
export function zoneKey(name: string): string;
export function sameZone(expected: string, actual: unknown): boolean;
export function reportedKinds(check: unknown): Set<string>;
export function scoreFacts(facts: Record<string, unknown>, draft: unknown, check: unknown): FactResult[];
export function lineWords(text: string): string[];
export function droppedLines(source: string, draft: unknown): DroppedLine[];
export function listCorpus(dir?: string): { name: string; path: string; meta: { style: string; facts: Record<string, unknown>; states?: Record<string, boolean> } }[];
export function evaluateDocuments(docs: ReturnType<typeof listCorpus>, options?: { bin?: string }): DocumentResult[];
export function evaluateCorpus(options?: { bin?: string; dir?: string; only?: string[] }): CorpusResult;
export const MISSING_PARTS: Record<string, RegExp>;
export function reportedMissing(check: unknown): Set<string>;
export function scoreMissing(meta: Record<string, unknown>, check: unknown): MissingResult[];
export function missingTotals(results: MissingResult[][]): MissingTotals;
export function recordedBars(readme: string): { score: number | null; dropped: number | null; falseMissing: number | null; missingRecall: number | null };
