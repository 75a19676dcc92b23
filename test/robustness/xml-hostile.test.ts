/**
 * The XML scanner and parser on large hostile input: nesting 100,000 levels deep (bounded without recursion), a
 * document range inside a 20-million-character text (never scanned past), floods of problems and attributes (each
 * within the CPU-time budget of one input), and thousands of random mutations of the fixtures (never a throw, every
 * span exact).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOwnershipXml } from '../../src/core/parse/xml';
import { onlyFinding as only } from '../helpers/findings';
import { spanProblems } from '../helpers/span-assert';
import { CPU_BUDGET_MS, cpuTimed } from '../helpers/cpu-time';

const FIX = path.resolve(__dirname, '..', 'fixtures', 'xml');

describe('xml scanner: large hostile input', () => {
  it('bounds nesting depth without recursion, and reads what follows the deep part', () => {
    const n = 100_000;
    const text =
      '<ownershipDocument><remarks>' +
      '<a>'.repeat(n) +
      'deep' +
      '</a>'.repeat(n) +
      'after</remarks><issuer><issuerCik>0000000001</issuerCik></issuer></ownershipDocument>';
    const out = parseOwnershipXml(text, 'deep.xml');
    assert.ok(out.ok);
    const f = out.filing;
    const lim = only(f, 'xml-limit');
    assert.equal(lim.severity, 'error');
    assert.match(lim.message, /nested deeper than 200 levels/);
    assert.equal(f.issuer.cik.value, '0000000001');
    assert.ok(!f.findings.some((x) => x.rule === 'xml-malformed'), JSON.stringify(f.findings));
    // The same, never closed: no stack overflow, a malformed finding, and the root still found.
    const open = parseOwnershipXml('<ownershipDocument><documentType>4</documentType>' + '<a>'.repeat(n), 'open.xml');
    assert.ok(open.ok);
    assert.equal(open.filing.documentType.value, '4');
    assert.ok(open.filing.findings.some((x) => x.rule === 'xml-malformed'));
  });

  it('stays linear when the range sits in a large text (never scans past the range per value)', () => {
    const xml = fs.readFileSync(path.join(FIX, 'holdings-and-transactions.xml'), 'utf8');
    const text = xml + '\u4e00'.repeat(20_000_000);
    // CPU time, best of three after a warm-up: a per-value scan to the end of the text costs ~90 ms here, a bounded
    // one ~3 ms.
    parseOwnershipXml(xml, 'warm.xml');
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const { value: out, cpuMs } = cpuTimed(() =>
        parseOwnershipXml(text, 'big.txt', { range: { start: 0, end: xml.length }, source: 'submission' }),
      );
      best = Math.min(best, cpuMs);
      assert.ok(out.ok && out.filing.derivative.length === 3);
    }
    assert.ok(best < 50, `took ${best.toFixed(1)} ms of CPU time`);
  });

  it('stays linear on pathological markup (many problems, many attributes, long broken tags)', () => {
    const inputs = [
      '<ownershipDocument>' + '<a b=1></a>\n'.repeat(200_000) + '</ownershipDocument>',
      '<ownershipDocument><a ' +
        Array.from({ length: 100_000 }, (_, i) => `x${i}="1"`).join(' ') +
        '/></ownershipDocument>',
      '<ownershipDocument>' + '</b '.repeat(100_000) + 'x'.repeat(1_000_000) + '</ownershipDocument>',
      '<ownershipDocument>' +
        '&bogus;'.repeat(200_000) +
        '<remarks>' +
        '&#xZZ;&'.repeat(100_000) +
        '</remarks></ownershipDocument>',
    ];
    for (const text of inputs) {
      const { value: out, cpuMs } = cpuTimed(() => parseOwnershipXml(text, 'p.xml'));
      assert.ok(out.ok);
      assert.ok(cpuMs < CPU_BUDGET_MS, `${text.slice(0, 40)}: ${cpuMs.toFixed(0)} ms of CPU time`);
      assert.ok(out.filing.findings.length < 300, `${out.filing.findings.length} findings`);
    }
  });
});

describe('xml scanner: mutation fuzz over the fixtures', () => {
  it('never throws and keeps every span exact, whatever is inserted, cut or truncated', function () {
    this.timeout(60_000);
    const texts = fs
      .readdirSync(FIX)
      .filter((n) => n.endsWith('.xml'))
      .sort()
      .map((n) => fs.readFileSync(path.join(FIX, n), 'utf8'));
    let seed = 20261129;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      '</',
      '<!--',
      ']]>',
      '<![CDATA[',
      '&amp;',
      '&#',
      ';',
      '=',
      ' ',
      '\n',
      '<value>',
      '</value>',
      '<footnoteId id="F9"/>',
      '\u0000',
      '\ufeff',
      '\ud800',
      '<!DOCTYPE x [',
      '?>',
    ];
    const failures: string[] = [];
    for (let i = 0; i < 4000 && failures.length < 5; i++) {
      let t = texts[rnd(texts.length)];
      for (let k = 1 + rnd(4); k > 0; k--) {
        const pos = rnd(t.length + 1);
        const op = rnd(3);
        if (op === 0) t = t.slice(0, pos) + pieces[rnd(pieces.length)] + t.slice(pos);
        else if (op === 1) t = t.slice(0, pos) + t.slice(pos + 1 + rnd(20));
        else t = t.slice(0, pos);
      }
      try {
        const out = parseOwnershipXml(t, 'fuzz.xml');
        if (out.ok) for (const p of spanProblems(out.filing).slice(0, 2)) failures.push(`case ${i}: ${p}`);
      } catch (e) {
        failures.push(`case ${i}: threw ${(e as Error).stack}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
