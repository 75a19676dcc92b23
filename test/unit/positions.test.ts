import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/positions';

describe('LineIndex', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`maps offsets to 1-based line/column and back with ${name} line ends`, () => {
      const text = ['<a>', '  <b>x</b>', '', '</a>'].join(eol);
      const idx = new LineIndex(text);
      assert.equal(idx.lineCount, 4);
      const at = text.indexOf('x');
      assert.deepEqual(idx.position(at), { line: 2, column: 6 });
      assert.equal(idx.offset(2, 6), at);
      assert.deepEqual(idx.position(text.length), { line: 4, column: 5 });
      assert.deepEqual(idx.position(-5), { line: 1, column: 1 });
      assert.deepEqual(idx.position(text.length + 10), { line: 4, column: 5 });
    });
  }
  it('treats a mixed CR LF file like VS Code (each CR, LF or CRLF ends a line)', () => {
    const idx = new LineIndex('a\r\nb\nc\rd');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.position(7), { line: 4, column: 1 });
  });
  it('handles text without line ends and empty text', () => {
    assert.deepEqual(new LineIndex('').position(0), { line: 1, column: 1 });
    assert.deepEqual(new LineIndex('abc').position(2), { line: 1, column: 3 });
  });
});
