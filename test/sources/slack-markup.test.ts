import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSlackMarkup } from '../../src/sources/slack-markup.js';
import { runs } from '../support/property.js';

const names = {
  user: (id: string) => ({ U123: 'Real Name', U456: 'Ana Costa' })[id],
  channel: (id: string) => ({ C999: 'ops' })[id],
};
const resolve = (text: string) => resolveSlackMarkup(text, names);

describe('Slack markup as plain text', () => {
  it.each([
    ['<@U123> look', '@Real Name look', ['Real Name']],
    ['<@U123|realname> and <@U777|ghost>', '@Real Name and @ghost', ['Real Name', 'ghost']],
    ['<@W888>', '@W888', ['W888']],
    ['see <#C123|general> and <#C999>', 'see #general and #ops', []],
    ['<!here> <!channel> <!everyone> <!here|here>', '@here @channel @everyone @here', []],
    ['<!subteam^S1|@oncall> paged', '@oncall paged', []],
    ['at <!date^1723644131^{time}|14:02 UTC>', 'at 14:02 UTC', []],
    ['<https://grafana.example.com/d/1|the dashboard> and <https://x.example>', 'the dashboard and https://x.example', []],
    ['<mailto:ops@example.com|ops@example.com>', 'ops@example.com', []],
    ['a &amp; b &lt;c&gt; &amp;lt;', 'a & b <c> &lt;', []],
    [':fire: :rotating_light: stays', ':fire: :rotating_light: stays', []],
    ['*bold* _italic_ ~gone~ words', 'bold italic gone words', []],
    ['2*3*4 and snake_case_name and a_b_ and file_*.log', '2*3*4 and snake_case_name and a_b_ and file_*.log', []],
    ['`*kept*` and ```_kept_``` but *not*', '`*kept*` and ```_kept_``` but not', []],
    ['<https://example.com/a_b_c|a_b_c>', 'a_b_c', []],
  ])('%s', (input, text, people) => {
    expect(resolve(input)).toEqual({ text, people });
  });

  it('text with no markup comes back as it was once & < > are escaped the way Slack escapes them', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abc XYZ09.,!?-&<>\'"\n:'.split('')) }).filter((s) => !/(^|[\s(["'])[*_~]/.test(s));
    fc.assert(
      fc.property(plain, (text) => {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(resolve(escaped).text).toBe(text);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof resolve(text).text === 'string'), { numRuns: runs(300) });
  });
});
