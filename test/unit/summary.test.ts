/**
 * The plain-language summary: exact sentences for one hand-written filing of each kind (test/fixtures/summary),
 * owner names in reading order only when a signature confirms them, and nothing invented. (The OCR seed and the
 * corpus: test/corpus/text-seed.test.ts and summary-corpus.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Filing } from '../../src/core/model';
import { emptyFiling, emptyOwner } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { ownerName, summarize } from '../../src/core/summary';
import { REPO_ROOT } from '../helpers/shared';

const FIX = path.join(__dirname, '..', 'fixtures', 'summary');

function load(file: string): Filing {
  const full = path.isAbsolute(file) ? file : path.join(FIX, file);
  const out = parseText(fs.readFileSync(full, 'utf8'), full);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

/** A fixture of test/fixtures/summary with `edit` applied to its text. */
function loadEdited(file: string, edit: (s: string) => string): Filing {
  const out = parseText(edit(fs.readFileSync(path.join(FIX, file), 'utf8')), `edited-${file}`);
  assert.ok(out.ok, out.ok ? '' : out.reason);
  return out.filing;
}

describe('summary: plain-language sentences', () => {
  it('F: same-day withholdings totalled, purpose from the footnote, name confirmed by the signature', () => {
    assert.deepEqual(summarize(load('f-withholding.xml')), [
      'Chidi A. Okonkwo (Chief Technology Officer) had 1,500 shares of Common Stock withheld at $10.05 ($15,075.00 in total) to pay taxes on vesting (code F) on Feb 15, 2024, and holds 48,500 shares directly afterwards.',
    ]);
  });

  it('S: weighted average with the footnoted range and the 10b5-1 plan with its adoption date', () => {
    assert.deepEqual(summarize(load('s-weighted-average.xml')), [
      'Ana Rivera (Director) sold 5,000 shares of Common Stock at a weighted average of $41.88 (trades from $40.03 to $42.75), for $209,400.00 in total (open market or private sale under a Rule 10b5-1 trading plan adopted Nov 15, 2023, code S) on Mar 4, 2024, and holds 20,000 shares directly afterwards.',
    ]);
  });

  it('a range the footnote writes high to low is said low to high', () => {
    const f = loadEdited('s-weighted-average.xml', (s) => s.replace('from $40.03 to $42.75', 'from $42.75 to $40.03'));
    assert.match(summarize(f)[0], /at a weighted average of \$41\.88 \(trades from \$40\.03 to \$42\.75\)/);
  });

  it('a footnote saying a sale was NOT under a 10b5-1 plan does not make it one', () => {
    const text = fs
      .readFileSync(path.join(FIX, 's-weighted-average.xml'), 'utf8')
      .replace(
        'were effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on November 15, 2023',
        'were not made pursuant to a Rule 10b5-1 trading plan',
      )
      .replace('<aff10b5One>1</aff10b5One>', '<aff10b5One>0</aff10b5One>');
    const out = parseText(text, 'not-a-plan.xml');
    assert.ok(out.ok);
    assert.deepEqual(summarize(out.filing), [
      'Ana Rivera (Director) sold 5,000 shares of Common Stock at a weighted average of $41.88 (trades from $40.03 to $42.75), for $209,400.00 in total (open market or private sale, code S) on Mar 4, 2024, and holds 20,000 shares directly afterwards.',
    ]);
  });

  it('M + S the same day: the exercise paired with its Table II row, "sold them"; EDGAR name kept when no signature confirms it', () => {
    assert.deepEqual(summarize(load('m-s-same-day.xml')), [
      'Chen Wei (President) exercised options for 10,000 shares of Common Stock at $1.60 ($16,000.00) (code M) and sold them the same day at a weighted average of $25.1234 (trades from $24.90 to $25.40), for $251,234.00 in total (open market or private sale, code S) on Jun 3, 2024, and holds 25,000 shares directly afterwards. Afterwards Chen Wei holds 15,000 Stock Option (right to buy) (exercise price $1.60, expiring Jun 3, 2028) directly.',
    ]);
  });

  it('M + two sales at different prices: lots listed with their exact total, none averaged', () => {
    assert.deepEqual(summarize(load(path.join(REPO_ROOT, 'examples', 'holdings-mismatch-form4.xml'))), [
      'Adaeze N. Okafor (Chief Financial Officer) exercised options for 10,000 shares of Common Stock at $12.50 ($125,000.00) (code M) and sold 12,000 shares of Common Stock in 2 lots, 10,000 at a weighted average of $31.2046 (trades from $30.95 to $31.42) and 2,000 at $31.61, for $375,266.00 in total (open market or private sale, code S) on May 14, 2024, and holds 47,000 shares directly afterwards, as the filing states, though 50,000 before less 2,000 disposed would leave 48,000. Afterwards Adaeze N. Okafor holds 30,000 Stock Option (right to buy) (exercise price $12.50, expiring Feb 15, 2031) directly.',
    ]);
  });

  it("an amount held afterwards that the running tally does not reach is the filing's statement, with the arithmetic beside it", () => {
    const edited = (edit: (s: string) => string) => loadEdited('f-withholding.xml', edit);
    const disposed = summarize(edited((s) => s.replace('<value>48500</value>', '<value>48400</value>')))[0];
    assert.ok(
      disposed.endsWith(
        'and holds 48,400 shares directly afterwards, as the filing states, though 48,800 before less 300 disposed would leave 48,500.',
      ),
      disposed,
    );
    const acquired = summarize(
      edited((s) =>
        s
          .replace(/<transactionAcquiredDisposedCode><value>D</g, '<transactionAcquiredDisposedCode><value>A<')
          .replace('<value>48800</value>', '<value>51200</value>')
          .replace('<value>48500</value>', '<value>51400</value>'),
      ),
    )[0];
    assert.ok(
      acquired.includes(', as the filing states, though 51,200 before plus 300 acquired would make 51,500.'),
      acquired,
    );
    // A tally that adds up says nothing of it.
    assert.ok(!summarize(load('f-withholding.xml'))[0].includes('as the filing states'));
  });

  it('G: a gift from a trust, the holder named by the nature of ownership', () => {
    assert.deepEqual(summarize(load('g-gift.xml')), [
      'Paul Surace (Director) gave 2,000 shares of Common Stock as a gift (bona fide gift, code G) on Dec 20, 2024, and holds 48,000 shares afterwards, held indirectly by the Surace/Rogers Family Trust.',
    ]);
  });

  it('A: grants of shares and of options (exercise price and expiration), several roles', () => {
    assert.deepEqual(summarize(load('a-grant.xml')), [
      'Emi K. Nakamura (Director and Chief Executive Officer) was granted 3,000 shares of Common Stock at $0 (grant or award, code A) on Mar 1, 2024, and holds 53,000 shares directly afterwards.',
      'Emi K. Nakamura was granted 50,000 Stock Option (right to buy) (exercise price $12.50, expiring Mar 1, 2034) at $0 (grant or award, code A) on Mar 1, 2024, and holds 50,000 Stock Option (right to buy) directly afterwards.',
    ]);
  });

  it('roles: a title that holds an "and" is kept whole, the roles set apart by semicolons', () => {
    const f = loadEdited('a-grant.xml', (s) =>
      s.replace(
        '<officerTitle>Chief Executive Officer</officerTitle>',
        '<officerTitle>CEO and Board Chair</officerTitle>',
      ),
    );
    assert.ok(summarize(f)[0].startsWith('Emi K. Nakamura (Director; CEO and Board Chair) was granted'));
  });

  it('a derivative titled as its own unit ("Common Share Equivalent") is not "shares of" it', () => {
    const f = loadEdited('a-grant.xml', (s) =>
      s.replace('<value>Stock Option (right to buy)</value>', '<value>Common Share Equivalent</value>'),
    );
    assert.match(summarize(f)[1], /^Emi K\. Nakamura was granted 50,000 Common Share Equivalent \(/);
  });

  it('roles: an officer title that repeats a role already named is said once', () => {
    const f = loadEdited('a-grant.xml', (s) =>
      s.replace('<officerTitle>Chief Executive Officer</officerTitle>', '<officerTitle>director</officerTitle>'),
    );
    assert.ok(summarize(f)[0].startsWith('Emi K. Nakamura (Director) was granted'), summarize(f)[0]);
  });

  it('J: the explanation quoted from its footnote; the missing price said to be missing', () => {
    assert.deepEqual(summarize(load('j-footnote.xml')), [
      'Laura Acheson (10% owner) acquired 1,250 shares of Common Stock (price not given; other acquisition or disposition, explained in footnote F1: "Shares received in a pro rata distribution by Acme Ventures II, L.P. to its partners, for no consideration", code J) on Jul 10, 2024, and holds 91,250 shares directly afterwards.',
    ]);
  });

  it("J: a transfer as two rows, the giving row explained by the receiving row's footnote; no footnote that explains", () => {
    const [giving] = summarize(load('../rules/code-j-footnote/transfer-other-side-ok.xml'));
    assert.match(
      giving,
      /^Jane Doe \(Chief Financial Officer\) disposed of 5,000 shares of Common Stock at \$0 \(other acquisition or disposition, explained in footnote F2 of Table I row 2: "These shares were transferred to Ridge Investments LLC by the previous holder of record, Harbor Holdings Ltd, without any consideration", code J\)/,
    );
    const [alone] = summarize(load('../rules/code-j-footnote/other-side-undescribed-wrong.xml'));
    assert.match(alone, /\(other acquisition or disposition, its footnotes not saying what it was, code J\)/);
  });

  it('holdings only: direct and indirect holdings, no "also"', () => {
    assert.deepEqual(summarize(load('holdings-only.xml')), [
      'Marc Baptiste (Director) holds 10,000 shares of Common Stock directly and 2,500 shares of Common Stock held indirectly by spouse.',
    ]);
  });

  it('a deemed execution date only where it differs from the transaction date; an RSU award counted in units', () => {
    assert.deepEqual(summarize(load('deemed-dates-rsu.xml')), [
      'Emi K. Nakamura (Director and Chief Executive Officer) was granted 3,000 shares of Common Stock at $0 (grant or award, code A) on Mar 1, 2024, and holds 53,000 shares directly afterwards.',
      'Emi K. Nakamura was granted 50,000 RSU Award (conversion or exercise price $12.50, expiring Mar 1, 2034) at $0 (grant or award, code A) on Mar 1, 2024 (deemed executed Mar 4, 2024), and holds 50,000 RSU Award directly afterwards.',
    ]);
  });

  it('M on restricted stock units: the price is the form\'s "conversion or exercise price", units are not exercised', () => {
    // The second code A (the RSU grant) made an M (its settlement).
    const f = loadEdited('deemed-dates-rsu.xml', (text) => {
      const at = text.lastIndexOf('<transactionCode>A</transactionCode>');
      return text.slice(0, at) + '<transactionCode>M</transactionCode>' + text.slice(at + 36);
    });
    const said = summarize(f).join(' ');
    assert.ok(said.includes('RSU Award (conversion or exercise price $12.50'), said);
    assert.ok(!said.includes('(exercise price'), said);
  });

  it('several owners: one lead sentence, plural verbs, the holding attributed only as the footnote does', () => {
    assert.deepEqual(summarize(load('several-owners.xml')), [
      'Filed jointly by Kestrel Growth Fund, L.P. (10% owner) and Kestrel Partners LLC (10% owner).',
      'The reporting persons sold 100,000 shares of Common Stock at $7.25 ($725,000.00) (open market or private sale, code S) on Aug 20, 2024, and afterwards 2,400,000 shares are held indirectly by Kestrel Growth Fund, L.P. (footnote F1).',
    ]);
  });

  it('a grant to a joint filing: "The reporting persons were granted"', () => {
    assert.equal(
      summarize(load('joint-grant.xml'))[1],
      'The reporting persons were granted 20,000 shares of Common Stock at $0 (grant or award, code A) on Aug 20, 2024, and afterwards 2,420,000 shares are held indirectly by Kestrel Growth Fund, L.P. (footnote F1).',
    );
  });

  it('joint conversion: each security named with its amount, tied to the Table I row it adds up to, holders as the footnotes say', () => {
    assert.deepEqual(summarize(load('joint-conversion.xml')), [
      'Filed jointly by Osprey Ventures LP (10% owner), Osprey Ventures II LP (10% owner) and Ingrid Halvorsen (10% owner).',
      'The reporting persons converted 1,000,000 shares of Series A Preferred Stock and 400,000 shares of Series B Preferred Stock into 700,000 shares of Common Stock (code C) on Mar 12, 2024, and afterwards 700,000 shares are held directly by Osprey Ventures LP (footnote F2). Afterwards the filing reports 0 shares of Series A Preferred Stock (conversion price in footnote F1) held directly by Osprey Ventures LP (footnote F2) and 0 shares of Series B Preferred Stock (conversion price in footnote F1) held directly by Osprey Ventures LP (footnote F2).',
      'The reporting persons converted 300,000 shares of Series C Preferred Stock into 150,000 shares of Common Stock (code C) and bought 50,000 shares of Common Stock at $16.00 ($800,000.00) (open market or private purchase, code P) on Mar 12, 2024, and afterwards 200,000 shares are held indirectly by Osprey Ventures II LP (footnote F3). Afterwards the filing reports 0 shares of Series C Preferred Stock (conversion price in footnote F1) held indirectly by Osprey Ventures II LP (footnote F3).',
    ]);
  });

  it('joint conversion whose amounts do not add up: nothing tied, every row said on its own', () => {
    const text = fs
      .readFileSync(path.join(FIX, 'joint-conversion.xml'), 'utf8')
      .replaceAll('<value>700000</value>', '<value>700001</value>');
    const out = parseText(text, 'not-adding-up.xml');
    assert.ok(out.ok);
    const s = summarize(out.filing).join('\n');
    assert.match(s, /acquired 700,001 shares of Common Stock by converting a derivative security/);
    assert.match(s, /converted 1,000,000 shares of Series A Preferred Stock \(conversion price in footnote F1\)/);
    assert.match(s, /converted 400,000 shares of Series B Preferred Stock \(conversion price in footnote F1\)/);
    assert.match(s, /converted 300,000 shares of Series C Preferred Stock into 150,000 shares of Common Stock/);
    assert.doesNotMatch(s, /into 700,001/);
  });

  it('a joint filing without footnotes names no holder: the group holds, not each of them', () => {
    const text = fs
      .readFileSync(path.join(FIX, 'joint-conversion.xml'), 'utf8')
      .replace(
        /<directOrIndirectOwnership><value>D<\/value><footnoteId id="F2"\/>/g,
        '<directOrIndirectOwnership><value>D</value>',
      );
    const out = parseText(text, 'no-footnote.xml');
    assert.ok(out.ok);
    assert.match(
      summarize(out.filing)[1],
      /afterwards 700,000 shares are held directly by one or more of the reporting persons\./,
    );
  });

  it("Form 3: holdings as of the event date, Table II's by the securities they are on; and a Form 3 with no securities owned", () => {
    // Form 3's Table II has no amount-owned column: the option's amount is its underlying 60,000 shares.
    assert.deepEqual(summarize(load('form3.xml')), [
      'Samir J. Haddad (Chief Financial Officer) holds 4,200 shares of Common Stock directly and Stock Option (right to buy) on 60,000 shares of Common Stock (exercise price $22.40, expiring May 6, 2034) directly as of May 6, 2024 (initial statement).',
    ]);
    assert.deepEqual(summarize(load('form3-none.xml')), [
      'Petra Lindgren (Director) owns no securities of Larkspur Devices, Inc. [LRKD] as of May 6, 2024 (initial statement).',
    ]);
  });

  it('Form 3: a row that says no securities are owned, with 0, is no holding: the person owns none', () => {
    const f = loadEdited('form3.xml', (s) =>
      s
        .replace(
          '<value>Common Stock</value></securityTitle>',
          '<value>No securities are beneficially owned.</value></securityTitle>',
        )
        .replace(
          '<sharesOwnedFollowingTransaction><value>4200</value>',
          '<sharesOwnedFollowingTransaction><value>0</value>',
        )
        .replace(/<derivativeTable>[\s\S]*<\/derivativeTable>/, ''),
    );
    assert.deepEqual(summarize(f), [
      'Samir J. Haddad (Chief Financial Officer) owns no securities of Larkspur Devices, Inc. [LRKD] as of May 6, 2024 (initial statement).',
    ]);
    // 100 shares under such a title are 100 of something: listed as written.
    const g = loadEdited('form3.xml', (s) =>
      s.replace('<value>Common Stock</value></securityTitle>', '<value>None</value></securityTitle>'),
    );
    assert.match(summarize(g)[0], /holds 4,200 shares of None directly/);
  });

  it('a ticker written "NONE" is no ticker; spaces a filer doubled are one', () => {
    const f = loadEdited('form3-none.xml', (s) =>
      s.replace('<issuerTradingSymbol>LRKD<', '<issuerTradingSymbol>NONE<'),
    );
    assert.deepEqual(summarize(f), [
      'Petra Lindgren (Director) owns no securities of Larkspur Devices, Inc. as of May 6, 2024 (initial statement).',
    ]);
    const g = loadEdited('form3.xml', (s) =>
      s.replace('<value>Common Stock</value></securityTitle>', '<value>Class B  Common Stock</value></securityTitle>'),
    );
    assert.match(summarize(g)[0], /holds 4,200 shares of Class B Common Stock directly/);
  });

  it("a preferred stock's price is a conversion price; an amount's trailing zeros are not read out", () => {
    const text = fs
      .readFileSync(path.join(FIX, 'form3.xml'), 'utf8')
      .replace('<value>Stock Option (right to buy)</value>', '<value>Series A Preferred Stock</value>')
      .replace('<underlyingSecurityShares><value>60000</value>', '<underlyingSecurityShares><value>60000.00</value>');
    const out = parseText(text, 'preferred.xml');
    assert.ok(out.ok);
    assert.match(
      summarize(out.filing)[0],
      /and Series A Preferred Stock on 60,000 shares of Common Stock \(conversion price \$22\.40, expiring May 6, 2034\) directly/,
    );
  });

  it('amendment: says which filing it amends, then the same sentences', () => {
    const s = summarize(load('amendment.xml'));
    assert.equal(s[0], 'This is an amendment of the filing of Mar 5, 2024.');
    assert.deepEqual(s.slice(1), summarize(load('s-weighted-average.xml')));
  });

  it('values left out are said to be missing, never guessed', () => {
    assert.deepEqual(summarize(load('missing-values.xml')), [
      'Luca Ferrante (General Counsel) sold 800 shares of Common Stock (price not given; open market or private sale, code S) on Sep 9, 2024, and the amount held afterwards (directly) is not given.',
    ]);
  });

  it('never throws, even on an empty filing', () => {
    assert.deepEqual(summarize(emptyFiling('x.xml', 'xml', '')), [
      'The reporting person (not named) reports no transactions or holdings in the issuer.',
    ]);
  });
});

describe('summary: owner names', () => {
  function withOwner(name: string, signatures: string[], uncertain = false): Filing {
    const f = emptyFiling('x.xml', 'xml', '');
    const o = emptyOwner();
    o.name = {
      raw: name,
      value: name,
      present: true,
      footnotes: [],
      span: null,
      ...(uncertain ? { uncertain: true } : {}),
    };
    f.reportingOwners.push(o);
    for (const s of signatures)
      f.signatures.push({
        name: { raw: s, value: s, present: true, footnotes: [], span: null },
        date: { raw: null, value: null, present: false, footnotes: [], span: null },
        span: null,
      });
    return f;
  }
  const name = (n: string, sigs: string[], uncertain = false) => {
    const f = withOwner(n, sigs, uncertain);
    return ownerName(f, f.reportingOwners[0]);
  };

  it('reading order when the signature confirms surname, first name and middle initial (its spelling wins)', () => {
    assert.equal(name('Benton Todd E', ['/s/ Todd E. Benton']), 'Todd E. Benton');
    assert.equal(
      name('Okafor Adaeze N.', ['/s/ Daniel R. Whitcomb, Attorney-in-Fact for Adaeze N. Okafor']),
      'Adaeze N. Okafor',
    );
    assert.equal(name('Smith John A Jr', ['/s/ John A. Smith, Jr.']), 'John A. Smith Jr');
    assert.equal(name('Doe Jane', ['/s/ Jane Doe']), 'Jane Doe');
  });

  it("a signature without the middle name still confirms the order; EDGAR's tokens are used", () => {
    assert.equal(name('Benton Todd E', ['/s/ Todd Benton']), 'Todd E Benton');
  });

  it('kept as EDGAR has it when nothing confirms: other signer, different middle initial, entity, one word', () => {
    assert.equal(name('Chen Wei', ['/s/ Jordan P. Lee, Attorney-in-Fact']), 'Chen Wei');
    assert.equal(name('Benton Todd E', ['/s/ Todd X. Benton']), 'Benton Todd E');
    assert.equal(name('Benton Todd E', []), 'Benton Todd E');
    assert.equal(
      name('Harborview Capital Partners IV, L.P.', ['/s/ Partners Harborview']),
      'Harborview Capital Partners IV, L.P.',
    );
    assert.equal(name('Madonna', ['/s/ Madonna']), 'Madonna');
  });

  it("a name in capitals or out of order takes the signature's form: plain, /s/ and attorney-in-fact signatures", () => {
    assert.equal(name('Musk Elon', ['By: Aaron Beckman by Power of Attorney For: Elon Musk']), 'Elon Musk');
    assert.equal(name('Musk Elon R', ['By: Aaron Beckman, Power of Attorney For: Elon R. Musk']), 'Elon R. Musk');
    assert.equal(name('THIEL PETER', ['/s/ Peter Thiel']), 'Peter Thiel');
    assert.equal(name('THIEL PETER', ['/s/ Michael Johnson, attorney-in-fact for Peter Thiel']), 'Peter Thiel');
    assert.equal(name('HOFFMAN REID G', ['/s/ Kate DeHoff, Attorney-in-Fact for Reid G. Hoffman']), 'Reid G. Hoffman');
    // words the signature leaves out are put in its case; the signer of an attorney-in-fact signature is not the owner
    assert.equal(name('THIEL PETER ANDREAS', ['/s/ Peter Thiel']), 'Peter Andreas Thiel');
    assert.equal(name('SMITH JOHN A JR', ['/s/ John A. Smith']), 'John A. Smith Jr');
    assert.equal(name('BECKMAN AARON', ['By: Aaron Beckman by Power of Attorney For: Elon Musk']), 'Aaron Beckman');
    assert.equal(name('MUSK ELON', ['By: Kristin Johnston, Attorney-in-fact For: the Reporting Person']), 'MUSK ELON');
  });

  it("an OCR-read name (uncertain) takes the signature's middle initial", () => {
    assert.equal(name('Benton Todd I', ['/s/ Todd E. Benton'], true), 'Todd E. Benton');
    assert.equal(name('Benton Todd I', ['/s/ Todd E. Benton'], false), 'Benton Todd I');
  });
});
