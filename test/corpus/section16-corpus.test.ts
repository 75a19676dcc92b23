/**
 * The Section 16 desk over the corpus (xml and txt): the late-filing report agrees with three filings checked by hand
 * against their submission headers and a calendar, and short-swing matching with P and S only finds no pair (the
 * corpus has no insider who both bought and sold in the open market within six months); with M, F and A added (an
 * illustration only: those are mostly exempt under Rule 16b-3) a restricted-stock vest against its tax withholding
 * matches as computed by hand.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { inspectBytes } from '../../src/core/inspect';
import { lateReport, type JudgedFiling } from '../../src/core/section16/lateReport';
import { shortSwing } from '../../src/core/section16/shortSwing';
import { corpusOrSkip, corpusFiles } from '../helpers/shared';

let filings: Filing[] = [];

function judged(name: string): JudgedFiling {
  const r = lateReport(filings);
  for (const y of r.years)
    for (const p of y.persons) for (const f of p.filings) if (path.basename(f.file) === name) return f;
  assert.fail(`${name} is not listed as late or unknown`);
}

describe('Section 16 desk over the corpus', function () {
  this.timeout(180000);

  before(async function () {
    corpusOrSkip(this);
    filings = [];
    for (const f of [...corpusFiles('xml'), ...corpusFiles('txt')]) {
      const out = await inspectBytes(fs.readFileSync(f), f, { noRules: true });
      if (out.ok) filings.push(out.filing);
    }
    assert.ok(filings.length > 400, `${filings.length} filings`);
  });

  it('late Form 4s checked by hand: due dates past weekends and holidays, business days late', () => {
    // Sale on Monday 2014-04-21: due Wednesday 04-23; FILED AS OF DATE 2014-04-25 (Friday): 2 business days late.
    const amato = judged('cjavdev-secedgar__sec_edgar__filing6.txt');
    assert.deepEqual([amato.status, amato.due, amato.filed?.date], ['late', '2014-04-23', '2014-04-25']);
    assert.match(amato.reason, /2 business days late/);
    // Exercise and withholding on Thursday 2014-04-17: Good Friday is not a federal holiday, so due Monday 04-21;
    // filed Thursday 04-24: 3 business days late, three transactions.
    const rizzuti = judged('cjavdev-secedgar__sec_edgar__filing4.txt');
    assert.deepEqual([rizzuti.status, rizzuti.due, rizzuti.transactions.length], ['late', '2014-04-21', 3]);
    assert.match(rizzuti.reason, /3 business days late/);
    // Transactions on Sunday 2006-10-15: Columbus Day was 10-09 that year, so due Tuesday 10-17; filed 10-18.
    const robson = judged('cjavdev-secedgar__sec_edgar__filing16.txt');
    assert.deepEqual([robson.status, robson.due, robson.filed?.date], ['late', '2006-10-17', '2006-10-18']);
    assert.match(robson.reason, /1 business day late/);
  });

  it('no filing without a known filing date is judged late by its own date alone', () => {
    const r = lateReport(filings);
    for (const y of r.years)
      for (const p of y.persons)
        for (const f of p.filings)
          if (f.filed === null && f.status === 'late')
            // Only what the filing itself says is late: a row marked late or one that belonged on a Form 4.
            assert.ok(
              f.transactions.length > 0 && f.transactions.every((t) => t.why !== 'filed-late'),
              `${f.file}: ${f.reason}`,
            );
  });

  it('short-swing: no P/S pair by default; with M, F and A added, a vest against its withholding as computed by hand', () => {
    assert.equal(shortSwing(filings).groups.filter((g) => g.pairs.length).length, 0);
    const r = shortSwing(filings, { additionalCodes: ['M', 'F', 'A'] });
    const g = r.groups.find((x) => x.owner.cik === '1546251');
    assert.ok(g, 'Rizzuti / Erickson');
    // M: 3,243 shares acquired at $0.00; F: 1,247 shares withheld at $17.70; 1,247 x 17.70 = 22,071.90.
    assert.deepEqual(
      g.pairs.map((p) => [p.shares, p.purchase.price, p.sale.price, p.profit]),
      [['1247', '0.00', '17.70', '22071.9']],
    );
  });
});
