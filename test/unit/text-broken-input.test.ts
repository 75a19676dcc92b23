/**
 * The text reader on broken input of ordinary size: the cleaning of LaTeX-like escapes and simple tags with its map to
 * the source, ok:false with a one-line reason for text that is not a form, truncated forms, and CR/CRLF line ends.
 * (Pathological input that could make a reader super-linear: test/robustness/text-robustness.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import { cleanFormText, visibleText } from '../../src/core/parse/form/clean';
import { textSpanProblems } from '../helpers/html-spans';
import { toJson } from '../../src/core/json';

const FIXTURE = fs.readFileSync(
  path.resolve(__dirname, '..', 'fixtures', 'text', 'form4-two-rows-option-exercise.txt'),
  'utf8',
);

describe('text: cleaning LaTeX-like escapes and simple tags, with a map to the source', function () {
  it('drops math delimiters, escapes and tags, keeps dollars on plain lines', function () {
    const src =
      ' $1.\\ Amount\\ represents\\ shares.$\nPrice $2.29 and <u>/s/ A B</u> <ALTO>\n\\$5.00 $^{\\star}$ note';
    const c = cleanFormText(src);
    assert.equal(c.text, ' 1. Amount represents shares.\nPrice $2.29 and /s/ A B <ALTO>\n$5.00 * note');
    assert.equal(c.text.length, c.start.length);
    // Every cleaned character maps to source text that produces it.
    for (let k = 0; k < c.text.length; k++) assert.ok(c.start[k] < c.end[k] && c.end[k] <= src.length);
    const k = c.text.indexOf('Amount');
    assert.equal(src.slice(c.start[k], c.end[k + 'Amount represents'.length - 1]), 'Amount\\ represents');
    assert.equal(visibleText('Amount\\ represents\\ shares.$'), 'Amount represents shares.');
  });
});

describe('text: broken input', function () {
  it('answers ok:false for what is not a form (empty, binary, prose)', function () {
    for (const s of ['', '\u0000\u0001\u0002\ufffd', 'Hello world', '\t\t\t\n\n\n', '$$$\\\\\\^^^{{{}}}']) {
      const r = parseFormText(s, 'x.txt');
      assert.equal(r.ok, false, JSON.stringify(s.slice(0, 20)));
      assert.ok(!r.ok && r.reason.length > 0 && !r.reason.includes('\n'));
    }
  });

  it('reads a truncated form without throwing and keeps spans exact', function () {
    for (const cut of [40, 200, 700, 1500, 2500, FIXTURE.length - 300]) {
      const r = parseFormText(FIXTURE.slice(0, cut), 'cut.txt');
      if (r.ok) assert.deepEqual(textSpanProblems(r.filing), [], `cut at ${cut}`);
    }
  });

  it('reads CRLF and lone CR line ends exactly as LF (Windows and old Mac copies of a text)', function () {
    const dir = path.resolve(__dirname, '..', 'fixtures', 'text');
    for (const n of fs.readdirSync(dir)) {
      const t = fs.readFileSync(path.join(dir, n), 'utf8');
      const a = parseFormText(t, n);
      const values = (r: typeof a) =>
        r.ok ? JSON.stringify({ ...toJson(r.filing), findings: r.filing.findings.map((f) => f.message) }) : '';
      for (const eol of ['\r\n', '\r']) {
        const b = parseFormText(t.replace(/\n/g, eol), n);
        assert.ok(a.ok && b.ok, n);
        // Line/column positions agree too: VS Code ends a line at CR, LF or CRLF alike.
        assert.equal(values(b), values(a), `${n} with ${JSON.stringify(eol)}`);
        assert.deepEqual(textSpanProblems(b.ok ? b.filing : (null as never)), [], n);
      }
    }
  });
});
