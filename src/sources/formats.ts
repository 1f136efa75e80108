import type { SourceFormat } from './candidate.js';

/**
 * Every format the timeline can be read from, most specific first: the first whose sniff says
 * yes reads the file. Each reader is its own module; this list is the only place they meet.
 */
export const SOURCE_FORMATS: readonly SourceFormat[] = [];
