import type { Candidate, SourceFormat, SourceOptions } from './candidate.js';
import { SourceError } from './candidate.js';
import { ChatTimeline, type DayMark, isoDay, parseClock, parseOffset, relativeDay, slashDay, slashOrder, type SlashOrder, type Stamp, wordDay } from './chat-clock.js';
import { peopleOf, plainMentions } from './chat-people.js';
import { CHAT_STYLES, type ChatStyle, type HeaderRule, NAME } from './chat-styles.js';
import { textLines } from './text-lines.js';

/*
 * Chat text pasted or saved from a client: Slack's and Teams' copies, Discord's, IRC, Matrix,
 * weechat and irssi logs. The styles are data (chat-styles.ts); this reads lines against the
 * one that fits the file best, keeping the lines of a message together.
 */

/** What the first lines of a text say about all of it. */
export interface ChatPlan {
  style: ChatStyle;
  /** AM/PM is written somewhere: a bare `3:14` may then be either. */
  hour12: boolean;
  order: SlashOrder;
}

/** The lines read before deciding on a plan. */
const SAMPLE_LINES = 2000;
const LOG_LEVELS = /^(?:INFO|WARN|WARNING|ERROR|ERR|DEBUG|TRACE|FATAL|CRITICAL|CRIT|NOTICE|SEVERE)$/i;
const NAME_LINE = new RegExp(`^${NAME}$`, 'u');
const MENTION_LINE = /^\s*@([^\s@]+(?: [^\s@.!?,:;]+){0,2})\s*$/u;
const EMOJI_LINE = /^(?::[\w+-]+:)+$/;

/** A line that can be a person's name on its own (the first of Slack's two header lines). */
export function isNameLine(line: string, style: ChatStyle): boolean {
  const text = line.trim();
  if (!text || text.length > 64 || /[.!?:;,]$/.test(text) || /^\d+$/.test(text)) return false;
  if (text.split(/\s+/).length > 6 || /https?:|www\./i.test(text)) return false;
  if (style.dividers.some((d) => d.test(text)) || style.noise.some((n) => n.test(text))) return false;
  return NAME_LINE.test(text);
}

interface Match {
  rule: HeaderRule;
  groups: Record<string, string | undefined>;
}

function matchRule(line: string, style: ChatStyle): Match | undefined {
  for (const rule of style.rules) {
    const found = rule.pattern.exec(line);
    if (!found) continue;
    const groups = found.groups ?? {};
    const name = groups.name?.trim();
    if (name !== undefined && (LOG_LEVELS.test(name) || style.noiseNames?.test(name))) continue;
    if (!parseClock(groups.clock ?? '')) continue;
    return { rule, groups };
  }
  return undefined;
}

function dividerMark(line: string, style: ChatStyle): DayMark | undefined {
  for (const divider of style.dividers) {
    const groups = divider.exec(line)?.groups;
    if (!groups) continue;
    const mark = groups.rel ? relativeDay(groups.rel) : groups.words ? wordDay(groups.words) : groups.iso ? dated(isoDay(groups.iso)) : undefined;
    if (mark) return mark;
  }
  return undefined;
}

function dated(day: ReturnType<typeof isoDay>): DayMark | undefined {
  return day ? { kind: 'date', ...day } : undefined;
}

function stampOf(groups: Record<string, string | undefined>, order: SlashOrder): Stamp | undefined {
  const clock = parseClock(groups.clock ?? '');
  if (!clock) return undefined;
  let day: DayMark | undefined;
  if (groups.iso) day = dated(isoDay(groups.iso));
  else if (groups.slash) day = dated(slashDay(groups.slash, order));
  else if (groups.words) day = wordDay(groups.words);
  else if (groups.rel) day = relativeDay(groups.rel);
  if ((groups.iso || groups.slash || groups.words) && !day) return undefined;
  const offset = parseOffset(groups.zone);
  return { clock, ...(day ? { day } : {}), ...(offset !== undefined ? { offset } : {}) };
}

/** How well a style reads these lines: lines it takes for headers, dividers counting half. */
function score(lines: readonly string[], style: ChatStyle): { score: number; headers: number } {
  let headers = 0;
  let weak = 0;
  let previous = '';
  for (const line of lines) {
    const match = matchRule(line, style);
    if (match?.rule.kind === 'header') headers++;
    else if (match?.rule.kind === 'time-after-name' && isNameLine(previous, style)) headers++;
    else if (match || dividerMark(line, style)) weak++;
    if (line.trim()) previous = line;
  }
  return { score: headers + weak / 2, headers };
}

