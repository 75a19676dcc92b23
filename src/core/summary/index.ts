/**
 * A filing said plainly: one or two sentences per reporting owner and security, from the model alone, e.g.
 * "Todd E. Benton (Chief Operating Officer) had 7,402 shares of Common Stock withheld at $2.29 ($16,950.58) to pay
 * taxes on vesting (code F) on Apr 1, 2024, and holds 133,612 shares directly afterwards."
 * Used at the top of the preview, in the filing tree's tooltip and in `form4 inspect`.
 *
 * Rules of the text:
 * - Never invents. A value the filing leaves out is said to be missing ("price not given"); a value given only in a
 *   footnote is pointed to ("price in footnote F3"). Words beyond the code's meaning (why shares were withheld,
 *   weighted-average ranges, Rule 10b5-1 plans, who holds indirect shares) come only from the filing's footnotes
 *   and boxes, and only when their wording is unambiguous.
 * - Numbers as ../format shows them: amounts (less the zeros that end a fraction) and prices as written with
 *   thousands separators; a value is shares x price, computed exactly and shown in dollars and cents. No averages
 *   are computed across rows of different prices: several lots are listed (up to three) or given as a range with
 *   their total.
 * - Dates as "Apr 1, 2024".
 * - Same-day rows of one holding (security, ownership form, nature of ownership) and one code are totalled in one
 *   clause; the clauses of one holding and day make one sentence, ending with the amount held afterwards (after the
 *   last row in the order the running tally reconciles; where the tally does not reach the amount the filing states,
 *   the sentence says it is the filing's and gives the arithmetic: "as the filing states, though 50,000 before less
 *   2,000 disposed would leave 48,000"). An exercise of a derivative (Table II, M/X/O/C) is paired
 *   with the Table I acquisition of its underlying on the same day, and with same-day sales ("... and sold them").
 * - Owner names: EDGAR writes individuals "Last First Middle" ("Benton Todd E"). The name is put in reading order
 *   only when a signature of the filing confirms it: the signature's name ("/s/ Todd E. Benton", or the name after
 *   "Attorney-in-Fact for") must have the same surname and first name, and its middle names or initials must agree
 *   by initial (for a name read by OCR, flagged uncertain, the signature's middle initial wins, as the typed
 *   signature is the better reading). Then the signature's spelling is used. Otherwise, and always for names that
 *   look like entities ("Harborview Capital Partners IV, L.P."), the name stays exactly as EDGAR has it.
 * - Joint filings (several reporting owners) lead with one sentence naming them all; the rows are reported for all
 *   of them, so their sentences speak of "the reporting persons".
 */
import type { Filing, Row } from '../model';
import { dec } from '../decimal';
import { code, issuerSymbol, val } from '../fields';
import { fmtDate, fmtPrice } from '../format';
import { groupByHolding, holdingKey } from '../holdings';
import { tallyFiling } from '../tally';
import { clause, clauseText, countOf } from './clauses';
import { planPhrase } from './footnotes';
import { amountOf, derivDetails, ownershipPhrase, sharesText, unitsOf } from './holdings';
import { joinAnd, ownerName, ownerWithRole } from './owners';
import { dayOf, pairExercises } from './pairing';

export { ownerName };

/** The row of a holding's rows that the running tally ends with (else the last in document order). */
function lastOf(filing: Filing, rows: Row[]): Row {
  const g = tallyFiling(filing).find((x) => x.key === holdingKey(rows[0]));
  if (g && g.skipped.length === 0) {
    const set = new Set(rows);
    for (let i = g.ordered.length - 1; i >= 0; i--) if (set.has(g.ordered[i].row)) return g.ordered[i].row;
  }
  return rows[rows.length - 1];
}

/**
 * When the running tally does not add up into `row` (holdings-reconcile), what the filing's own figures say instead:
 * "though 50,000 before less 2,000 disposed would leave 48,000". The amount held afterwards is the filing's
 * statement, not a fact the summary may assert alone; the arithmetic beside it is exact and is the filing's too.
 */
