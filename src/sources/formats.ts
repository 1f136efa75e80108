import { alertmanager } from './alertmanager.js';
import type { SourceFormat } from './candidate.js';
import { chatText } from './chat-text.js';
import { genericCsv } from './generic-csv.js';
import { gitLogText } from './git-log-text.js';
import { gitRepository } from './git-repository.js';
import { opsgenieCsv } from './opsgenie-csv.js';
import { opsgenieLog } from './opsgenie-log.js';
import { pagerdutyCsv } from './pagerduty-csv.js';
import { pagerdutyLog } from './pagerduty-log.js';
import { slackChannel } from './slack-channel.js';
import { slackExport } from './slack-export.js';

/**
 * Every format the timeline can be read from, most specific first: the first whose sniff says
 * yes reads the file. Each reader is its own module; this list is the only place they meet.
 * The loose ones come last: chat text takes any text with chat-like lines, the generic CSV
 * any table with a time column.
 */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  gitRepository,
  slackExport,
  pagerdutyLog,
  opsgenieLog,
  alertmanager,
  slackChannel,
  gitLogText,
  pagerdutyCsv,
  opsgenieCsv,
  chatText,
  genericCsv,
];
