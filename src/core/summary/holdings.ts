/** A holding in words: who holds it and how, its units, a derivative's terms, amounts and prices. */
import type Big from 'big.js';
import type { Field, Filing, Row } from '../model';
import { dec } from '../decimal';
import { rowValue } from '../derived';
import { code, val } from '../fields';
import { fmtAmount, fmtDate, fmtMoney, fmtPrice } from '../format';
import { footnoteText, weightedAverage } from './footnotes';
import { joinAnd } from './owners';

const ARTICLE = /^(the|a|an|his|her|their|its|my|spouse|wife|husband)\b/i;
const RELATIVE = /^(spouse|wife|husband|child|children|minor children|son|daughter|self|parent|parents)$/i;
const INSTITUTION = /(trust|fund|foundation|partnership|plan|estate|ira|account)$/i;

/** The holder named by an indirect-ownership footnote ("The shares are held directly by X ("Fund IV")."). */
function holderFromFootnote(text: string): string | null {
  const m = /\bheld\s+(?:directly\s+|of\s+record\s+|indirectly\s+)?by\s+(.+)/i.exec(text);
  if (!m) return null;
  let rest = m[1];
  // Stop at a parenthesis, a semicolon, a relative clause, or a sentence end (a period not closing an abbreviation,
  // unless a new sentence plainly starts after it).
  const stop =
    /\s\(|;|,?\s(?:which|who|whose|of\s+which|for\s+which|and\s+may|and\s+the|except|over\s+which)\b|\.(?=\s+\S|\s*$)/g;
  let cut = rest.length;
  for (const s of rest.matchAll(stop)) {
    const at = s.index!;
    if (s[0] === '.') {
      const before = rest.slice(0, at);
      const after = rest.slice(at + 1);
      if (/(L\.P|L\.L\.C|Inc|Co|Corp|Ltd|Jr|Sr|N\.V|S\.A|U\.S)$/.test(before)) {
        if (
          /^\s*$|^\s+(The|This|These|Each|He|She|It|They|Such|As|Mr|Ms|Mrs|Dr|Includes?|Represents?|Consists?|Reflects?)\b/.test(
            after,
          )
        ) {
          cut = at + 1;
          break;
        }
        continue;
      }
      if (/(\b(?:Mr|Mrs|Ms|Dr|St|No)|\b[A-Z])$/.test(before) && !/^\s*$/.test(after)) continue;
    }
    cut = at;
    break;
  }
  rest = rest.slice(0, cut).trim();
  if (!rest || rest.length > 120 || /^(the\s+)?reporting\s+person\b(?!')/i.test(rest)) return null;
  return rest;
}

/**
 * "directly" / "indirectly by the Surace/Rogers Family Trust" / "indirectly (see footnote F2)". In a joint filing
 * the holding is attributed only as the filing does: to the holder a footnote of the ownership cells names
 * ("directly by Mithril LP (footnote F2)"), else by pointing to the footnote, else to the reporting persons as a
 * group, never to each of them.
 */
export function ownershipPhrase(filing: Filing, row: Row, joint = false): string {
  const di = code(row.directOrIndirectOwnership);
  const nature = val(row.natureOfOwnership);
  const natureIds = row.natureOfOwnership.footnotes.map((r) => r.id);
  const ids = natureIds.length ? natureIds : joint ? row.directOrIndirectOwnership.footnotes.map((r) => r.id) : [];
  const holder = () => (ids.length === 1 ? holderFromFootnote(footnoteText(filing, ids[0]) ?? '') : null);
  if (di === 'D') {
    if (!joint) return 'directly';
    const h = holder();
    if (h) return `directly by ${h} (footnote ${ids[0]})`;
    return ids.length
      ? `directly (see footnote ${ids.join(', ')})`
      : 'directly by one or more of the reporting persons';
  }
  if (di !== 'I')
    return nature ? `(ownership form not given; ${nature})` : '(whether directly or indirectly is not given)';
  if (nature && /^by\s+\S/i.test(nature)) {
    let who = nature.replace(/^by\s+/i, '').trim();
    if (RELATIVE.test(who)) who = who.toLowerCase();
    else if (!ARTICLE.test(who) && INSTITUTION.test(who)) who = `the ${who}`;
    return `indirectly by ${who}${natureIds.length ? ` (footnote ${natureIds.join(', ')})` : ''}`;
  }
  if (ids.length) {
    const h = holder();
    if (h) return `indirectly by ${h} (footnote ${ids[0]})`;
    return `indirectly (${nature && !/^(see\s+)?footnotes?\b/i.test(nature) ? `${nature}, ` : ''}see footnote ${ids.join(', ')})`;
  }
  return nature ? `indirectly (${nature})` : 'indirectly (nature of ownership not given)';
}

/** "shares of Common Stock" or, for titles that name their own unit, the title ("Ordinary Shares"). */
export function unitsOf(row: Row): { noun: string; title: string } {
  const given = val(row.securityTitle);
  const title = given ?? 'a security whose title is not given';
  const named =
    row.table === 'derivative'
      ? /\b(shares|units?|rsus?|psus?|awards?|interests|ads|adss|depositary|warrants?|options?|notes?|rights?|swaps?|calls?|puts?|equivalents?)\b/i
      : /\b(shares|units|interests|ads|adss|depositary|warrants|options|notes|rights)\b/i;
  if (named.test(title) || !given) return { noun: title, title };
  return { noun: 'shares', title: `shares of ${title}` };
}

/** Derivative titles that name a conversion (preferred stock, notes, another class of stock) or an exercise. */
const CONVERTS = /\b(?:preferred|convertible|notes?|debentures?|class\s+[A-Z]|units?\s+of\s+limited)\b/i;
const EXERCISED = /\b(?:options?|warrants?|rights?\s+to\s+(?:buy|purchase|sell)|sars?|appreciation\s+rights?)\b/i;

export function derivDetails(row: Row): string {
  if (row.table !== 'derivative') return '';
  const parts: string[] = [];
  const p = val(row.conversionOrExercisePrice);
  // The form's column is "Conversion or Exercise Price": named by what the security does where its title says it.
  const title = val(row.securityTitle) ?? '';
  const which =
    code(row.transactionCode) === 'C' || CONVERTS.test(title)
      ? 'conversion price'
      : // Code M is an exercise or a conversion (restricted stock units are settled, not exercised): only the title,
        // or code X (an exercise), says which.
        EXERCISED.test(title) || code(row.transactionCode) === 'X'
        ? 'exercise price'
        : 'conversion or exercise price';
  if (p) parts.push(`${which} ${fmtPrice(p)}`);
  else if (row.conversionOrExercisePrice.footnotes.length)
    parts.push(`${which} in footnote ${row.conversionOrExercisePrice.footnotes.map((r) => r.id).join(', ')}`);
  const e = val(row.expirationDate);
  if (e) parts.push(`expiring ${fmtDate(e)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** "7,402 shares of Common Stock" / "an amount not given of shares of Common Stock" for a set of rows. */
export function amountOf(rows: Row[]): { text: string; total: Big | null } {
  let total: Big | null = dec('0');
  for (const r of rows) {
    const s = dec(val(r.transactionShares));
    total = total && s ? total.plus(s) : null;
  }
  const u = unitsOf(rows[0]);
  const what = `${u.title}${derivDetails(rows[0])}`;
  if (total) return { text: `${sharesText(total)} ${what}`, total };
  const d = rows[0].table === 'derivative' ? (rows[0] as Row & { transactionTotalValue: Field }) : null;
  const tv = d ? val(d.transactionTotalValue) : null;
  if (tv && rows.length === 1) return { text: `${what} worth ${fmtPrice(tv)}`, total: null };
  return { text: `${what} (number not given)`, total: null };
}

/** The price part of a clause: " at $2.29 ($16,950.58)", lots, a range, or a note that the price is missing. */
export function pricePhrase(filing: Filing, rows: Row[], notes: string[]): string {
  const price = (r: Row) => val(r.transactionPricePerShare);
  const priced = rows.filter((r) => dec(price(r)) !== null);
  const missing = rows.length - priced.length;
  if (priced.length === 0) {
    const fn = [...new Set(rows.flatMap((r) => r.transactionPricePerShare.footnotes.map((x) => x.id)))];
    notes.push(
      fn.length ? `price in footnote ${fn.join(', ')}` : rows.length > 1 ? 'prices not given' : 'price not given',
    );
    return '';
  }
  const lot = (r: Row): string => {
    const p = price(r)!;
    const wa = weightedAverage(filing, r);
    if (!wa) return `at ${fmtPrice(p)}`;
    const range = wa.range
      ? ` (trades from ${fmtPrice(wa.range[0])} to ${fmtPrice(wa.range[1])})`
      : ` (price range in footnote ${wa.id})`;
    return `at a weighted average of ${fmtPrice(p)}${range}`;
  };
  let total: Big | null = null;
  for (const r of priced) {
    const v = rowValue(r);
    if (v) total = total ? total.plus(v) : v;
  }
  const zero = priced.every((r) => dec(price(r))!.eq(0));
  const totalText = total && !zero ? fmtMoney(total) : null;
  if (missing) notes.push(`${missing} of the ${rows.length} lots without a price`);
  const distinct = new Set(priced.map((r) => dec(price(r))!.toFixed()));
  if (priced.length === 1 || (distinct.size === 1 && !priced.some((r) => weightedAverage(filing, r)))) {
    const p = lot(priced[0]);
    if (!totalText) return ` ${p}`;
    if (priced.length === 1 && !weightedAverage(filing, priced[0])) return ` ${p} (${totalText})`;
    if (!weightedAverage(filing, priced[0]))
      return ` ${p} (${totalText}${missing ? ' for the lots with a price' : ' in total'})`;
    return ` ${p}, for ${totalText}${missing ? ' for the lots with a price' : ' in total'}`;
  }
  if (priced.length <= 3) {
    const lots = priced.map((r) => `${sharesText(val(r.transactionShares) ?? '?')} ${lot(r)}`);
    return ` in ${priced.length} lots, ${joinAnd(lots)}${totalText ? `, for ${totalText}${missing ? ' for the lots with a price' : ' in total'}` : ''}`;
  }
  const ps = priced.map((r) => ({ text: price(r)!, value: dec(price(r))! }));
  const lo = ps.reduce((a, b) => (b.value.lt(a.value) ? b : a));
  const hi = ps.reduce((a, b) => (b.value.gt(a.value) ? b : a));
  return ` in ${priced.length} lots at prices from ${fmtPrice(lo.text)} to ${fmtPrice(hi.text)}${totalText ? `, for ${totalText}${missing ? ' for the lots with a price' : ' in total'}` : ''}`;
}

/** An amount of shares for prose: as written, less the zeros that end its fraction ("124,155.0000" is 124,155). */
export function sharesText(x: string | Big): string {
  const t = typeof x === 'string' ? x : x.toFixed();
  if (!/^-?\d+\.\d*$/.test(t)) return fmtAmount(t);
  let end = t.length;
  while (t[end - 1] === '0') end--;
  return fmtAmount(t.slice(0, t[end - 1] === '.' ? end - 1 : end));
}
