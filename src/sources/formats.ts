import type { SourceFormat } from './candidate.js';
import { chatText } from './chat-text.js';
import { slackChannel } from './slack-channel.js';
import { slackExport } from './slack-export.js';

/**
 * Every format the timeline can be read from, most specific first: the first whose sniff says
 * yes reads the file. Each reader is its own module; this list is the only place they meet.
 * Chat text is the loosest (any text with chat-like lines), so it comes last.
 */
export const SOURCE_FORMATS: readonly SourceFormat[] = [slackExport, slackChannel, chatText];
