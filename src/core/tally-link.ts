/**
 * One link of the running tally (./tally): a transaction row as the tally reads it, and whether its amount owned
 * follows from the amount owned before it, exactly, within the filer's rounding, as a lot of its own, as a repeated
 * year-end amount, or not at all. Exact decimals, with whole amounts in doubles where that gives the same answer.
 */
import type Big from 'big.js';
import type { Row } from './model';
import { dec, scaleOf, unit } from './decimal';
import { code, val } from './fields';

export interface TallyItem {
  row: Row;
  date: string;
  shares: Big;
  sharesText: string;
  owned: Big;
  ownedText: string;
  /** +1 acquired, -1 disposed. */
  sign: 1 | -1;
  /** The amount owned may state the fiscal year's end or include changes reported elsewhere (Form 5; form type 5). */
  deferred: boolean;
}

/**
 * - 'exact';
 * - 'rounding': a difference within the precision the filer used;
 * - 'lot': a Table II row that is its own grant;
 * - 'repeated': a deferred row stating the same amount as the deferred row before (a year-end amount repeated);
 * - 'mismatch'.
 */
export type LinkStatus = 'exact' | 'rounding' | 'lot' | 'repeated' | 'mismatch';

/** Whether a row's amount owned may state the fiscal year's end or changes reported elsewhere. */
function isDeferred(row: Row, form: string | null): boolean {
  return form === '5' || val(row.transactionFormType) === '5';
}

/** A row's tally item, or null when the row cannot be checked. `form`: the filing's form number. */
export function tallyItem(row: Row, form: string | null = null): TallyItem | null {
  if (row.kind !== 'transaction') return null;
  const date = val(row.transactionDate);
  const sharesText = val(row.transactionShares);
  const ownedText = val(row.sharesOwnedFollowingTransaction);
  const ad = code(row.transactionAcquiredDisposedCode);
  const shares = dec(sharesText);
  const owned = dec(ownedText);
  if (
    date === null ||
    shares === null ||
    owned === null ||
    sharesText === null ||
    ownedText === null ||
    (ad !== 'A' && ad !== 'D')
  )
    return null;
  return {
    row,
    date: date.slice(0, 10),
    shares,
    sharesText,
    owned,
    ownedText,
    sign: ad === 'A' ? 1 : -1,
    deferred: isDeferred(row, form),
  };
}

/** What `link` reads of the row it leads to (a TallyItem, or the cross-filing check's reduced copy of one). */
export type LinkTarget = Pick<TallyItem, 'shares' | 'sharesText' | 'owned' | 'ownedText' | 'sign'> & {
  row: { table: Row['table'] };
  deferred?: boolean;
};

/**
 * The link from a stated amount to the next row.
 * - 'rounding': the difference is below the precision the filer used, or exactly one unit of it when a
 *   fractional amount is involved (three rounded figures can be one unit apart).
 * - 'lot': a Table II row that is its own lot: an acquisition stating exactly the shares acquired, or a
 *   disposal from nothing to nothing (separate grants of the same terms, each reported with its own balance).
 * - 'repeated': `from` and `to` are both deferred and state the same amount.
 */
export function link(
  from: { owned: Big; ownedText: string; deferred?: boolean },
  to: LinkTarget,
): { expected: Big; status: LinkStatus; reversed: boolean } {
  return linkWhole(from, to) ?? linkDecimal(from, to);
}

/**
 * `link`'s status alone: whole amounts in doubles without building the expected figure, others in exact decimals
 * (a day's rows are linked pair by pair to find its first row, and most pairs are mismatches).
 */
export function linkStatus(from: { owned: Big; ownedText: string; deferred?: boolean }, to: LinkTarget): LinkStatus {
  return (wholeStatus(from, to) ?? linkDecimal(from, to)).status;
}

/** `link` in exact decimals, for any amounts (exported for the test that `linkWhole` agrees with it). */
export function linkDecimal(
  from: { owned: Big; ownedText: string; deferred?: boolean },
  to: LinkTarget,
): { expected: Big; status: LinkStatus; reversed: boolean } {
  const expected = to.sign > 0 ? from.owned.plus(to.shares) : from.owned.minus(to.shares);
  const diff = expected.minus(to.owned).abs();
  if (diff.eq(0)) return { expected, status: 'exact', reversed: false };
  const a = scaleOf(from.ownedText);
  const b = scaleOf(to.sharesText);
  const c = scaleOf(to.ownedText);
  const tol = unit(Math.min(a, b, c));
  if (diff.lt(tol) || (diff.eq(tol) && Math.max(a, b, c) > 0)) return { expected, status: 'rounding', reversed: false };
  if (to.row.table === 'derivative') {
    if (to.sign > 0 && to.owned.eq(to.shares)) return { expected, status: 'lot', reversed: false };
    if (to.sign < 0 && to.owned.eq(0) && from.owned.eq(0)) return { expected, status: 'lot', reversed: false };
  }
  if (from.deferred && to.deferred && from.owned.eq(to.owned)) return { expected, status: 'repeated', reversed: false };
  const other = to.sign > 0 ? from.owned.minus(to.shares) : from.owned.plus(to.shares);
  return { expected, status: 'mismatch', reversed: !to.shares.eq(0) && other.eq(to.owned) };
}

/** Up to 15 digits, no decimals: a whole number that a double holds exactly, as do sums of two of them. */
const WHOLE = /^[+-]?\d{1,15}$/;

/**
 * `link` for three whole amounts (most share counts), in doubles instead of big.js: the same statuses (no rounding
 * between whole numbers), at a fraction of the allocation. Null when an amount is not such a number.
 */
function linkWhole(
  from: { owned: Big; ownedText: string; deferred?: boolean },
  to: LinkTarget,
): ReturnType<typeof link> | null {
  const w = wholeStatus(from, to);
  if (!w) return null;
  return {
    expected: w.status === 'exact' ? to.owned : dec(String(w.expected))!,
    status: w.status,
    reversed: w.reversed,
  };
}

/** `linkWhole`'s status with its expected amount as a double (no big.js), or null when an amount is not whole. */
function wholeStatus(
  from: { ownedText: string; deferred?: boolean },
  to: LinkTarget,
): { expected: number; status: LinkStatus; reversed: boolean } | null {
  if (!WHOLE.test(from.ownedText) || !WHOLE.test(to.sharesText) || !WHOLE.test(to.ownedText)) return null;
  const start = Number(from.ownedText);
  const shares = Number(to.sharesText);
  const owned = Number(to.ownedText);
  const expected = to.sign > 0 ? start + shares : start - shares;
  if (expected === owned) return { expected, status: 'exact', reversed: false };
  if (to.row.table === 'derivative') {
    if (to.sign > 0 && owned === shares) return { expected, status: 'lot', reversed: false };
    if (to.sign < 0 && owned === 0 && start === 0) return { expected, status: 'lot', reversed: false };
  }
  if (from.deferred && to.deferred && start === owned) return { expected, status: 'repeated', reversed: false };
  const other = to.sign > 0 ? start - shares : start + shares;
  return { expected, status: 'mismatch', reversed: shares !== 0 && other === owned };
}
