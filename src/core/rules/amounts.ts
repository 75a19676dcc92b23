/** Prices and derivative amounts: docs/RULES.md, "Amounts and the running tally" (sources NAL 17, TS 18, H 18, H 19). */
import type Big from 'big.js';
import type { Filing, Footnote, Row } from '../model';
import { rowFootnoteIds } from '../model';
import { dec, scaleOf, unit } from '../decimal';
import { fmtAmount, fmtPrice } from '../format';
import { dayNumber } from '../dates';
import { allRows, code, footnoteById, locOf, rel, rowLabel, val } from '../fields';
import { normTitle } from '../holdings';
import { type Draft, type RuleDef, draft, q } from './types';
import { priceRanges, type PriceRange } from '../priceRange';

export { priceRanges };

interface PriceCheck {
  row: Row;
  price: Big;
  priceText: string;
  ranges: { range: PriceRange; footnote: Footnote }[];
}

function priceChecks(filing: Filing): PriceCheck[] {
  const rangesOf = new Map<Footnote, PriceRange[]>();
  const out: PriceCheck[] = [];
  for (const row of allRows(filing)) {
    if (row.kind !== 'transaction') continue;
    const priceText = val(row.transactionPricePerShare);
    const price = dec(priceText);
    if (!price || priceText === null || price.eq(0)) continue;
    const ranges: PriceCheck['ranges'] = [];
    for (const ref of row.transactionPricePerShare.footnotes) {
      const fn = footnoteById(filing, ref.id);
      const text = fn ? val(fn.text) : null;
      if (!fn || text === null) continue;
      let found = rangesOf.get(fn);
      if (!found) rangesOf.set(fn, (found = priceRanges(text)));
      for (const range of found) ranges.push({ range, footnote: fn });
    }
    if (ranges.length) out.push({ row, price, priceText, ranges });
  }
  return out;
}

/**
 * Whether a price lies within a range, or within half a unit of the coarser precision of the price and the bound it
 * passes: a weighted average rounded to the cent ($5.14) against trades of $5.1386 to $5.1390 is rounding.
 */
function withinRange(price: Big, priceText: string, range: PriceRange): boolean {
  if (price.gte(range.low) && price.lte(range.high)) return true;
  const [bound, boundText] = price.lt(range.low) ? [range.low, range.lowText] : [range.high, range.highText];
  const half = unit(Math.min(scaleOf(priceText), scaleOf(boundText))).div(2);
  return price.minus(bound).abs().lte(half);
}

export const weightedPriceRange: RuleDef = {
  id: 'weighted-price-range',
  severity: 'error',
  title: 'Weighted-average price outside its range',
  description:
    'A price whose footnote gives the range of the combined trades ("$40.03 to $42.75") lies within that range, or within half a unit of the precision it is written to (a price rounded to the cent).',
  source: 'NAL 17',
  check({ shared }) {
    const out: Draft[] = [];
    for (const c of shared(priceChecks)) {
      if (c.ranges.some(({ range }) => withinRange(c.price, c.priceText, range))) continue;
      const desc = c.ranges
        .map(
          ({ range, footnote }) =>
            `${fmtPrice(range.lowText)} to ${fmtPrice(range.highText)} (${footnote.id.value ?? footnote.id.raw})`,
        )
        .join(', ');
      out.push(
        draft(
          `${rowLabel(c.row)}: the price ${fmtPrice(c.priceText)} lies outside the range its footnote gives: ${desc}`,
          locOf(c.row.transactionPricePerShare, c.row),
          c.ranges.map(({ footnote }) =>
            rel(`Footnote ${footnote.id.value ?? footnote.id.raw}`, locOf(footnote.text, footnote)),
          ),
        ),
      );
    }
    return out;
  },
};

export const weightedPriceRangeWidth: RuleDef = {
  id: 'weighted-price-range-width',
  severity: 'warning',
  title: 'Weighted-average price range wider than $1',
  description: 'Trades combined into one weighted-average line should lie within a $1 range.',
  source: 'NAL 17',
  check({ shared }) {
    const out: Draft[] = [];
    for (const c of shared(priceChecks)) {
      const containing = c.ranges.filter(({ range }) => withinRange(c.price, c.priceText, range));
      if (!containing.length) continue;
      const widths = containing.map((x) => ({ ...x, width: x.range.high.minus(x.range.low) }));
      const narrowest = widths.reduce((a, b) => (b.width.lt(a.width) ? b : a));
      if (narrowest.width.lte(1)) continue;
      const id = narrowest.footnote.id.value ?? narrowest.footnote.id.raw;
      out.push(
        draft(
          `${rowLabel(c.row)}: the weighted-average price ${fmtPrice(c.priceText)} combines trades from ${fmtPrice(narrowest.range.lowText)} to ${fmtPrice(narrowest.range.highText)} (footnote ${id}), a range of ${fmtPrice(narrowest.width)}, wider than $1`,
          locOf(c.row.transactionPricePerShare, c.row),
          [rel(`Footnote ${id}`, locOf(narrowest.footnote.text, narrowest.footnote))],
        ),
      );
    }
    return out;
  },
};

