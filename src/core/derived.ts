/**
 * Figures derived from a filing's own numbers, for analysts: per row the value of the transaction and the signed
 * change of the amount owned; per holding (security and ownership form) the net change, what was acquired and
 * disposed of (and of that, bought and sold in code P/S transactions), average prices, the amount held before and
 * after, and the percentage change. Appended as the last key, `derived`, of the JSON model (`toJson`).
 *
 * Exactness: sums and products are exact decimals (big.js) printed in plain notation without separators
 * ("16950.58"); only quotients are rounded, and they say so: average prices to 4 decimal places and
 * percentages to 2, half-up. A figure whose inputs the filing leaves out (or that cannot be read as a number) is
 * null; it is never guessed. Sums over several rows skip rows whose figure is missing and count them
 * (`unpricedRows`), so a total is never silently presented as complete.
 *
 * Holdings use the running tally's key (table, normalized title, D/I, nature of ownership and its footnotes; Table II
 * also exercise price and expiration), so they group exactly as the holdings-reconcile rule does; before/after follow
 * the tally's reconciled order (same-day rows in the order that reconciles).
 */
import type Big from 'big.js';
import type { Filing, Row, TableName } from './model';
import { dec } from './decimal';
import { code, val } from './fields';
import { groupByHolding, holdingKey, transactionRows } from './holdings';
import { tallyFiling } from './tally';
import { tallyItem } from './tally-link';

export interface DerivedRow {
  /** Shares x price per share, exact; null when either is missing, for holdings, or when Table II gives only a total value. */
  value: string | null;
  /** Signed change of the amount owned: +shares for A, -shares for D; null for holdings or when shares or A/D are missing. */
  change: string | null;
}

export interface DerivedFlow {
  /** Shares (or units) over the rows counted. */
  shares: string;
  /** Sum of shares x price over the rows that have a price. */
  value: string;
  /** value / shares of the priced rows, rounded to 4 decimals; null when no row has a price or their shares are 0. */
  averagePrice: string | null;
  /** Rows counted. */
  rows: number;
  /** Rows counted in `shares` that have no readable price (their value is not in `value`). */
  unpricedRows: number;
}

export interface DerivedHolding {
  table: TableName;
  securityTitle: string | null;
  directOrIndirectOwnership: string | null;
  natureOfOwnership: string | null;
  /** Table II only (null in Table I). */
  conversionOrExercisePrice: string | null;
  expirationDate: string | null;
  /** 0-based indexes, in the holding's table, of its transaction rows (document order). */
  rows: number[];
  /** Sum of the rows' signed changes; null when some transaction row has no readable shares or A/D code. */
  netChange: string | null;
  acquired: DerivedFlow;
  disposed: DerivedFlow;
  /** Code P acquisitions (open market or private purchases). */
  bought: DerivedFlow;
  /** Code S dispositions (open market or private sales). */
  sold: DerivedFlow;
  /** Amount owned before the first transaction (its stated amount after, minus its change); null when not computable. */
  before: string | null;
  /** Amount owned after the last transaction (as stated in that row). */
  after: string | null;
  /** (after - before) / before x 100, rounded to 2 decimals; null when before is 0 or unknown. */
  percentChange: string | null;
}

export interface Derived {
  /** One entry per Table I row, index for index. */
  nonDerivative: DerivedRow[];
  /** One entry per Table II row, index for index. */
  derivative: DerivedRow[];
  /** One entry per holding with at least one transaction row, in order of first appearance. */
  holdings: DerivedHolding[];
}

/** Exact decimal text of a Big ("16950.58", "-7402"). */
export function plain(b: Big): string {
  return b.toFixed();
}

/** Shares x price of a transaction row, exact; null when not computable. */
export function rowValue(row: Row): Big | null {
  if (row.kind !== 'transaction') return null;
  const shares = dec(val(row.transactionShares));
  const price = dec(val(row.transactionPricePerShare));
  if (!shares || !price) return null;
  return shares.times(price);
}

/** +shares for A, -shares for D; null when not computable. */
export function rowChange(row: Row): Big | null {
  if (row.kind !== 'transaction') return null;
  const shares = dec(val(row.transactionShares));
  const ad = code(row.transactionAcquiredDisposedCode);
  if (!shares || (ad !== 'A' && ad !== 'D')) return null;
  return ad === 'A' ? shares : shares.neg();
}

