/**
 * The EDGAR HTML reader on hostile markup (deep nesting, unclosed tags, floods of brackets, long attributes and
 * quotes, entities, rows, an unclosed style, white space): it never throws and stays linear.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEdgarHtml } from '../../src/core/parse/html';
import { CPU_BUDGET_MS, cpuTimed } from '../helpers/cpu-time';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'html');

describe('html: hostile markup', function () {
  it('never throws and stays linear on hostile markup (each within the CPU-time budget of one input)', function () {
    const form = fs.readFileSync(path.join(DIR, 'form4a-joint-filers.html'), 'utf8');
    const cases: [string, string][] = [
      ['deep nesting', '<table><tr><td>'.repeat(20_000) + 'x'],
      ['unclosed tags', '<td><span class="FormData">'.repeat(20_000)],
      ['lone brackets', '<'.repeat(200_000) + form],
      ['long attribute', `<a href="${'x'.repeat(500_000)}">` + form],
      ['unterminated quotes', '<a b="'.repeat(50_000)],
      ['entities', '&amp;&#x41;&nbsp;&unknown;'.repeat(20_000)],
      ['many rows', form.replace('<tbody>', '<tbody>' + '<tr><td>x</td><td>01/01/2024</td></tr>'.repeat(8_000))],
      ['unclosed style', '<style>' + 'x'.repeat(500_000)],
      ['whitespace', form + ' \t\n'.repeat(200_000)],
    ];
    for (const [name, s] of cases) {
      const { value: r, cpuMs } = cpuTimed(() => parseEdgarHtml(s, 'x.html'));
      assert.ok(r.ok === true || r.ok === false, name);
      // Linear scans: each case (up to ~600 KB) takes well under a second; a quadratic scan would take minutes.
      assert.ok(cpuMs < CPU_BUDGET_MS, `${name}: ${cpuMs.toFixed(0)} ms of CPU time`);
    }
  });
});
