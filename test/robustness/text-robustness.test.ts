/**
 * The text reader on pathological input (runs of white space, floods of markers, tabs, labels, rows, signatures and
 * owner blocks): it never throws and stays linear (label searches are bounded to their window, markers are read from
 * the end of a cell only, footnote lines are merged once), each input within the CPU-time budget of one input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormText } from '../../src/core/parse/text';
import { CPU_BUDGET_MS, cpuTimed } from '../helpers/cpu-time';

const FIXTURE = fs.readFileSync(
  path.resolve(__dirname, '..', 'fixtures', 'text', 'form4-two-rows-option-exercise.txt'),
  'utf8',
);

describe('text: pathological input', function () {
  it('never throws and stays linear on pathological text (each within the CPU-time budget of one input)', function () {
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
      const { value: r, cpuMs } = cpuTimed(() => parseFormText(s, 'x.txt'));
      assert.ok(r.ok === true || r.ok === false, name);
      // Linear: well under a second each; a quadratic scan of these inputs would take minutes.
      assert.ok(cpuMs < CPU_BUDGET_MS, `${name}: ${cpuMs.toFixed(0)} ms of CPU time`);
    }
  });
});