function tallyNote(filing: Filing, row: Row): string | null {
  for (const g of tallyFiling(filing))
    for (const l of g.links) {
      if (l.to.row !== row || l.status !== 'mismatch') continue;
      const moved =
        l.to.sign > 0
          ? `plus ${sharesText(l.to.sharesText)} acquired would make`
          : `less ${sharesText(l.to.sharesText)} disposed would leave`;
      return `though ${sharesText(l.startText)} before ${moved} ${sharesText(l.expected.toFixed())}`;
    }
  return null;
}

/** What is held after a day's rows: "holds 133,612 shares directly afterwards"; in a joint filing, by whom as the filing says. */
function heldAfter(filing: Filing, row: Row, unitNoun: string, joint: boolean): string {
  const owned = val(row.sharesOwnedFollowingTransaction);
  const note = owned && dec(owned) ? tallyNote(filing, row) : null;
  const stated = note ? `, as the filing states, ${note}` : '';
  const form = ownershipPhrase(filing, row, joint);
  const direct = form === 'directly';
  const value = val(row.valueOwnedFollowingTransaction);
  if (joint) {
    if (owned && dec(owned))
      return `afterwards ${sharesText(owned)} ${unitNoun} ${dec(owned)!.eq(1) ? 'is' : 'are'} held ${form}${stated}`;
    if (value) return `afterwards ${unitNoun} worth ${fmtPrice(value)} are held ${form}`;
  } else {
    if (owned && dec(owned))
      return direct
        ? `holds ${sharesText(owned)} ${unitNoun} directly afterwards${stated}`
        : `holds ${sharesText(owned)} ${unitNoun} afterwards, held ${form}${stated}`;
    if (value)
      return `holds ${unitNoun} worth ${fmtPrice(value)} ${direct ? 'directly ' : ''}afterwards${direct ? '' : `, held ${form}`}`;
  }
  const fn = row.sharesOwnedFollowingTransaction.footnotes.map((r) => r.id);
  return `the amount held afterwards (${form}) is ${fn.length ? `in footnote ${fn.join(', ')}` : 'not given'}`;
}

/** A holding for a list: "4,200 shares of Common Stock directly"; in a joint filing "... held directly by X (footnote F2)". */
function heldNow(filing: Filing, row: Row, joint = false): string {
  const u = unitsOf(row);
  const owned = val(row.sharesOwnedFollowingTransaction);
  const form = ownershipPhrase(filing, row, joint);
  const what = `${u.title}${derivDetails(row)}`;
  const how = form === 'directly' ? 'directly' : `held ${form}`;
  if (owned && dec(owned)) {
    const note = row.kind === 'transaction' ? tallyNote(filing, row) : null;
    return `${sharesText(owned)} ${what} ${how}${note ? ` (as the filing states, ${note})` : ''}`;
  }
  const value = val(row.valueOwnedFollowingTransaction);
  if (value) return `${what} worth ${fmtPrice(value)} ${how}`;
  // Form 3's Table II has no column for the amount owned: a holding's amount is that of the underlying securities.
  if (row.table === 'derivative') {
    const underlying = val(row.underlyingSecurityShares);
    const title = val(row.underlyingSecurityTitle);
    if (underlying && dec(underlying)) {
      const of = title ? countOf(underlying, title) : `${sharesText(underlying)} underlying securities`;
      return `${val(row.securityTitle) ?? u.title} on ${of}${derivDetails(row)} ${how}`;
    }
  }
  const fn = row.sharesOwnedFollowingTransaction.footnotes.map((r) => r.id);
  return `${what} ${how} (amount ${fn.length ? `in footnote ${fn.join(', ')}` : 'not given'})`;
}

/**
 * A holding row whose title says no securities are owned ("No securities are beneficially owned", "None"), with no
 * amount or an amount of 0: how some filers fill a Form 3 of a person who owns none instead of its check box.
 */
