/**
 * The text reader on hostile or broken input: it never throws, answers ok:false with a reason for text that
 * is not a form, and stays linear (label searches are bounded to their window, markers are read from the end
 * of a cell only, footnote lines are merged once).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import { cleanFormText, visibleText } from '../../src/core/parse/form/clean';
import { textSpanProblems } from './html-spans';
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

describe('text: hostile and broken input', function () {
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

  it('never throws and stays fast on pathological text', function () {
    const cases: [string, string][] = [
      ['long whitespace run', FIXTURE + ' '.repeat(600_000) + 'x'],
      ['whitespace before labels', ' '.repeat(300_000) + 'Signature of Reporting Person' + ' '.repeat(300_000)],
      ['many markers', FIXTURE.replace('$48.1234(2)', '$48.1234' + '(2)'.repeat(100_000))],
      ['many tabs', FIXTURE.replace('Common Stock\t03/14/2024', 'Common Stock' + '\t'.repeat(300_000) + '03/14/2024')],
      ['repeated labels', 'FORM 4\n' + '1. Name and Address of Reporting Person* X\t'.repeat(20_000)],
      [
        'many rows',
        FIXTURE.replace('Table II', 'Common Stock\t03/14/2024\t\tS\t\t1\tD\t$1\t1\tD\t\n'.repeat(8_000) + 'Table II'),
      ],
      [
        'long footnote',
        FIXTURE.replace('Remarks:', 'continued text of the last footnote\n'.repeat(40_000) + 'Remarks:'),
      ],
      ['latex soup', FIXTURE + '\\$ \\ ^{ $\\star$ }'.repeat(50_000)],
      ['one long line', 'FORM 4 ' + 'Table I - Non-Derivative Common Stock 01/01/2024 P 1 A $1 1 D '.repeat(10_000)],
      ['tags', FIXTURE + '<u><b>'.repeat(100_000)],
      [
        'owner blocks after Table II',
        FIXTURE.replace(
          'Explanation of Responses:',
          '1. Name and Address of Reporting Person*\nX Y\n(Last)\t(First)\t(Middle)\n'.repeat(20_000) +
            'Explanation of Responses:',
        ),
      ],
      ['many signatures', FIXTURE.replace('Reminder:', '/s/ A B 01/01/2024\n'.repeat(30_000) + 'Reminder:')],
      [
        'owners section',
        FIXTURE.replace(
          'Remarks:',
          'Reporting Owners\n' + 'Name\nSTREET\nCITY, ST 12345\nX\n'.repeat(20_000) + 'Remarks:',
        ),
      ],
      [
        'words after a row',
        FIXTURE.replace(
          'Table II',
          'Common Stock\t03/14/2024\t\tS\t\t1\tD\t$1\t1\tD\t\n' + 'word\n'.repeat(50_000) + 'Table II',
        ),
      ],
      ['rows never complete', FIXTURE.replace('Table II', 'Common Stock 03/14/2024 S 1\n'.repeat(10_000) + 'Table II')],
    ];
    for (const [name, s] of cases) {
      const t0 = Date.now();
      const r = parseFormText(s, 'x.txt');
      const ms = Date.now() - t0;
      assert.ok(r.ok === true || r.ok === false, name);
      // Linear: well under a second each on an idle machine; the bound leaves room for a loaded runner,
      // while a quadratic scan of these inputs would take minutes.
      assert.ok(ms < 8000, `${name}: ${ms} ms`);
    }
  });
});