export const priceMissing: RuleDef = {
  id: 'price-missing',
  severity: 'error',
  title: 'Purchase or sale at $0',
  description:
    'A row coded P or S whose price is zero carries a footnote on the price that explains it (an empty price is value-or-footnote).',
  source: 'TS 18',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of allRows(filing)) {
      const c = code(row.transactionCode);
      if (row.kind !== 'transaction' || (c !== 'P' && c !== 'S')) continue;
      const f = row.transactionPricePerShare;
      const p = dec(val(f));
      if (p === null || !p.eq(0) || f.footnotes.length > 0) continue;
      out.push(
        draft(
          `${rowLabel(row)}: a ${c === 'P' ? 'purchase' : 'sale'} (${c}) at a price of ${fmtPrice(val(f))} with no footnote explaining it`,
          locOf(f, row),
        ),
      );
    }
    return out;
  },
};

function median(xs: Big[]): Big {
  const s = [...xs].sort((a, b) => a.cmp(b));
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : s[mid - 1].plus(s[mid]).div(2);
}

export const priceOutlier: RuleDef = {
  id: 'price-outlier',
  severity: 'warning',
  title: 'Price far from the others',
  description:
    'A purchase or sale price ten times (or a tenth of) the other prices of the same security on the same date: often a total value typed into the price box.',
  source: 'H 18',
  check({ filing }) {
    const out: Draft[] = [];
    const groups = new Map<string, { row: Row; price: Big; text: string }[]>();
    for (const row of filing.nonDerivative) {
      const c = code(row.transactionCode);
      if (row.kind !== 'transaction' || (c !== 'P' && c !== 'S')) continue;
      const text = val(row.transactionPricePerShare);
      const price = dec(text);
      const date = val(row.transactionDate);
      if (!price || text === null || date === null || price.eq(0)) continue;
      const k = `${normTitle(val(row.securityTitle))}\u0001${date}`;
      const g = groups.get(k) ?? [];
      g.push({ row, price, text });
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // (a large group: the median of all its prices, one sort instead of one per row)
      const all = g.length > 50 ? median(g.map((x) => x.price)) : null;
      const nOthers = g.length - 1;
      for (const it of g) {
        const m = all ?? median(g.filter((x) => x !== it).map((x) => x.price));
        const high = it.price.gte(m.times(10));
        const low = nOthers >= 2 && it.price.times(10).lte(m);
        if (!high && !low) continue;
        out.push(
          draft(
            `${rowLabel(it.row)}: the price ${fmtPrice(it.text)} is ${high ? 'more than ten times' : 'less than a tenth of'} ${nOthers === 1 ? `the other purchase/sale price, ${fmtPrice(g.find((x) => x !== it)!.text)},` : `the median ${fmtPrice(m.round(4))} of the other ${nOthers} purchase/sale prices`} of ${val(it.row.securityTitle) ?? 'this security'} on ${val(it.row.transactionDate)}${high ? ' (a total value in the price box?)' : ''}`,
            locOf(it.row.transactionPricePerShare, it.row),
          ),
        );
      }
    }
    return out;
  },
};

/** A plain number ("0.466", "10", ".5"), not part of a longer number, a date or an amount with thousands separators. */
const RATIO_NUMBER = /(?<![\d.,/-])(\d{1,6}(?:\.\d{1,8})?|\.\d{1,8})(?![\d,/]|\.\d)/g;
/** "1-for-10", "10 for 1", "1:10", "3 to 2". */
const RATIO_PAIR =
  /(?<![\d.,])(\d{1,4}(?:\.\d{1,6})?)(?:\s?-\s?for\s?-\s?|\s+for\s+|\s?:\s?|\s+to\s+)(\d{1,4}(?:\.\d{1,6})?)(?![\d,]|\.\d)/gi;

interface Ratio {
  k: Big;
  text: string;
}

/** The conversion ratios a footnote may state: its plain numbers (not years) and its "a-for-b" pairs, both ways. */
function statedRatios(text: string): Ratio[] {
  const out: Ratio[] = [];
  const t = text.slice(0, 2000);
  for (const m of t.matchAll(RATIO_PAIR)) {
    const a = dec(m[1]);
    const b = dec(m[2]);
    if (!a || !b || a.eq(0) || b.eq(0) || a.eq(b)) continue;
    out.push({ k: a.div(b), text: m[0] }, { k: b.div(a), text: m[0] });
  }
  for (const m of t.matchAll(RATIO_NUMBER)) {
    const k = dec(m[1]);
    if (!k || k.eq(0) || k.eq(1) || (/^\d{4}$/.test(m[1]) && k.gte(1900) && k.lte(2100))) continue;
    out.push({ k, text: m[1] });
  }
  return out;
}

