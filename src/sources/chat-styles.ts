/*
 * How each chat client writes a conversation as text, as data: which lines start a message
 * (and what they say of its author, time and day), which lines are day dividers, and which are
 * the client's furniture (reaction counts, "View thread", joins). chat-text.ts applies them.
 * Named groups in the patterns: name, clock, iso (2024-08-14), slash (8/14/2024), words (a date
 * in words), rel (Today, Yesterday, a weekday), zone (Z, +02:00), text, app (a bot's badge).
 * The bundle must be ASCII: non-ASCII characters are written as \u escapes.
 */

export interface HeaderRule {
  pattern: RegExp;
  /**
   * `header`: a line that starts a message. `time-after-name`: a time line that starts a message
   * when the line before it is a name (Slack and Teams copy the name and the time on two lines).
   * `time-alone`: the same author's next message (Slack writes only `2:03` under the first).
   */
  kind: 'header' | 'time-after-name' | 'time-alone';
  /** The message is an action (`* alice restarts the db`): its text starts with the name. */
  action?: boolean;
}

export interface ChatStyle {
  id: 'slack' | 'irc' | 'teams' | 'discord';
  /** What the pick list shows as the candidate's source. */
  source: string;
  rules: readonly HeaderRule[];
  /** Day dividers; the groups say the day (`words`, `iso`, `rel`). */
  dividers: readonly RegExp[];
  /** Lines that are the client's, not the message's. */
  noise: readonly RegExp[];
  /** Lines dropped together with the line after them (a link preview's "Website" and its title). */
  noiseWithNext?: readonly RegExp[];
  /** Whole messages that are the client's (joins and leaves). */
  noiseMessages?: readonly RegExp[];
  /** Removed from the end of a line: the client's "(edited)". */
  trailing?: RegExp;
  /** Slack copies a mention as a line of its own: joined back into the sentence. */
  mentionLines?: boolean;
  /** Names a nick the log's furniture uses instead of a person (weechat's `-->`). */
  noiseNames?: RegExp;
}

const SP = '[ \\t\\u00a0\\u202f]';
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,6})?)?(?:[ \\u00a0\\u202f]?[AaPp]\\.?[Mm]\\.?)?';
const CLOCK24 = '\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,6})?)?';
const ISO = '\\d{4}-\\d{2}-\\d{2}';
const SLASH = '\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})';
const ZONE = 'Z|[+-]\\d{2}:?\\d{2}';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const REL = `(?:Today|Yesterday|${WEEKDAY})`;
/** A person as a chat client shows them: a few words, no sentence punctuation at the end. */
export const NAME = "[\\p{L}\\p{N}_.@'\\u2019(\\-][\\p{L}\\p{M}\\p{N}_.@'\\u2019(), \\-]{0,62}?";
const CAPITAL_NAME = "\\p{Lu}[\\p{L}\\p{M}'\\u2019.\\-]*(?:,? \\p{Lu}[\\p{L}\\p{M}'\\u2019.\\-]*){0,3}(?: \\([^()]{1,40}\\))?";
const EMOJI = ':[\\w+\\-]+:';
const WORD_DATE = `(?:${WEEKDAY},?${SP}+)?${MONTH}${SP}+\\d{1,2}(?:st|nd|rd|th)?(?:,?${SP}+\\d{4})?`;

const rx = (source: string) => new RegExp(source, 'u');

const DAY_DIVIDERS = [rx(`^${SP}*(?<rel>${REL})${SP}*$`), rx(`^${SP}*(?<words>${WORD_DATE})${SP}*$`)];

