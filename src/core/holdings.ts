/**
 * Holdings: which rows of a filing are about the same holding (security, ownership form, nature of ownership) and
 * how a holding is named in messages. The running tally, the derived figures, the summary, the cross-filing check
 * and the timeline all group rows with these keys, so they agree on what one holding is.
 *
 * A holding is keyed by table, normalized security title, ownership form (D/I) and the footnotes cited on it, nature
 * of ownership AND the footnotes cited in it (indirect holders often share "See footnote" and differ only in the
 * footnote; an "I" footnoted "IRA" is another account than a plain "I"); in Table II also by exercise price and
 * expiration date, and by the footnotes that describe the grant.
 */
import type { Filing, Row } from './model';
import { canonical } from './decimal';
import { val } from './fields';
import { fmtPrice } from './format';
import { memoizeShort } from './strings';

/** Normalized title for grouping: case, punctuation and white space ignored. */
export function normTitle(s: string | null | undefined): string {
  // Only the head of a title keys a holding: a hostile 5 MB title would otherwise be re-normalized on every key
  // (fuzz fixture huge-security-title); real titles are a few dozen characters.
  return normTitleHead((s ?? '').slice(0, 1000));
}

const normTitleHead = memoizeShort((s) =>
  s
    .toLowerCase()
    .replace(/&amp;/g, '&')
    .replace(/[^a-z0-9$%.]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);

function normNature(s: string | null): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Parts of the holding key common to the in-filing and the cross-filing key. */
export function baseKey(row: Row): string[] {
  const parts = [
    row.table,
    normTitle(val(row.securityTitle)),
    (val(row.directOrIndirectOwnership) ?? '').toUpperCase(),
    normNature(val(row.natureOfOwnership)),
  ];
  if (row.table === 'derivative')
    parts.push(canonical(val(row.conversionOrExercisePrice)), val(row.expirationDate) ?? '');
  return parts;
}

/** The footnotes that say whose holding a row is: those cited on the ownership form (D/I) and on the nature of ownership. */
export function ownershipFootnotes(row: Row): string[] {
  return [...row.directOrIndirectOwnership.footnotes, ...row.natureOfOwnership.footnotes].map((f) => f.id);
}

/**
 * Key of a holding within one filing: the footnote ids of the ownership form and of the nature of ownership are
 * part of it, and in Table II the footnotes that describe the grant (on its title, exercise price, exercise and
 * expiration dates): RSU grants of the same title and terms are told apart only by them.
 */
export function holdingKey(row: Row): string {
  const di = row.directOrIndirectOwnership.footnotes.map((f) => f.id).sort();
  const ids = row.natureOfOwnership.footnotes.map((f) => f.id).sort();
  return [...baseKey(row), di.join(','), ids.join(','), lotKey(row)].join('\u0001');
}

/**
 * A holding's key without the footnotes on its ownership form and nature: rows that differ only there may still be
 * one holding (a row that leaves out the footnote its neighbours cite), which the running tally decides.
 */
export function describedKey(row: Row): string {
  return [...baseKey(row), lotKey(row)].join('\u0001');
}

/** Table II: the footnotes that describe the grant (on its title, exercise price and dates); '' in Table I. */
function lotKey(row: Row): string {
  if (row.table !== 'derivative') return '';
  const lot = [row.securityTitle, row.conversionOrExercisePrice, row.exerciseDate, row.expirationDate].flatMap((f) =>
    f.footnotes.map((r) => r.id),
  );
  return [...new Set(lot)].sort().join(',');
}

/** Rows grouped by `holdingKey`, holdings in the order they first appear, rows in their own order. */
export function groupByHolding(rows: Iterable<Row>): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = holdingKey(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A filing's transaction rows, Table I then Table II (holdings rows left out). */
export function transactionRows(filing: Filing): Row[] {
  return [...filing.nonDerivative, ...filing.derivative].filter((r) => r.kind === 'transaction');
}

/**
 * "Common Stock, direct" / "Stock Option (right to buy) at $12.50 expiring 2034-01-01, indirect (By Trust F1)";
 * footnotes on the ownership form follow it ("Common Stock, indirect F3 (By IRA)").
 */
export function holdingLabel(row: Row): string {
  let s = val(row.securityTitle) ?? 'untitled security';
  if (row.table === 'derivative') {
    const p = val(row.conversionOrExercisePrice);
    const e = val(row.expirationDate);
    if (p !== null) s += ` at ${fmtPrice(p)}`;
    if (e !== null) s += ` expiring ${e}`;
  }
  const di = (val(row.directOrIndirectOwnership) ?? '').toUpperCase();
  const diIds = row.directOrIndirectOwnership.footnotes.map((f) => f.id);
  const diNote = diIds.length ? ` ${diIds.join(',')}` : '';
  if (di === 'D') s += `, direct${diNote}`;
  else if (di === 'I') {
    const n = val(row.natureOfOwnership);
    const ids = row.natureOfOwnership.footnotes.map((f) => f.id);
    s += `, indirect${diNote}${n ? ` (${n}${ids.length ? ' ' + ids.join(',') : ''})` : ids.length ? ` (${ids.join(',')})` : ''}`;
  }
  return s;
}
