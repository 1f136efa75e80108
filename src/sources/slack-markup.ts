/*
 * Slack's message markup (its "mrkdwn" as the API and exports return it) as plain text: `<@U123>`
 * becomes `@Real Name`, `<#C123|general>` `#general`, `<https://x|label>` its label, and the three
 * escaped characters come back. Emoji codes stay as written (`:fire:`): they are short, exact,
 * and a word list would only guess at custom emoji.
 */

export interface SlackNames {
  /** A person's name by user id (U…, W…); undefined when unknown. */
  user(id: string): string | undefined;
  /** A channel's name by id (C…, G…). */
  channel?(id: string): string | undefined;
}

export interface ResolvedText {
  text: string;
  /** The people mentioned, by the names the text now shows. */
  people: string[];
}

const TOKEN = /<([^<>\n]*)>/g;
const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const SPECIAL: Record<string, string> = { here: '@here', channel: '@channel', everyone: '@everyone' };

/** Removes *bold*, _italic_ and ~strike~ markers only around whole words, never inside code, links or names. */
const EMPHASIS = /(^|[\s(["'])([*_~])(?=\S)([^\n]*?\S)\2(?=$|[\s)\]"'.,;:!?])/g;
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;

export function resolveSlackMarkup(raw: string, names: SlackNames): ResolvedText {
  const people = new Set<string>();
  const resolved = raw.replace(TOKEN, (_, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : inner.slice(bar + 1);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      const name = names.user(id) ?? label?.replace(/^@/, '') ?? id;
      people.add(name);
      return `@${name}`;
    }
    if (target.startsWith('#')) return `#${label ?? names.channel?.(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      const command = target.slice(1);
      const special = SPECIAL[command.split('^')[0]!];
      if (special) return special;
      if (command.startsWith('subteam^')) return label ? `@${label.replace(/^@/, '')}` : '@group';
      return label ?? `<${command}>`;
    }
    return label || target;
  });
  const text = resolved
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(EMPHASIS, '$1$3')))
    .join('')
    .replace(ENTITY, (_, name: string) => ENTITIES[name]!);
  return { text, people: [...people] };
}
