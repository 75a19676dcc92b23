/**
 * The running tally as rules (docs/RULES.md, rules holdings-reconcile and holdings-reconcile-rounding): the links of
 * the tally (../tally) that do not add up, and those off by rounding.
 *
 * A link that does not add up is an error when the arithmetic shows which figure is wrong or the form leaves no
 * other reading; it is at most a warning when the filing itself explains the gap or the form allows another
 * reading of the amounts (a footnote on the amounts, a Form 5's year-end amounts, a row outside the chain, two
 * series of rows that each add up).
 */
import type Big from 'big.js';
import type { Filing, RelatedInfo } from '../model';
import { dec } from '../decimal';
import { fmtAmount } from '../format';
import { footnoteById, formNumber, locOf, rel, rowLabel, val } from '../fields';
import { holdingLabel } from '../holdings';
import { type Link, tallyFiling } from '../tally';
import { type Draft, type RuleDef, draft, q } from './types';

/** "12,000 owned before + 1,000 acquired = 13,000". */
function arithmetic(l: Link): string {
  const to = l.to;
  return `${fmtAmount(l.startText)} owned before ${to.sign > 0 ? '+' : '-'} ${fmtAmount(to.sharesText)} ${to.sign > 0 ? 'acquired' : 'disposed'} = ${fmtAmount(l.expected)}`;
}

function statedBefore(l: Link): RelatedInfo {
  return rel(
    `${rowLabel(l.from.row)} states ${fmtAmount(l.from.ownedText)} owned after its transaction on ${l.from.date}`,
    locOf(l.from.row.sharesOwnedFollowingTransaction, l.from.row),
  );
}

/** The footnotes cited on the amounts of the row a link leads to (its shares and its amount owned). */
function amountFootnotes(filing: Filing, l: Link) {
  const ids = [
    ...new Set(
      [...l.to.row.sharesOwnedFollowingTransaction.footnotes, ...l.to.row.transactionShares.footnotes].map((r) => r.id),
    ),
  ];
  return ids.map((id) => ({ id, fn: footnoteById(filing, id) }));
}

/**
 * Numbers of shares a footnote states ("Includes 37.5206 shares acquired on March 31, 2026, and 19.6415 shares
 * acquired on June 30, 2026"): a number followed by "shares" or "units" within two words. Text capped: footnotes
 * are bounded by the schema, but a hostile one need not be.
 */
function shareCounts(text: string): Big[] {
  const out: Big[] = [];
  const re =
    /(?<![\d$.,])(\d{1,3}(?:,\d{3})+|\d{1,15})(\.\d{1,8})?\s{1,3}(?:[A-Za-z-]{1,20}\s{1,3}){0,2}?(?:shares|units)\b/gi;
  for (const m of (text.length > 4000 ? text.slice(0, 4000) : text).matchAll(re)) {
    const n = dec(m[1].replace(/,/g, '') + (m[2] ?? ''));
    if (n && out.length < 50) out.push(n);
  }
  return out;
}

/** Whether the share counts a footnote states make up the gap exactly: one of them, or all together. */
function accountsFor(text: string, gap: Big): boolean {
  const counts = shareCounts(text);
  if (!counts.length || gap.eq(0)) return false;
  return counts.some((c) => c.eq(gap)) || counts.reduce((a, b) => a.plus(b)).eq(gap);
}

interface Explanation {
  text: string;
  related: RelatedInfo[];
  /** A footnote whose share counts make up the gap exactly: the filing accounts for it, nothing is left to doubt. */
  exact?: boolean;
}

/** Why a gap (`gap`: the amount owned is off by it) may be lawful, from the filing itself; none: the gap is an error. */
function explanations(filing: Filing, l: Link, gap: Big): Explanation[] {
  const out: Explanation[] = [];
  const next = l.next;
  if (l.outside && next)
    out.push({
      text: `${rowLabel(next.row)} follows from ${rowLabel(l.from.row)} without this row, so its ${fmtAmount(l.to.sharesText)} shares are not in the amounts of the rows around it: another holding described alike, or shares the amounts leave out`,
      related: [
        rel(
          `${rowLabel(next.row)} follows without this row`,
          locOf(next.row.sharesOwnedFollowingTransaction, next.row),
        ),
      ],
    });
  if (l.series)
    out.push({
      text: 'the rows before and the rows after each add up: a second holding described alike, or a change the filing does not report',
      related: [],
    });
  if (l.to.deferred || l.from.deferred)
    out.push({
      text:
        formNumber(filing) === '5'
          ? "on a Form 5 the amount owned is the amount at the end of the issuer's fiscal year, which includes changes reported on other forms"
          : 'a Form 5 transaction reported on a Form 4 may state the amount owned after changes reported on other forms',
      related: [],
    });
  for (const { id, fn } of amountFootnotes(filing, l)) {
    const text = fn ? val(fn.text) : null;
    const exact = text !== null && accountsFor(text, gap);
    out.push({
      text: exact
        ? `footnote ${id} on the amounts accounts for exactly these ${fmtAmount(gap)} shares: ${q(text, 160)}`
        : `footnote ${id} on the amounts says ${text !== null ? q(text, 160) : '(nothing: it is not defined)'}`,
      related: fn ? [rel(`Footnote ${id}`, locOf(fn.text, fn))] : [],
      exact,
    });
  }
  return out;
}

/**
 * An amount written with points grouping its thousands ("18.251" for 18,251, as much of Europe writes numbers): its
 * value read so. The form's amounts take no grouping marks, so the XML's "18.251" is eighteen shares and a fraction.
 */