export const SLACK: ChatStyle = {
  id: 'slack',
  source: 'Slack',
  rules: [
    // `Alice Smith  2:02 PM`, `Alice Smith\t[2:02 PM]`, `PagerDuty  APP  2:02 PM`
    { kind: 'header', pattern: rx(`^(?!APP${SP})(?<name>${NAME})(?:${SP}{2,}|\\t)(?:(?<app>APP)${SP}+)?(?:${EMOJI}${SP}*)*\\[?(?<clock>${CLOCK})\\]?${SP}*$`) },
    // `Alice Smith [2:02 PM]`
    { kind: 'header', pattern: rx(`^(?<name>${NAME})${SP}\\[(?<clock>${CLOCK})\\]${SP}*$`) },
    // the name on its own line, then `  2:02 PM` (indented, or after a status emoji or the APP badge)
    { kind: 'time-after-name', pattern: rx(`^(?:${SP}+(?:(?<app>APP)${SP}+)?|${SP}*(?<app2>APP)${SP}+|${SP}*(?:${EMOJI}${SP}*)+)\\[?(?<clock>${CLOCK})\\]?${SP}*$`) },
    { kind: 'time-alone', pattern: rx(`^\\[?(?<clock>${CLOCK})\\]?${SP}*$`) },
  ],
  dividers: DAY_DIVIDERS,
  noise: [
    /^\d+ repl(?:y|ies)$/,
    /^(?:Last reply .*)?View thread$/,
    /^\d+ (?:days?|hours?|minutes?|months?) agoView thread$/,
    /^View newer replies$/,
    /^(?:New|new messages|Show more|Show less)$/,
    /^This message was deleted\.$/,
    /^\(edited\)$/,
    /^replied to a thread:$/,
    /^Also sent to the channel$/,
  ],
  noiseMessages: [/^(?:has )?(?:joined|left) (?:the channel|#\S+)\.?(?:\s+Also, .*)?$/, /^was added to #\S+ by .*$/],
  trailing: /[ \t]*\(edited\)[ \t]*$/,
  mentionLines: true,
};

export const IRC: ChatStyle = {
  id: 'irc',
  source: 'IRC',
  rules: [
    // `[14:02] <alice> text`, `14:02 <@alice> text`, `[2024-08-14T14:02:11Z] <alice> text`, `2024-08-14 14:02:11 <alice> text`
    { kind: 'header', pattern: rx(`^\\[?(?:(?<iso>${ISO})[T ])?(?<clock>${CLOCK24})(?<zone>${ZONE})?\\]?\\s+<[~&@%+ ]?(?<name>[^>\\s]+)>\\s?(?<text>.*)$`) },
    // `14:02  * alice restarts the db`
    { kind: 'header', action: true, pattern: rx(`^\\[?(?:(?<iso>${ISO})[T ])?(?<clock>${CLOCK24})(?<zone>${ZONE})?\\]?\\s+\\*\\s+(?<name>[^\\s*]+)\\s+(?<text>.+)$`) },
    // weechat: `2024-08-14 14:02:11\talice\ttext`, its actions as ` *\talice restarts the db`
    { kind: 'header', action: true, pattern: rx(`^(?<iso>${ISO}) (?<clock>${CLOCK24})\\t ?\\*\\t(?<name>[^\\s]+) (?<text>.+)$`) },
    { kind: 'header', pattern: rx(`^(?<iso>${ISO}) (?<clock>${CLOCK24})\\t[~&@%+]?(?<name>[^\\t]+)\\t(?<text>.*)$`) },
    // `2024-08-14 14:02:11 alice: text`, `2024-08-14T14:02:11+02:00 alice: text`
    { kind: 'header', pattern: rx(`^\\[?(?<iso>${ISO})[T ](?<clock>${CLOCK24})(?<zone>${ZONE})?\\]?\\s+<?(?<name>[^\\s:<>]+)>?:\\s(?<text>.*)$`) },
    // Element's text export: `Thu, Aug 15 2024, 14:02:11 - Alice Smith: text`
    { kind: 'header', pattern: rx(`^(?<words>(?:${WEEKDAY},? )?${MONTH} \\d{1,2},? \\d{4}),? (?<clock>${CLOCK}) - (?<name>[^:]{1,64}): (?<text>.*)$`) },
  ],
  dividers: [rx(`^--- Day changed (?<words>.+)$`), rx(`^--- Log opened (?<words>.+)$`)],
  noise: [
    rx(`^\\[?(?:${ISO}[T ])?${CLOCK24}(?:${ZONE})?\\]?\\s+(?:-!-|-->|<--|--|\\*\\*\\*|=!=)(?:\\s|$)`),
    /^--- Log closed/,
  ],
  noiseNames: /^(?:-->|<--|--|=!=|-!-|\*\*\*)$/,
};

export const TEAMS: ChatStyle = {
  id: 'teams',
  source: 'Microsoft Teams',
  rules: [
    // `[14:02] Alice Smith`, `[8/14/2024 2:02 PM] Alice Smith: text`
    { kind: 'header', pattern: rx(`^\\[(?:(?<slash>${SLASH}),?${SP})?(?<clock>${CLOCK})\\]${SP}(?<name>${NAME})(?::${SP}(?<text>.*))?$`) },
    // `Alice Smith, 8/14/2024 2:02 PM`
    { kind: 'header', pattern: rx(`^(?<name>${NAME}),${SP}(?<slash>${SLASH}),?${SP}(?<clock>${CLOCK})${SP}*$`) },
    // `Alice Smith 14:02`
    { kind: 'header', pattern: rx(`^(?<name>${CAPITAL_NAME})${SP}(?<clock>${CLOCK})${SP}*$`) },
    // the name on its own line, then `14/08/2024 2:02 pm`, `Yesterday 2:02 PM` or `2:02 PM`
    { kind: 'time-after-name', pattern: rx(`^${SP}*(?:(?:(?<slash>${SLASH})|(?<rel>${REL})),?${SP}+)?(?<clock>${CLOCK})${SP}*$`) },
  ],
  dividers: DAY_DIVIDERS,
  noise: [/^Last read$/, /^[Hh]as context menu\.?$/, /^\d+ .{1,40} reactions?\.?$/, /^Begin Reference, /, /^\(?Edited\)?$/, /^Url Preview for /, /^New messages$/],
  trailing: /[ \t]*\(?Edited\)?[ \t]*$/,
};

export const DISCORD: ChatStyle = {
  id: 'discord',
  source: 'Discord',
  rules: [
    // `alice — Today at 2:02 PM`
    { kind: 'header', pattern: rx(`^(?<name>${NAME})${SP}[\\u2014\\u2013-]${SP}(?<rel>Today|Yesterday)${SP}at${SP}(?<clock>${CLOCK})${SP}*$`) },
    // `alice — 08/14/2024 2:02 PM`, `alice — 8/14/24, 2:02 PM`
    { kind: 'header', pattern: rx(`^(?<name>${NAME})${SP}[\\u2014\\u2013-]${SP}(?<slash>${SLASH}),?${SP}(?<clock>${CLOCK})${SP}*$`) },
    // compact mode: `[2:02 PM]alice: text`
    { kind: 'header', pattern: rx(`^\\[(?<clock>${CLOCK})\\]${SP}?(?<name>[^:\\s][^:]{0,63}?):${SP}(?<text>.*)$`) },
    // the next message of the same author: `[2:03 PM]`
    { kind: 'time-alone', pattern: rx(`^\\[(?<clock>${CLOCK})\\]${SP}*$`) },
  ],
  dividers: [],
  noise: [/^Image$/, /^\(edited\)$/, /^NEW$/, /^Click to see attachment/],
  noiseWithNext: [/^Website$/],
  trailing: /[ \t]*[([]edited[)\]][ \t]*$/,
};

/** Most specific first: on a tie in the sniffing score the earlier style wins. */
export const CHAT_STYLES: readonly ChatStyle[] = [IRC, DISCORD, SLACK, TEAMS];
