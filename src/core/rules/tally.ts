/**
 * The running tally as rules (RULES.md item 15): the links of the tally (../tally) that do not add up, as errors,
 * and those off by rounding, as notes.
 */
import type Big from 'big.js';
import { fmtAmount } from '../format';
import { locOf, rel, rowLabel } from '../fields';
import { holdingLabel } from '../holdings';
import { type Link, type TallyItem, tallyFiling } from '../tally';
import { type Draft, type RuleDef, draft } from './types';

/** "12,000 owned before + 1,000 acquired = 13,000". */
function arithmetic(fromText: string, to: TallyItem, expected: Big): string {
  return `${fmtAmount(fromText)} owned before ${to.sign > 0 ? '+' : '-'} ${fmtAmount(to.sharesText)} ${to.sign > 0 ? 'acquired' : 'disposed'} = ${fmtAmount(expected)}`;
}

function linkDraft(l: Link, rounding: boolean): Draft {
  const to = l.to;
  const diff = l.expected.minus(to.owned).abs();
  const notes = [...to.row.sharesOwnedFollowingTransaction.footnotes, ...to.row.transactionShares.footnotes].map(
    (r) => r.id,
  );
  const explain = notes.length ? `; footnote ${[...new Set(notes)].join(', ')} on the amounts may explain it` : '';
  const msg =
    `${rowLabel(to.row)} (${holdingLabel(to.row)}): ${arithmetic(l.from.ownedText, to, l.expected)}, but the filing states ${fmtAmount(to.ownedText)}` +
    (rounding
      ? ` (a difference of ${fmtAmount(diff)}, within the precision the filer used: rounding)`
      : ` (off by ${fmtAmount(diff)}${explain})`);
  return draft(msg, locOf(to.row.sharesOwnedFollowingTransaction, to.row), [
    rel(
      `${rowLabel(l.from.row)} states ${fmtAmount(l.from.ownedText)} owned after its transaction on ${l.from.date}`,
      locOf(l.from.row.sharesOwnedFollowingTransaction, l.from.row),
    ),
  ]);
}

export const holdingsReconcile: RuleDef = {
  id: 'holdings-reconcile',
  severity: 'error',
  title: 'Running tally of amounts owned',
  description:
    'Within a filing, amount owned after each transaction = amount after the previous transaction of the same holding +/- the shares acquired/disposed (exact decimals). Holding = title, D/I, nature of ownership and its footnotes; in Table II also exercise price, expiration and the grant footnotes. Date order; rows of one date in any order that reconciles; a Table II row stating exactly its own lot is a separate grant; holdings and footnote-only amounts break the chain.',
  source: 'FAQ 15',
  check({ filing }) {
    const out: Draft[] = [];
    for (const g of tallyFiling(filing))
      for (const l of g.links) if (l.status === 'mismatch') out.push(linkDraft(l, false));
    return out;
  },
};

export const holdingsReconcileRounding: RuleDef = {
  id: 'holdings-reconcile-rounding',
  severity: 'info',
  title: 'Running tally off by rounding',
  description: 'The running tally differs by less than the precision the filer used (fractional shares rounded).',
  source: 'FAQ 15',
  check({ filing }) {
    const out: Draft[] = [];
    for (const g of tallyFiling(filing))
      for (const l of g.links) if (l.status === 'rounding') out.push(linkDraft(l, true));
    return out;
  },
};

export const TALLY_RULES: RuleDef[] = [holdingsReconcile, holdingsReconcileRounding];
