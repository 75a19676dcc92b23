/**
 * Price ranges stated in footnotes ("prices ranging from $40.03 to $42.75"): the weighted-average price rules check a
 * price against them, and the Section 16 desk shows them beside a weighted-average price.
 */
import type Big from 'big.js';
import { dec } from './decimal';

export interface PriceRange {
  low: Big;
  high: Big;
  lowText: string;
  highText: string;
  /** Offsets of the range in the footnote text. */
  index: number;
}

/** A price as written: "1,234.56", "40.03", ".5"; never the head of a longer (malformed) number such as "1,1140.89". */
const NUM = String.raw`(\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?|\.\d{1,8})(?!\d|[.,]\d)`;
const SEP = String.raw`\s*(?:to|through|thru|and|-|–|—)\s*`;
/** "$40.03 to $42.75", "$40.03 - 42.75", "between $10.00 and $10.50". */
const DOLLAR_RANGE = new RegExp(String.raw`\$\s?${NUM}${SEP}\$?\s?${NUM}`, 'gi');
/** "ranging from 40.03 to 42.75", "in a range of 1.20 to 1.35", "ranged between 10 and 10.50". */
const WORD_RANGE = new RegExp(
  String.raw`rang(?:e|es|ed|ing)\s+(?:of\s+|from\s+|between\s+)?(?:prices?\s+)?(?:of\s+|from\s+|between\s+)?(?:US)?\$?\s?${NUM}${SEP}(?:US)?\$?\s?${NUM}`,
  'gi',
);

/** Every price range a footnote states ("$40.03 to $42.75"), low <= high. */
export function priceRanges(text: string): PriceRange[] {
  const out: PriceRange[] = [];
  const seen = new Set<number>();
  for (const re of [DOLLAR_RANGE, WORD_RANGE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const aText = m[1].replace(/,/g, '');
      const bText = m[2].replace(/,/g, '');
      const a = dec(aText);
      const b = dec(bText);
      if (!a || !b) continue;
      const at = m.index + m[0].indexOf(m[1]);
      if (seen.has(at)) continue;
      seen.add(at);
      // "$5 and 10,000 shares": a second number far larger than the first is not a price range.
      const [low, high, lowText, highText] = a.lte(b) ? [a, b, aText, bText] : [b, a, bText, aText];
      if (low.gt(0) && high.gt(low.times(20))) continue; // high / low > 20, without a division
      out.push({ low, high, lowText, highText, index: at });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}