/** The style a text is written in, when a good share of its lines read as one. */
export function planChatText(lines: readonly string[], anchor?: number): ChatPlan | undefined {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const json = /^\s*[[{]\s*["{[]/.test(nonEmpty.slice(0, 2).join(''));
  if (nonEmpty.length === 0 || json) return undefined;
  let best: { style: ChatStyle; score: number; headers: number } | undefined;
  for (const style of CHAT_STYLES) {
    const result = score(lines, style);
    if (!best || result.score > best.score) best = { style, ...result };
  }
  if (!best || best.headers === 0) return undefined;
  // A good share of the lines: a tenth for a long chat (messages can run to many lines), a fifth for one or two messages.
  const share = best.score / nonEmpty.length;
  // A copy that opens on a message's header ("Alice Smith  2:02 PM"), after any day dividers, is a chat however long its messages run.
  const first = nonEmpty.find((line) => !dividerMark(line, best.style));
  const opens = first !== undefined && matchRule(first, best.style)?.rule.kind === 'header';
  const enough = opens || (best.headers >= 2 ? share >= 0.1 : share >= 0.2);
  if (!enough) return undefined;
  const hour12 = lines.some((line) => /\d[ \u00a0\u202f]?[AaPp]\.?[Mm]\b/.test(line));
  const slashDates = lines.flatMap((line) => [...line.matchAll(/\b(\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2}))\b/g)].map((m) => m[1]!));
  return { style: best.style, hour12, order: slashOrder(slashDates, anchor) };
}

interface Open {
  author?: string;
  at: number;
  line: number;
  bot: boolean;
  action: boolean;
  body: string[];
}

/** Reads a chat's lines in order; `push` returns the messages each line completes. */
export class ChatTextReader {
  private readonly timeline: ChatTimeline;
  private open: Open | undefined;
  private preamble: string[] = [];
  private lastAuthor: string | undefined;
  private skipNext = false;
  private heldEmoji: string | undefined;

  constructor(
    private readonly plan: ChatPlan,
    private readonly options: SourceOptions,
    private readonly path: string,
  ) {
    this.timeline = new ChatTimeline(options.zone.zone, options.from ?? options.to, plan.hour12);
  }

  push(raw: string, lineNumber: number): Candidate[] {
    const done: Candidate[] = [];
    const line = raw.replace(/\s+$/, '');
    const style = this.plan.style;
    if (this.heldEmoji !== undefined) {
      const held = this.heldEmoji;
      this.heldEmoji = undefined;
      // Slack copies a reaction as the emoji and, on the next line, its count.
      if (/^\d+$/.test(line.trim())) return done;
      this.text(held);
    }
    if (this.skipNext && line.trim()) {
      this.skipNext = false;
      return done;
    }
    const trimmed = line.trim();
    if (style.noiseWithNext?.some((n) => n.test(trimmed))) {
      this.skipNext = true;
      return done;
    }
    if (style.noise.some((n) => n.test(trimmed))) return done;
    const mark = dividerMark(line, style);
    if (mark) {
      this.finish(done);
      this.timeline.mark(mark);
      return done;
    }
    const match = matchRule(line, style);
    if (match) {
      const { rule, groups } = match;
      if (rule.kind === 'header') {
        this.start(done, groups, lineNumber, groups.name?.trim(), rule.action ?? false);
        return done;
      }
      if (rule.kind === 'time-after-name') {
        const body = this.open?.body ?? this.preamble;
        while (body.length && !body.at(-1)!.trim()) body.pop();
        const name = body.at(-1);
        if (name !== undefined && isNameLine(name, style)) {
          body.pop();
          this.start(done, groups, lineNumber, name.trim(), false);
          return done;
        }
      }
      if (rule.kind === 'time-alone' || style.rules.some((r) => r.kind === 'time-alone')) {
        this.start(done, groups, lineNumber, this.lastAuthor, false, this.open?.bot ?? false);
        return done;
      }
    }
    if (style.mentionLines && EMOJI_LINE.test(trimmed)) {
      this.heldEmoji = line;
      return done;
    }
    this.text(line);
    return done;
  }

  end(): Candidate[] {
    const done: Candidate[] = [];
    if (this.heldEmoji !== undefined) this.text(this.heldEmoji);
    this.heldEmoji = undefined;
    this.finish(done);
    return done;
  }

  private text(line: string): void {
    const trailing = this.plan.style.trailing;
    const kept = trailing ? line.replace(trailing, '') : line;
    (this.open?.body ?? this.preamble).push(kept);
    if (!this.open && this.preamble.length > 8) this.preamble.shift();
  }

  private start(done: Candidate[], groups: Record<string, string | undefined>, lineNumber: number, author: string | undefined, action: boolean, bot = false): void {
    this.finish(done);
    const stamp = stampOf(groups, this.plan.order);
    if (!stamp) throw new SourceError(this.path, `line ${lineNumber} has a date that is not a real day: ${groups.clock ?? ''}`, lineNumber);
    const at = this.timeline.at(stamp);
    if (at === undefined) {
      throw new SourceError(this.path, `line ${lineNumber} has a time but no date, and no incident start was given to tell its day.`, lineNumber);
    }
    this.lastAuthor = author;
    this.open = { at, line: lineNumber, action, bot: bot || Boolean(groups.app || groups.app2), body: [], ...(author !== undefined ? { author } : {}) };
    if (groups.text !== undefined) this.text(groups.text);
  }

  private finish(done: Candidate[]): void {
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    const style = this.plan.style;
    const mentioned: string[] = [];
    let text = tidy(style.mentionLines ? joinMentionLines(open.body, mentioned) : open.body);
    if (open.action && open.author) text = `${open.author} ${text}`;
    if (!text || style.noiseMessages?.some((n) => n.test(text))) return;
    const { from, to } = this.options;
    if ((from !== undefined && open.at < from) || (to !== undefined && open.at > to)) return;
    const people = peopleOf(open.author, text, mentioned.length ? mentioned : plainMentions(text));
    done.push({
      at: open.at,
      source: style.source,
      text,
      key: `${style.id}:${open.at}:${open.author ?? ''}:${text.slice(0, 200)}`,
      origin: `line ${open.line}`,
      ...(open.author !== undefined ? { author: open.author } : {}),
      ...(open.bot ? { bot: true } : {}),
      ...(people ? { people } : {}),
    });
  }
}

/** A message's lines without the blank lines around it, and runs of blank lines as one. */
function tidy(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n[ \t]*(?:\n[ \t]*)+\n/g, '\n\n')
    .trim();
}

