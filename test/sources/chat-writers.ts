import { DateTime } from 'luxon';

/*
 * Writes messages out the way each chat client does, for the round-trip properties: what the
 * reader gets back must be the instants and texts written here.
 */

export interface Said {
  at: number;
  author: string;
  /** Lines of the message; one line for the styles that have no multi-line messages. */
  lines: string[];
}

export interface Writer {
  name: string;
  /** The precision of the times it writes, in ms. */
  precision: number;
  multiline: boolean;
  /** Person names (with spaces), IRC nicks, or Discord user names. */
  names: 'people' | 'irc' | 'discord';
  /** Writes no date at all: the reader dates it from the incident start and the order. */
  undated?: boolean;
  write(messages: Said[], zone: string): string;
}

const wall = (at: number, zone: string) => DateTime.fromMillis(at, { zone, locale: 'en-US' });
const dayKey = (at: number, zone: string) => wall(at, zone).toISODate();
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Each message with the one before it, and whether it opens a new day (the first one does). */
function inDays(messages: Said[], zone: string): { m: Said; previous?: Said; newDay: boolean }[] {
  return messages.map((m, i) => {
    const previous = messages[i - 1];
    return { m, previous, newDay: !previous || dayKey(previous.at, zone) !== dayKey(m.at, zone) };
  });
}

/** Slack's copy: a divider when the day changes, `Name  2:02 PM`, and a bare `2:03` for the same author soon after. */
function slack(dividers: boolean): Writer {
  return {
    name: dividers ? 'slack copy with day dividers' : 'slack copy, undated',
    precision: 60_000,
    multiline: true,
    names: 'people',
    undated: !dividers,
    write(messages, zone) {
      return inDays(messages, zone)
        .flatMap(({ m, previous, newDay }) => {
          const t = wall(m.at, zone);
          const divider = dividers && newDay ? [`${t.toFormat('cccc, LLLL')} ${ordinal(t.day)}, ${t.year}`] : [];
          const soonAfter = previous && !(dividers && newDay) && previous.author === m.author && m.at - previous.at < 3_600_000;
          return [...divider, soonAfter ? t.toFormat('h:mm') : `${m.author}  ${t.toFormat('h:mm a')}`, ...m.lines, ''];
        })
        .join('\n');
    },
  };
}

const irssi: Writer = {
  name: 'irssi',
  precision: 60_000,
  multiline: false,
  names: 'irc',
  write(messages, zone) {
    const opened = `--- Log opened ${wall(messages[0]!.at, zone).toFormat('ccc LLL dd HH:mm:ss yyyy')}`;
    const lines = inDays(messages, zone).flatMap(({ m, previous, newDay }) => [
      ...(previous && newDay ? [`--- Day changed ${wall(m.at, zone).toFormat('ccc LLL dd yyyy')}`] : []),
      `${wall(m.at, zone).toFormat('HH:mm')} <${m.author}> ${m.lines[0]}`,
    ]);
    return [opened, ...lines].join('\n');
  },
};

const ircUndated: Writer = {
  name: 'irc, undated',
  precision: 60_000,
  multiline: false,
  names: 'irc',
  undated: true,
  write: (messages, zone) => messages.map((m) => `[${wall(m.at, zone).toFormat('HH:mm')}] <${m.author}> ${m.lines[0]}`).join('\n'),
};

const isoOffsets: Writer = {
  name: 'ISO times with offsets',
  precision: 1000,
  multiline: false,
  names: 'irc',
  write: (messages, zone) => messages.map((m) => `[${wall(m.at, zone).toISO({ suppressMilliseconds: true })}] <${m.author}> ${m.lines[0]}`).join('\n'),
};

const weechat: Writer = {
  name: 'weechat',
  precision: 1000,
  multiline: false,
  names: 'irc',
  write: (messages, zone) => messages.map((m) => `${wall(m.at, zone).toFormat('yyyy-MM-dd HH:mm:ss')}\t${m.author}\t${m.lines[0]}`).join('\n'),
};

const element: Writer = {
  name: 'Element',
  precision: 1000,
  multiline: false,
  names: 'people',
  write: (messages, zone) => messages.map((m) => `${wall(m.at, zone).toFormat('ccc, LLL d yyyy, HH:mm:ss')} - ${m.author}: ${m.lines[0]}`).join('\n'),
};

const teams: Writer = {
  name: 'Teams copy',
  precision: 60_000,
  multiline: true,
  names: 'people',
  write: (messages, zone) => messages.map((m) => [`[${wall(m.at, zone).toFormat('M/d/yyyy h:mm a')}] ${m.author}`, ...m.lines, ''].join('\n')).join('\n'),
};

const teamsDayFirst: Writer = {
  name: 'Teams select-all, day first',
  precision: 60_000,
  multiline: true,
  names: 'people',
  write: (messages, zone) =>
    messages.map((m) => [m.author, wall(m.at, zone).toFormat('dd/MM/yyyy h:mm a').toLowerCase(), '', ...m.lines, ''].join('\n')).join('\n'),
};

const discord: Writer = {
  name: 'Discord copy',
  precision: 60_000,
  multiline: true,
  names: 'discord',
  write(messages, zone) {
    const out: string[] = [];
    messages.forEach((m, i) => {
      const previous = messages[i - 1];
      const t = wall(m.at, zone);
      if (previous && previous.author === m.author && dayKey(previous.at, zone) === dayKey(m.at, zone) && m.at - previous.at < 3_600_000) {
        out.push(`[${t.toFormat('h:mm a')}]`);
      } else out.push(`${m.author} \u2014 ${t.toFormat('MM/dd/yyyy h:mm a')}`);
      out.push(...m.lines);
    });
    return out.join('\n');
  },
};

export const WRITERS: readonly Writer[] = [slack(true), slack(false), irssi, ircUndated, isoOffsets, weechat, element, teams, teamsDayFirst, discord];