function pointGrouped(text: string): Big | null {
  const t = text.trim();
  return /^\d{1,3}(?:\.\d{3})+$/.test(t) ? dec(t.replace(/\./g, '')) : null;
}

/**
 * The figure of a link that, read with its points grouping thousands, makes the link add up: the shares (the amount
 * owned then fits) or the amount owned. The one wrong value, so the finding stands on it.
 */
function pointGroupedFigure(l: Link): { shares: boolean; text: string; value: Big } | null {
  const to = l.to;
  const shares = pointGrouped(to.sharesText);
  if (shares && (to.sign > 0 ? l.start.plus(shares) : l.start.minus(shares)).eq(to.owned))
    return { shares: true, text: to.sharesText, value: shares };
  const owned = pointGrouped(to.ownedText);
  if (owned && owned.eq(l.expected)) return { shares: false, text: to.ownedText, value: owned };
  return null;
}

function mismatchDraft(filing: Filing, l: Link): Draft {
  const to = l.to;
  const diff = l.expected.minus(to.owned).abs();
  const head = `${rowLabel(to.row)} (${holdingLabel(to.row)}): ${arithmetic(l)}, but the filing states ${fmtAmount(to.ownedText)} (off by ${fmtAmount(diff)})`;
  const where = locOf(to.row.sharesOwnedFollowingTransaction, to.row);
  const related = [statedBefore(l)];
  const grouped = pointGroupedFigure(l);
  if (grouped) {
    const field = grouped.shares ? to.row.transactionShares : to.row.sharesOwnedFollowingTransaction;
    const [what, are] = grouped.shares ? ['shares', 'are'] : ['amount owned', 'is'];
    return draft(
      `${head}; the ${what} written "${grouped.text}" ${are} ${fmtAmount(grouped.value)} if the point groups thousands, and then the row adds up; the form's amounts take no grouping marks, so as filed the ${what} ${are} ${grouped.text}`,
      locOf(field, to.row),
      grouped.shares ? [...related, rel('Amount owned stated', where)] : related,
    );
  }
  if (l.misstated && l.next) {
    const n = l.next;
    return draft(
      `${head}; ${rowLabel(n.row)} follows from ${fmtAmount(l.expected)}, so it is this row's amount owned that does not fit: ${fmtAmount(l.expected)} would reconcile`,
      where,
      [
        ...related,
        rel(
          `${rowLabel(n.row)} follows from ${fmtAmount(l.expected)}`,
          locOf(n.row.sharesOwnedFollowingTransaction, n.row),
        ),
      ],
    );
  }
  if (l.reversed) {
    const rises = to.owned.gt(l.start);
    return draft(
      `${head}: the amount ${rises ? 'rises' : 'falls'} by exactly the ${fmtAmount(to.sharesText)} shares, as ${rises ? 'an acquisition' : 'a disposal'} would, though the row says ${to.sign > 0 ? 'acquired (A)' : 'disposed of (D)'}`,
      where,
      [...related, rel('Acquired/disposed flag', locOf(to.row.transactionAcquiredDisposedCode, to.row))],
    );
  }
  const why = explanations(filing, l, diff);
  if (!why.length) return draft(head, where, related);
  return {
    ...draft(`${head}; ${why.map((w) => w.text).join('; ')}`, where, [...related, ...why.flatMap((w) => w.related)]),
    // Accounted for to the share by a footnote alone: a note; otherwise a possible explanation: a warning.
    cap: why.length === 1 && why[0].exact ? 'info' : 'warning',
  };
}

function roundingDraft(l: Link, diff: Big): Draft {
  const to = l.to;
  return draft(
    `${rowLabel(to.row)} (${holdingLabel(to.row)}): ${arithmetic(l)}, but the filing states ${fmtAmount(to.ownedText)} (a difference of ${fmtAmount(diff)}, within the precision the filer used: rounding)`,
    locOf(to.row.sharesOwnedFollowingTransaction, to.row),
    [statedBefore(l)],
  );
}

export const holdingsReconcile: RuleDef = {
  id: 'holdings-reconcile',
  severity: 'error',
  title: 'Running tally of amounts owned',
  description:
    "Within a filing, amount owned after each transaction = amount after the previous transaction of the same holding +/- the shares acquired/disposed (exact decimals). Holding = title, D/I and nature of ownership with their footnotes; in Table II also exercise price, expiration and the grant footnotes; the amounts decide between holdings described alike. Date order; rows of one date in any order that reconciles. Holding rows are not in the tally; a transaction that cannot be checked restarts it. A gap the filing explains (a footnote on the amounts, a Form 5's year-end amounts) is a warning.",
  source: 'F4 15',
  check({ filing }) {
    const out: Draft[] = [];
    for (const g of tallyFiling(filing))
      for (const l of g.links) if (l.status === 'mismatch') out.push(mismatchDraft(filing, l));
    return out;
  },
};

export const holdingsReconcileRounding: RuleDef = {
  id: 'holdings-reconcile-rounding',
  severity: 'info',
  title: 'Running tally off by rounding',
  description: 'The running tally differs by less than the precision the filer used (fractional shares rounded).',
  source: 'F4 15',
  check({ filing }) {
    const out: Draft[] = [];
    for (const g of tallyFiling(filing))
      for (const l of g.links)
        if (l.status === 'rounding') out.push(roundingDraft(l, l.expected.minus(l.to.owned).abs()));
    return out;
  },
};

export const TALLY_RULES: RuleDef[] = [holdingsReconcile, holdingsReconcileRounding];
