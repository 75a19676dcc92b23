/**
 * Short-swing profit matching (Section 16(b)) over a set of filings: per reporting owner (CIK, else normalized name),
 * issuer and class of equity security (the Table I security title, normalized), the purchases and sales matched by
 * lowest-in, highest-out (./liho.ts). By default a purchase is a Table I transaction coded P and a sale one coded S.
 * Further codes can be added (the caller's legal judgement: transactions exempt under Rule 16b-3, such as A grants,
 * F withholdings, M exercises and G gifts, are left out by default); a row of an added code is a purchase when its
 * shares were acquired (A) and a sale when disposed of (D).
 *
 * A row that cannot be matched (no price, a price given only in a footnote, no date, no amount) is listed as
 * unmatched with the reason. A weighted-average price is used as reported, its footnoted range shown beside it.
 */
import Big from 'big.js';
import type { Filing, Row, Span } from '../model';
import { dec } from '../decimal';
import { code, dateValue, val } from '../fields';
import { normTitle } from '../holdings';
import { priceRanges, type PriceRange } from '../priceRange';
import { effectiveSet, type EffectiveRow } from './effective';
import type { EdgarFacts } from './filed';
import { matchLowestInHighestOut, type Side, type Trade } from './liho';
import { PartyIndex, type Party } from './parties';

export const DEFAULT_PURCHASE_CODES: readonly string[] = ['P'];
export const DEFAULT_SALE_CODES: readonly string[] = ['S'];

export interface ShortSwingOptions {
  /** Transaction codes to match besides P and S (purchase when acquired, sale when disposed of). */
  additionalCodes?: readonly string[];
  edgar?: EdgarFacts;
}

/** One Table I row as the report names it. */
export interface TradeRef {
  file: string;
  /** 1-based number of the row in Table I, as "Table I row N" counts (transactions and holdings together). */
  row: number;
  /** The model's path of the row ("nonDerivative[2]"), for the preview. */
  path: string;
  span: Span | null;
  page: number | null;
  /** YYYY-MM-DD, or null. */
  date: string | null;
  code: string;
  side: Side | null;
  /** Shares as written (normalized), or null. */
  shares: string | null;
  /** The price per share as written (normalized), or null. */
  price: string | null;
  /** The footnotes the price cites. */
  priceFootnotes: string[];
  /** A price range a footnote on the price states (a weighted-average price): "40.03" to "42.75". */
  priceRange: { low: string; high: string; footnote: string } | null;
  /** A footnote on the price calls it a weighted average. */
  weightedAverage: boolean;
}

export interface ShortSwingPair {
  purchase: TradeRef;
  sale: TradeRef;
  /** Decimal strings. */
  shares: string;
  difference: string;
  profit: string;
}

export interface UnmatchedRow {
  trade: TradeRef;
  reason: string;
}

export interface ShortSwingGroup {
  owner: Party;
  issuer: Party;
  /** The security title as the first row of the class writes it. */
  security: string;
  pairs: ShortSwingPair[];
  /** Sum of the pairs' profits (decimal string). */
  profit: string;
  unmatched: UnmatchedRow[];
  purchases: number;
  sales: number;
  /** Too many purchases times sales to match: no pair was computed for this group. */
  tooMany: boolean;
}

export interface ShortSwingReport {
  /** Groups with a matched pair, or with an unmatched row where purchases and sales both occur. */
  groups: ShortSwingGroup[];
  purchaseCodes: string[];
  saleCodes: string[];
  /** Codes added to the defaults (purchase when acquired, sale when disposed of). */
  additionalCodes: string[];
  /** Filings read (duplicates left out). */
  filings: number;
  duplicates: { file: string; sameAs: string }[];
  /** Amendments applied to their originals. */
  amendmentsApplied: number;
  /**
   * Profit over all groups (decimal string), a pair of rows that several groups match (owners who file jointly each
   * report the same rows) counted once.
   */
  profit: string;
  /** Pairs left out of `profit` because another group's identical pair was counted. */
  pairsCountedOnce: number;
}

