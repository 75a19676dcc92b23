// The first model goes into the preview's page as a JSON data block: filing text must not be able to end or change
// that element, and the data must read back exactly.
import * as assert from 'assert';
import { jsonForScript } from '../../src/extension/jsonForScript';

describe('jsonForScript (the model embedded in the preview page)', () => {
  const hostile = [
    '</script><script>alert(1)</script>',
    '<!-- <script>',
    '</SCRIPT >',
    '<img src=x onerror=alert(1)>',
    'AT&T &amp; &lt;b&gt;',
    'line\u2028separator\u2029paragraph',
    '"quoted" \\ back\\slash',
  ];

  it('leaves no <, > or & in the text, so no tag or comment can start or end inside it', () => {
    const text = jsonForScript({ remarks: hostile, nested: { footnote: hostile.join('') } });
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  });

  it('reads back to exactly the same data', () => {
    const value = { type: 'update', version: 3, model: { remarks: hostile, n: 1.5, none: null, flag: true } };
    assert.deepStrictEqual(JSON.parse(jsonForScript(value)), value);
  });

  it('writes null for nothing', () => {
    assert.strictEqual(jsonForScript(undefined), 'null');
  });
});