/**
 * Whether `derivatives` at ratio `r` give `underlying` (either way round): to the whole share, or, for a ratio written
 * with two decimals or more, as the ratio rounded to the digits it is written with.
 */
function ratioExplains(derivatives: Big, underlying: Big, r: Ratio): boolean {
  const scale = /[:a-z]/i.test(r.text) ? 0 : scaleOf(r.text);
  const fits = (x: Big, y: Big) =>
    x.times(r.k).minus(y).abs().lte(1) || (scale >= 2 && y.div(x).minus(r.k).abs().lte(unit(scale).div(2)));
  return fits(derivatives, underlying) || fits(underlying, derivatives);
}

/** A put or call option by its title ("Put Option (right to sell)", "Call Options"). */
const LISTED_OPTION = /\b(?:puts?|calls?)\b/i;

/**
 * What explains `x` derivatives on `y` underlying shares: a conversion ratio a footnote of the row states, or, for a
 * put or call, 100 shares a contract (the options exchanges' standard unit: filers count contracts).
 */
function explanation(
  filing: Filing,
  row: Row,
  x: Big,
  y: Big,
): { text: string; related: ReturnType<typeof rel>[] } | null {
  for (const id of rowFootnoteIds(row)) {
    const fn = footnoteById(filing, id);
    const text = fn ? val(fn.text) : null;
    if (!fn || text === null) continue;
    const ratio = statedRatios(text).find((r) => ratioExplains(x, y, r));
    if (ratio)
      return {
        text: `footnote ${id} states the conversion ratio (${q(ratio.text, 30)})`,
        related: [rel(`Footnote ${id}`, locOf(fn.text, fn))],
      };
  }
  if (LISTED_OPTION.test(val(row.securityTitle) ?? '') && x.times(100).eq(y))
    return { text: '100 shares a contract, the standard unit of a listed put or call', related: [] };
  return null;
}

export const underlyingSharesDiffer: RuleDef = {
  id: 'underlying-shares-differ',
  severity: 'info',
  title: 'Derivative and underlying amounts differ',
  description:
    "In a derivative transaction the number of derivatives usually equals the number of underlying shares; a conversion ratio stated in the row's footnotes that gives the one from the other, or 100 shares a contract for a put or call, explains the difference, and the note says so.",
  source: 'H 19',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of filing.derivative) {
      if (row.kind !== 'transaction') continue;
      const a = val(row.transactionShares);
      const b = val(row.underlyingSecurityShares);
      const x = dec(a);
      const y = dec(b);
      if (!x || !y || x.eq(y) || x.eq(0) || y.eq(0)) continue;
      const head = `${rowLabel(row)}: ${fmtAmount(a)} derivative securities ${code(row.transactionAcquiredDisposedCode) === 'D' ? 'disposed of' : 'acquired'}, but ${fmtAmount(b)} underlying shares`;
      const related = [rel(`${fmtAmount(a)} derivative securities`, locOf(row.transactionShares, row))];
      const at = locOf(row.underlyingSecurityShares, row);
      const why = explanation(filing, row, x, y);
      if (why)
        out.push({
          ...draft(`${head}: ${why.text}, which explains the difference`, at, [...related, ...why.related]),
          cap: 'info',
        });
      else
        out.push(
          draft(
            `${head}; no footnote of the row states a conversion ratio that gives the one from the other`,
            at,
            related,
          ),
        );
    }
    return out;
  },
};

export const exerciseAfterExpiration: RuleDef = {
  id: 'exercise-after-expiration',
  severity: 'warning',
  title: 'Exercisable after expiration',
  description: 'The date exercisable is not after the expiration date.',
  source: 'H 19',
  check({ filing }) {
    const out: Draft[] = [];
    for (const row of filing.derivative) {
      const a = val(row.exerciseDate);
      const b = val(row.expirationDate);
      const x = dayNumber(a);
      const y = dayNumber(b);
      if (x === null || y === null || x <= y) continue;
      out.push(
        draft(`${rowLabel(row)}: exercisable from ${a}, after the expiration date ${b}`, locOf(row.exerciseDate, row), [
          rel(`Expiration date ${b}`, locOf(row.expirationDate, row)),
        ]),
      );
    }
    return out;
  },
};

export const AMOUNT_RULES: RuleDef[] = [
  weightedPriceRange,
  weightedPriceRangeWidth,
  priceMissing,
  priceOutlier,
  underlyingSharesDiffer,
  exerciseAfterExpiration,
];