/** Upper-cased single-letter transaction codes, P and S and duplicates left out. */
export function normalizeCodes(codes: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const c of codes ?? []) {
    const t = c.trim().toUpperCase();
    if (/^[A-Z]$/.test(t) && t !== 'P' && t !== 'S') out.add(t);
  }
  return [...out].sort();
}

function tradeRef(e: EffectiveRow, side: Side | null): TradeRef {
  const { row, filing } = e;
  const price = row.transactionPricePerShare;
  const fnIds = price.footnotes.map((f) => f.id);
  let priceRange: TradeRef['priceRange'] = null;
  let weightedAverage = false;
  for (const id of fnIds) {
    const fn = filing.footnotes.find((f) => (f.id.value ?? f.id.raw) === id);
    const text = fn ? val(fn.text) : null;
    if (!text) continue;
    if (/weighted[\s-]*average/i.test(text)) weightedAverage = true;
    if (priceRange) continue;
    const r: PriceRange | undefined = priceRanges(text)[0];
    if (r) priceRange = { low: r.lowText, high: r.highText, footnote: id };
  }
  return {
    file: filing.file,
    row: row.index + 1,
    path: `${row.table}[${row.index}]`,
    span: row.span,
    page: row.page ?? null,
    date: dateValue(row.transactionDate),
    code: code(row.transactionCode) ?? '',
    side,
    shares: val(row.transactionShares),
    price: val(price),
    priceFootnotes: fnIds,
    priceRange,
    weightedAverage: weightedAverage || priceRange !== null,
  };
}

/** The side of a row for matching, null when it is not matched at all, or why it cannot be. */
function sideOf(row: Row, extra: ReadonlySet<string>): Side | null | { reason: string } {
  const c = code(row.transactionCode);
  if (c === 'P') return 'purchase';
  if (c === 'S') return 'sale';
  if (c === null || !extra.has(c)) return null;
  const ad = (val(row.transactionAcquiredDisposedCode) ?? '').toUpperCase();
  if (ad === 'A') return 'purchase';
  if (ad === 'D') return 'sale';
  return { reason: `code ${c} without an acquired (A) or disposed (D) mark` };
}

/** Why a trade cannot be matched, or null when it can. */
function unmatchable(t: TradeRef): string | null {
  if (t.date === null) return 'no transaction date';
  if (dec(t.shares) === null) return 'no amount of shares';
  if (dec(t.price) === null) {
    if (t.priceFootnotes.length)
      return `the price is given only in a footnote (${t.priceFootnotes.join(', ')}), not as a number`;
    return 'no price';
  }
  return null;
}

interface Building {
  owner: Party;
  issuer: Party;
  security: string;
  trades: Trade<TradeRef>[];
  unmatched: UnmatchedRow[];
  sides: Set<Side>;
}