function statesNoSecurities(row: Row): boolean {
  if (row.kind !== 'holding') return false;
  const title = val(row.securityTitle);
  if (title === null || !/^\s*(?:none\b|no (?:equity )?securities\b|nothing\b)/i.test(title)) return false;
  const owned = val(row.sharesOwnedFollowingTransaction);
  const amount = owned === null ? null : dec(owned);
  return owned === null || (amount !== null && amount.eq(0));
}

/** Plain-language sentences about the filing (see the module comment). Never throws. */
export function summarize(filing: Filing): string[] {
  try {
    // A name or holder ending in an abbreviation ("L.P.") closes its sentence with its own period.
    // Runs of spaces a filer typed inside a title or a name ("Class B  Common Stock") are one space in a sentence.
    return sentences(filing).map((x) => x.replace(/\.\.(?=\s|$)/g, '.').replace(/ {2,}/g, ' '));
  } catch (e) {
    return [`(No summary: ${e instanceof Error ? e.message : String(e)})`];
  }
}

function sentences(filing: Filing): string[] {
  const out: string[] = [];
  const owners = filing.reportingOwners;
  const type = (val(filing.documentType) ?? '').toUpperCase();
  const form3 = type.startsWith('3');
  let subject: string;
  let subjectFirst: string;
  if (owners.length === 0) {
    subject = subjectFirst = 'The reporting person (not named)';
  } else if (owners.length === 1) {
    subjectFirst = ownerWithRole(filing, owners[0]);
    subject = ownerName(filing, owners[0]);
  } else {
    // The rows of a joint filing are reported by the group: who holds each amount is said only where the filing
    // says it (ownershipPhrase).
    out.push(`Filed jointly by ${joinAnd(owners.map((o) => ownerWithRole(filing, o)))}.`);
    subject = subjectFirst = 'The reporting persons';
  }
  const issuer = val(filing.issuer.name);
  const symbol = issuerSymbol(filing);
  const issuerText = issuer ? `${issuer}${symbol ? ` [${symbol}]` : ''}` : 'the issuer';
  if (type.endsWith('/A')) {
    const d = val(filing.dateOfOriginalSubmission);
    out.push(`This is an amendment of the filing of ${d ? fmtDate(d) : 'a date not given'}.`);
  }
  let first = true;
  const who = () => {
    const s = first ? subjectFirst : subject;
    first = false;
    return s;
  };
  // A row that says there is nothing to report ("No securities are beneficially owned", 0 owned) is no holding.
  const all = [...filing.nonDerivative, ...filing.derivative].filter((r) => !statesNoSecurities(r));
  if (form3) {
    const period = val(filing.periodOfReport);
    if (filing.noSecuritiesOwned.value === true || all.length === 0)
      out.push(
        `${who()} ${owners.length > 1 ? 'own' : 'owns'} no securities of ${issuerText}${period ? ` as of ${fmtDate(period)}` : ''} (initial statement).`,
      );
  }

  const joint = owners.length > 1;
  const transactions = all.filter((r) => r.kind === 'transaction');
  // Table II exercises and conversions paired with the Table I acquisition they produced.
  const paired = pairExercises(filing);
  const consumed = new Set<Row>([...paired.values()].flat());

  // Holdings in first-appearance order; per holding, days in date order; per day, codes in first-appearance order.
  const byHolding = groupByHolding(transactions.filter((r) => !consumed.has(r)));
  const plan = filing.aff10b5One.value === true && !transactions.some((r) => planPhrase(filing, r));
  for (const rows of byHolding.values()) {
    const days = [...new Set(rows.map(dayOf))].sort();
    for (const day of days) {
      const dayRows = rows.filter((r) => dayOf(r) === day);
      const byCode = new Map<string, Row[]>();
      for (const r of dayRows) {
        const k = `${code(r.transactionCode) ?? ''}|${code(r.transactionAcquiredDisposedCode) ?? ''}`;
        const l = byCode.get(k) ?? [];
        l.push(r);
        byCode.set(k, l);
      }
      // An exercise group says only what its paired Table II rows add up to: paired and unpaired rows apart.
      const groups = [...byCode.values()].flatMap((g) => {
        const withPair = g.filter((r) => paired.has(r));
        return withPair.length && withPair.length < g.length ? [withPair, g.filter((r) => !paired.has(r))] : [g];
      });
      const parts: string[] = [];
      const date = day ? fmtDate(day) : 'a date not given';
      // A deemed execution date that is the transaction's own date adds nothing (filers repeat it).
      const deemed = [
        ...new Set(
          dayRows.map((r) => val(r.deemedExecutionDate)).filter((x): x is string => !!x && x.slice(0, 10) !== day),
        ),
      ];
      const dateText = `on ${date}${deemed.length ? ` (deemed executed ${joinAnd(deemed.map((d) => fmtDate(d)))})` : ''}`;
      const exercise = groups.find((g) => paired.has(g[0]));
      if (exercise) {
        const derivs = exercise.flatMap((r) => paired.get(r) ?? []);
        parts.push(clauseText(clause(filing, exercise, derivs)));
        const exercised = amountOf(exercise).total;
        for (const g of groups) {
          if (g === exercise) continue;
          const sold = amountOf(g).total;
          const them =
            code(g[0].transactionCode) === 'S' &&
            code(g[0].transactionAcquiredDisposedCode) === 'D' &&
            !!exercised &&
            !!sold &&
            sold.eq(exercised);
          parts.push(clauseText(clause(filing, g, null, them)));
        }
      } else {
        for (const g of groups) parts.push(clauseText(clause(filing, g, null)));
      }
      const last = lastOf(filing, dayRows);
      const u = unitsOf(last);
      let s = `${who()} ${joinAnd(parts)} ${dateText}, and ${heldAfter(filing, last, u.noun, joint)}.`;
      if (exercise) {
        const derivs = exercise.flatMap((r) => paired.get(r) ?? []);
        const after = derivs.map((d) => heldNow(filing, d, joint));
        if (after.length)
          s += joint
            ? ` Afterwards the filing reports ${joinAnd(after)}.`
            : ` Afterwards ${subject} holds ${joinAnd(after)}.`;
      }
      out.push(s);
    }
  }
  if (plan)
    out.push('The Rule 10b5-1 box is checked: at least one of these transactions was made under a trading plan.');

  // Holdings without transactions.
  const holdings = all.filter((r) => r.kind === 'holding');
  if (holdings.length) {
    const MAX_LISTED = 6;
    const items = holdings.slice(0, MAX_LISTED).map((r) => heldNow(filing, r, joint));
    if (holdings.length > MAX_LISTED) items.push(`${holdings.length - MAX_LISTED} more holdings listed in the tables`);
    const period = val(filing.periodOfReport);
    if (joint)
      out.push(
        `The filing ${transactions.length ? 'also ' : ''}reports ${joinAnd(items)}${period && form3 ? ` as of ${fmtDate(period)} (initial statement)` : ''}.`,
      );
    else if (form3)
      out.push(
        `${who()} ${owners.length > 1 ? 'hold' : 'holds'} ${joinAnd(items)}${period ? ` as of ${fmtDate(period)}` : ''} (initial statement).`,
      );
    else
      out.push(
        `${who()}${transactions.length ? ' also' : ''} ${owners.length > 1 ? 'hold' : 'holds'} ${joinAnd(items)}.`,
      );
  }
  if (filing.notSubjectToSection16.value === true)
    out.push(`${subject} ${owners.length > 1 ? 'are' : 'is'} no longer subject to Section 16.`);
  if (out.length === 0) out.push(`${who()} reports no transactions or holdings in ${issuerText}.`);
  return out;
}
