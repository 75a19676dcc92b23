/**
 * Short-swing profit under Section 16(b) by the courts' "lowest-in, highest-out" matching (Smolowe v. Delendo Corp.,
 * 136 F.2d 231 (2d Cir. 1943)): repeatedly take, among the purchases and sales with shares left that are less than six
 * months apart, the pair with the greatest price difference (sale price minus purchase price, only when positive;
 * ties go to the earlier purchase, then the earlier sale), and match the smaller remaining share count. The profit
 * of a pair is its shares times the difference; the total is their sum. Exact decimals throughout (big.js).
 *
 * A pair's rank never changes and a pair that runs out of shares never comes back, so the repeated choice is one pass
 * over the candidate pairs sorted by rank.
 */
import Big from 'big.js';
import { addMonths } from '../dates';

export type Side = 'purchase' | 'sale';

export interface Trade<R> {
  side: Side;
  /** YYYY-MM-DD. */
  date: string;
  shares: Big;
  price: Big;
  /** Ties on the date are broken by this (the order the trades were given in). */
  order: number;
  ref: R;
}

export interface Matched<R> {
  purchase: Trade<R>;
  sale: Trade<R>;
  shares: Big;
  /** Sale price minus purchase price (> 0). */
  difference: Big;
  /** shares x difference. */
  profit: Big;
}

export interface Matching<R> {
  /** In the order they were matched: greatest price difference first. */
  pairs: Matched<R>[];
  profit: Big;
  /** Too many purchases times sales to match (see MAX_CANDIDATE_PAIRS): nothing was matched. */
  tooMany: boolean;
}

/**
 * At most this many purchase-sale combinations are weighed for one owner, issuer and class. Real groups have a few
 * thousand at most; a hostile set of filings must not hold the matcher (and its memory) for minutes.
 */
export const MAX_CANDIDATE_PAIRS = 2_000_000;

const byDate = <R>(a: Trade<R>, b: Trade<R>) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order);

export function matchLowestInHighestOut<R>(trades: readonly Trade<R>[]): Matching<R> {
  const buys = trades.filter((t) => t.side === 'purchase' && t.shares.gt(0)).sort(byDate);
  const sells = trades.filter((t) => t.side === 'sale' && t.shares.gt(0)).sort(byDate);
  if (buys.length * sells.length > MAX_CANDIDATE_PAIRS) return { pairs: [], profit: new Big(0), tooMany: true };
  // The first date no longer "less than six months" after each trade.
  const limit = (t: Trade<R>) => addMonths(t.date, 6);
  const buyLimit = buys.map(limit);
  const sellLimit = sells.map(limit);
  const candidates: { b: number; s: number; diff: Big }[] = [];
  buys.forEach((p, b) => {
    sells.forEach((s, si) => {
      const apart = p.date <= s.date ? s.date < buyLimit[b] : p.date < sellLimit[si];
      if (!apart) return;
      const diff = s.price.minus(p.price);
      if (diff.gt(0)) candidates.push({ b, s: si, diff });
    });
  });
  candidates.sort((x, y) => y.diff.cmp(x.diff) || x.b - y.b || x.s - y.s);
  const buyLeft = buys.map((t) => t.shares);
  const sellLeft = sells.map((t) => t.shares);
  const pairs: Matched<R>[] = [];
  let profit = new Big(0);
  for (const c of candidates) {
    const left = buyLeft[c.b].lt(sellLeft[c.s]) ? buyLeft[c.b] : sellLeft[c.s];
    if (left.lte(0)) continue;
    buyLeft[c.b] = buyLeft[c.b].minus(left);
    sellLeft[c.s] = sellLeft[c.s].minus(left);
    const gain = left.times(c.diff);
    profit = profit.plus(gain);
    pairs.push({ purchase: buys[c.b], sale: sells[c.s], shares: left, difference: c.diff, profit: gain });
  }
  return { pairs, profit, tooMany: false };
}