export function shortSwing(all: readonly Filing[], options: ShortSwingOptions = {}): ShortSwingReport {
  const extra = normalizeCodes(options.additionalCodes);
  const extraSet = new Set(extra);
  const set = effectiveSet(all, options.edgar);
  const parties = new PartyIndex(set.filings);
  const groups = new Map<string, Building>();
  let order = 0;
  for (const e of set.rows) {
    if (e.row.table !== 'nonDerivative') continue;
    const side = sideOf(e.row, extraSet);
    if (side === null) continue;
    const ref = tradeRef(e, typeof side === 'string' ? side : null);
    const why = typeof side === 'string' ? unmatchable(ref) : side.reason;
    const seq = order++;
    const issuer = parties.issuer(e.filing);
    const title = val(e.row.securityTitle) ?? '';
    for (const owner of parties.owners(e.filing)) {
      const key = `${owner.key}\u0001${issuer.key}\u0001${normTitle(title)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { owner, issuer, security: title, trades: [], unmatched: [], sides: new Set() }));
      if (typeof side === 'string') g.sides.add(side);
      if (why !== null) g.unmatched.push({ trade: ref, reason: why });
      else
        g.trades.push({
          side: side as Side,
          date: ref.date!,
          shares: dec(ref.shares)!,
          price: dec(ref.price)!,
          order: seq,
          ref,
        });
    }
  }
  const out: ShortSwingGroup[] = [];
  let total = new Big(0);
  // Owners who file jointly (a fund and its adviser, a parent and its subsidiary) each report the same rows, so each
  // group matches the same pair: the profit the trades allow is counted once in the total.
  const counted = new Set<string>();
  let shared = 0;
  for (const g of groups.values()) {
    const m = matchLowestInHighestOut(g.trades);
    const bothSides = g.sides.has('purchase') && g.sides.has('sale');
    if (!m.pairs.length && !(bothSides && (g.unmatched.length || m.tooMany))) continue;
    for (const p of m.pairs) {
      const key = [p.purchase.ref.file, p.purchase.ref.path, p.sale.ref.file, p.sale.ref.path, p.shares.toFixed()].join(
        '\u0001',
      );
      if (counted.has(key)) shared++;
      else {
        counted.add(key);
        total = total.plus(p.profit);
      }
    }
    out.push({
      owner: g.owner,
      issuer: g.issuer,
      security: g.security,
      pairs: m.pairs.map((p) => ({
        purchase: p.purchase.ref,
        sale: p.sale.ref,
        shares: p.shares.toFixed(),
        difference: p.difference.toFixed(),
        profit: p.profit.toFixed(),
      })),
      profit: m.profit.toFixed(),
      unmatched: g.unmatched,
      purchases: g.trades.filter((t) => t.side === 'purchase').length,
      sales: g.trades.filter((t) => t.side === 'sale').length,
      tooMany: m.tooMany,
    });
  }
  out.sort(
    (a, b) =>
      a.issuer.name.localeCompare(b.issuer.name) ||
      a.owner.name.localeCompare(b.owner.name) ||
      a.security.localeCompare(b.security),
  );
  return {
    groups: out,
    purchaseCodes: [...DEFAULT_PURCHASE_CODES],
    saleCodes: [...DEFAULT_SALE_CODES],
    additionalCodes: extra,
    filings: set.filings.length,
    duplicates: set.duplicates.map((d) => ({ file: d.filing.file, sameAs: d.sameAs.file })),
    amendmentsApplied: set.pairings.filter((p) => p.original).length,
    profit: total.toFixed(),
    pairsCountedOnce: shared,
  };
}

/** A trade in the JSON of `form4 short-swing`. */
export interface TradeJson {
  file: string;
  date: string | null;
  price: string | null;
  row: number;
  /** Only for a weighted-average price with a footnoted range. */
  priceRange?: { low: string; high: string; footnote: string };
}

export interface ShortSwingGroupJson {
  owner: string;
  ownerCik: string | null;
  issuer: string;
  issuerCik: string | null;
  security: string;
  pairs: { purchase: TradeJson; sale: TradeJson; shares: string; profit: string }[];
  profit: string;
  unmatched: { file: string; date: string | null; row: number; code: string; shares: string | null; reason: string }[];
}

function tradeJson(t: TradeRef): TradeJson {
  const out: TradeJson = { file: t.file, date: t.date, price: t.price, row: t.row };
  if (t.priceRange) out.priceRange = t.priceRange;
  return out;
}

/** The JSON of `form4 short-swing`: one object per group, numbers as strings. */
export function shortSwingJson(report: ShortSwingReport): ShortSwingGroupJson[] {
  return report.groups.map((g) => ({
    owner: g.owner.name,
    ownerCik: g.owner.cik,
    issuer: g.issuer.name,
    issuerCik: g.issuer.cik,
    security: g.security,
    pairs: g.pairs.map((p) => ({
      purchase: tradeJson(p.purchase),
      sale: tradeJson(p.sale),
      shares: p.shares,
      profit: p.profit,
    })),
    profit: g.profit,
    unmatched: g.unmatched.map((u) => ({
      file: u.trade.file,
      date: u.trade.date,
      row: u.trade.row,
      code: u.trade.code,
      shares: u.trade.shares,
      reason: u.reason,
    })),
  }));
}
