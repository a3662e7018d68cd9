import { describe, expect, it } from 'vitest';
import {
  escapeSlack,
  escapeTelegram,
  escapeView,
  unescapeMarkup,
} from '../../../src/adapters/render/escape.js';

// The html column of ../shared/chat/telegram/markdownv2_escaping.cases.json, plus quotes and Slack.
describe('escaping per platform', () => {
  it.each<[string, string, string]>([
    ['SKU-42', 'SKU-42', 'SKU-42'],
    ['runway 2.5 days!', 'runway 2.5 days!', 'runway 2.5 days!'],
    ['Mug (blue) #3 + lid', 'Mug (blue) #3 + lid', 'Mug (blue) #3 + lid'],
    ['a_b*c[d]', 'a_b*c[d]', 'a_b*c[d]'],
    ['R&D <fast> > slow', 'R&amp;D &lt;fast&gt; &gt; slow', 'R&amp;D &lt;fast&gt; &gt; slow'],
    ['C:\\path', 'C:\\path', 'C:\\path'],
    ['Kid\'s "cup"', 'Kid&#x27;s &quot;cup&quot;'.replace('&#x27;', "'"), 'Kid\'s "cup"'],
    ['<!channel> &amp;', '&lt;!channel&gt; &amp;amp;', '&lt;!channel&gt; &amp;amp;'],
  ])('%s', (input, telegram, slack) => {
    expect(escapeTelegram(input)).toBe(telegram);
    expect(escapeSlack(input)).toBe(slack);
    expect(unescapeMarkup(escapeTelegram(input))).toBe(input);
    expect(unescapeMarkup(escapeSlack(input))).toBe(input);
  });

  it('escapes every string of a view model and nothing else', () => {
    const view = { a: '<x>', n: 3, none: null, list: [{ b: '&' }], flag: true };
    expect(escapeView('slack', view)).toEqual({
      a: '&lt;x&gt;',
      n: 3,
      none: null,
      list: [{ b: '&amp;' }],
      flag: true,
    });
    expect(view.a).toBe('<x>');
  });
});
