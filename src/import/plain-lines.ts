/*
 * A hand-written postmortem as plain lines, whatever it was written in: Markdown, HTML pasted
 * into Markdown, or text copied from a web page. Block HTML becomes lines (a heading keeps a
 * `#`, a list item a `- `), inline tags and entities go, and what is left is read line by line.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function plainLines(input: string): string[] {
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // Text copied through a wrong encoding ("Â·" for "·"): the stray Â goes.
    .replace(/\u00c2(?=[\u00a0-\u00bf])/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi, (_, level: string, inner: string) => `\n${'#'.repeat(Number(level))} ${inner.trim()}\n`)
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(?:li|p|div|tr|h[1-6]|ul|ol|table|blockquote)>/gi, '\n')
    .replace(/<(?:p|div|br|tr|ul|ol|table|blockquote)[^>]*\/?>/gi, '\n')
    .replace(/<\/?(?:strong|b)>/gi, '**')
    .replace(/<\/?(?:em|i|span|code|a|u|small|font|td|th|thead|tbody)[^>]*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, '');
  return decodeEntities(text).split('\n').map((line) => line.replace(/\s+$/, ''));
}
