import { describe, expect, it } from 'vitest';
import { splitHtml, visibleLength } from '../../../src/adapters/render/split-html.js';

describe('visibleLength counts what Telegram counts', () => {
  it.each<[string, number]>([
    ['plain', 5],
    ['<b>bold</b>', 4],
    ['R&amp;D &lt;x&gt;', 7],
    ['<a href="https://x.y/?a=1&amp;b=2">link</a>', 4],
    ['😀', 2],
    ['&#x27;', 1],
  ])('%s → %i', (html, n) => {
    expect(visibleLength(html)).toBe(n);
  });
});

describe('splitHtml', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, string, number, string[]]>([
    ['fits', 'a\nb', 10, ['a\nb']],
    ['cuts at line ends', 'aaa\nbbb\nccc', 7, ['aaa\nbbb', 'ccc']],
    ['closes and reopens a tag across a cut', '<b>aaa\nbbb</b>', 3, ['<b>aaa</b>', '<b>bbb</b>']],
    ['keeps attributes when reopening', '<a href="u">aa\nbb</a>', 2, ['<a href="u">aa</a>', '<a href="u">bb</a>']],
    ['cuts a long line between characters', 'abcdef', 4, ['abcd', 'ef']],
    ['never inside an entity', 'ab&amp;cd', 3, ['ab&amp;', 'cd']],
    ['never inside a tag', 'ab<b>cd</b>', 3, ['ab<b>c</b>', '<b>d</b>']],
    ['drops empty chunks', '\n\n', 5, []],
  ])('%s', (_name, html, limit, chunks) => {
    expect(splitHtml(html, limit)).toEqual(chunks);
  });

  it('keeps every chunk within the limit and balanced, for hostile text', () => {
    const line = '<b>Mug &amp; lid</b> <i>😀 runway</i> <code>SKU-&lt;1&gt;</code>';
    const html = Array.from({ length: 2000 }, (_, i) => `${i} ${line}`).join('\n');
    const chunks = splitHtml(html, 4096);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(visibleLength(chunk)).toBeLessThanOrEqual(4096);
      const opened = chunk.match(/<(b|i|code)>/g)?.length ?? 0;
      const closed = chunk.match(/<\/(b|i|code)>/g)?.length ?? 0;
      expect(opened).toBe(closed);
    }
    expect(chunks.join('\n')).toBe(html);
  });
});