/** Accumulates shares and values of rows; the average is value/shares of the priced rows only. */
export class Flow {
  shares: Big | null = null;
  value: Big | null = null;
  pricedShares: Big | null = null;
  rows = 0;
  unpricedRows = 0;

  add(row: Row): void {
    const shares = dec(val(row.transactionShares));
    this.rows++;
    if (!shares) {
      this.unpricedRows++;
      return;
    }
    this.shares = this.shares ? this.shares.plus(shares) : shares;
    const v = rowValue(row);
    if (v) {
      this.value = this.value ? this.value.plus(v) : v;
      this.pricedShares = this.pricedShares ? this.pricedShares.plus(shares) : shares;
    } else this.unpricedRows++;
  }

  /** value / priced shares, rounded to `dp` decimals (half-up); null when no priced shares. */
  average(dp = 4): Big | null {
    if (!this.value || !this.pricedShares || this.pricedShares.eq(0)) return null;
    return this.value.div(this.pricedShares).round(dp, 1);
  }

  toJson(): DerivedFlow {
    const avg = this.average();
    return {
      shares: this.shares ? plain(this.shares) : '0',
      value: this.value ? plain(this.value) : '0',
      averagePrice: avg ? avg.toFixed(4) : null,
      rows: this.rows,
      unpricedRows: this.unpricedRows,
    };
  }
}

function holdingOf(filing: Filing, rows: Row[]): DerivedHolding {
  const first = rows[0];
  const acquired = new Flow();
  const disposed = new Flow();
  const bought = new Flow();
  const sold = new Flow();
  let net: Big | null = dec('0');
  for (const r of rows) {
    const ch = rowChange(r);
    net = net && ch ? net.plus(ch) : null;
    const ad = code(r.transactionAcquiredDisposedCode);
    const c = code(r.transactionCode);
    if (ad === 'A') acquired.add(r);
    else if (ad === 'D') disposed.add(r);
    if (c === 'P' && ad === 'A') bought.add(r);
    if (c === 'S' && ad === 'D') sold.add(r);
  }
  // Before and after in the tally's reconciled order (same-day rows in the order that adds up).
  const key = holdingKey(first);
  const group = tallyFiling(filing).find((g) => g.key === key);
  let before: Big | null = null;
  let after: string | null = null;
  const ordered = group?.ordered ?? [];
  if (ordered.length && group && group.skipped.length === 0) {
    const f = ordered[0];
    before = f.sign > 0 ? f.owned.minus(f.shares) : f.owned.plus(f.shares);
    after = ordered[ordered.length - 1].ownedText;
  } else {
    // Some rows cannot be tallied: report only what the filing states after the last row in document order.
    const last = rows[rows.length - 1];
    after = val(last.sharesOwnedFollowingTransaction);
    const it = rows.length === 1 ? tallyItem(first) : null;
    if (it) before = it.sign > 0 ? it.owned.minus(it.shares) : it.owned.plus(it.shares);
  }
  const afterB = dec(after);
  let pct: string | null = null;
  if (before && afterB && !before.eq(0)) pct = afterB.minus(before).div(before).times(100).round(2, 1).toFixed(2);
  return {
    table: first.table,
    securityTitle: val(first.securityTitle),
    directOrIndirectOwnership: val(first.directOrIndirectOwnership),
    natureOfOwnership: val(first.natureOfOwnership),
    conversionOrExercisePrice: first.table === 'derivative' ? val(first.conversionOrExercisePrice) : null,
    expirationDate: first.table === 'derivative' ? val(first.expirationDate) : null,
    rows: rows.map((r) => r.index),
    netChange: net ? plain(net) : null,
    acquired: acquired.toJson(),
    disposed: disposed.toJson(),
    bought: bought.toJson(),
    sold: sold.toJson(),
    before: before ? plain(before) : null,
    after,
    percentChange: pct,
  };
}

/** The derived figures of a filing (never throws on odd values: what cannot be computed is null). */
export function derive(filing: Filing): Derived {
  const rowOut = (r: Row): DerivedRow => {
    const v = rowValue(r);
    const c = rowChange(r);
    return { value: v ? plain(v) : null, change: c ? plain(c) : null };
  };
  const groups = groupByHolding(transactionRows(filing));
  return {
    nonDerivative: filing.nonDerivative.map(rowOut),
    derivative: filing.derivative.map(rowOut),
    holdings: [...groups.values()].map((rows) => holdingOf(filing, rows)),
  };
}