/** Slack puts a mention on a line of its own when copied: `hi`, `@Tomas Novak`, ` can you look`. */
function joinMentionLines(lines: readonly string[], mentioned: string[]): string[] {
  const out: string[] = [];
  let glue = false;
  for (const line of lines) {
    const mention = MENTION_LINE.exec(line)?.[1];
    if (mention && !/^(?:here|channel|everyone)$/.test(mention)) mentioned.push(mention);
    if ((mention || glue) && out.length && out.at(-1)!.trim()) {
      out[out.length - 1] = `${out.at(-1)!.trimEnd()} ${line.trim()}`;
    } else out.push(mention ? line.trim() : line);
    glue = mention !== undefined;
  }
  return out;
}

/** Reads chat text held in memory (pasted into the app): the same as reading it from a file. */
export function parseChatText(text: string, options: SourceOptions, path = 'the pasted text'): Candidate[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const plan = planChatText(lines.slice(0, SAMPLE_LINES), options.from ?? options.to);
  if (!plan) throw notChat(path);
  const reader = new ChatTextReader(plan, options, path);
  const out: Candidate[] = [];
  lines.forEach((line, i) => out.push(...reader.push(line, i + 1)));
  out.push(...reader.end());
  return out;
}

function notChat(path: string): SourceError {
  return new SourceError(path, 'does not read as a chat: no lines like "[14:02] <alice> text", "Alice Smith  2:02 PM" or "alice \u2014 Today at 2:02 PM".');
}

export const chatText: SourceFormat = {
  id: 'chat-text',
  label: 'a chat log or copy (Slack, Teams, Discord, IRC, Matrix)',
  sniff({ isDirectory, head }) {
    if (isDirectory) return false;
    return planChatText(head.split(/\r\n|\r|\n/).slice(0, SAMPLE_LINES)) !== undefined;
  },
  async *read(path, options) {
    // One iterator throughout: the first lines decide the plan, then reading goes on from there.
    const lines = textLines(path, options.progress);
    try {
      yield* readLines(lines, path, options);
    } finally {
      await lines.return(undefined);
    }
  },
};

async function* readLines(lines: AsyncGenerator<string>, path: string, options: SourceOptions): AsyncGenerator<Candidate> {
  const sample: string[] = [];
  while (sample.length < SAMPLE_LINES) {
    const next = await lines.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const plan = planChatText(sample, options.from ?? options.to);
  if (!plan) throw notChat(path);
  const reader = new ChatTextReader(plan, options, path);
  let n = 0;
  for (const line of sample) yield* reader.push(line, ++n);
  for (let next = await lines.next(); !next.done; next = await lines.next()) yield* reader.push(next.value, ++n);
  yield* reader.end();
}
