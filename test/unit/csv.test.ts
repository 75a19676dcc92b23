import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../src/core/csv';
import { buildTimeline } from '../../src/core/timeline';
import { timelineRecords, TIMELINE_COLUMNS } from '../../src/core/timeline-views';
import { inspectText } from '../../src/core/inspect';
import type { Filing } from '../../src/core/model';
import { baseForm4 } from '../fuzz/redos';

const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\tx', '\rx', '\uFF1D1+1'];

/** A filing whose issuer name, owner name and security title start formulas. */
function hostileFiling(): Filing {
  const xml = baseForm4()
    .replace(/<issuerName>[^<]*<\/issuerName>/, '<issuerName>=HYPERLINK("http://evil","Acme")</issuerName>')
    .replace(/<rptOwnerName>[^<]*<\/rptOwnerName>/, '<rptOwnerName>@SUM(1+1)*cmd|/C calc!A0</rptOwnerName>')
    .replace(/<securityTitle>\s*<value>[^<]*<\/value>/, '<securityTitle><value>+Common Stock</value>');
  const outcome = inspectText(xml, 'hostile.xml');
  assert.ok(outcome.ok, 'the fixture reads');
  return outcome.filing;
}

describe('CSV writer', () => {
  it('prefixes every cell that would start a formula and leaves plain numbers alone', () => {
    for (const f of FORMULAS) assert.equal(csvCell(f), `'${f}`, JSON.stringify(f));
    for (const n of ['-1500', '+2.5', '0.25', '1000', '', 'Common Stock']) assert.equal(csvCell(n), n);
  });

  it('writes CSV that reads back cell for cell, formulas neutralized', () => {
    const records = FORMULAS.map((f, i) => ({
      name: f,
      amount: i % 2 ? `-${i}00` : `${i}.5`,
      note: 'a, "quoted"\nline',
    }));
    const back = parse(toCsv(records, ['name', 'amount', 'note'] as const)) as string[][];
    assert.deepEqual(back[0], ['name', 'amount', 'note']);
    assert.equal(back.length, records.length + 1);
    records.forEach((r, i) => assert.deepEqual(back[i + 1], [`'${r.name}`, r.amount, r.note]));
  });

  it('neutralizes issuer, owner and security names from a filing in the timeline CSV', () => {
    const data = buildTimeline([hostileFiling()]);
    const back = parse(toCsv(timelineRecords(data), TIMELINE_COLUMNS), { columns: true }) as Record<string, string>[];
    assert.ok(back.length > 0);
    for (const rec of back) {
      assert.match(rec.issuer, /^'=HYPERLINK/);
      assert.match(rec.owner, /^'@SUM/);
      if (rec.table === 'I') assert.equal(rec.security, "'+Common Stock");
      for (const cell of Object.values(rec)) assert.ok(!/^[=+@]/.test(cell), cell);
    }
  });
});
