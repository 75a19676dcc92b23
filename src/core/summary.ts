/**
 * A filing said plainly: one or two sentences per reporting owner and security, from the model alone, e.g.
 * "Todd E. Benton (Chief Operating Officer) had 7,402 shares of Common Stock withheld at $2.29 ($16,950.58) to pay
 * taxes on vesting (code F) on Apr 1, 2024, and holds 133,612 shares directly afterwards."
 * Used at the top of the preview, in the filing tree's tooltip and in `form4 inspect`.
 *
 * Rules of the text:
 * - Never invents. A value the filing leaves out is said to be missing ("price not given"); a value given only in a
 *   footnote is pointed to ("price in footnote F3"). Words beyond the code's meaning (why shares were withheld,
 *   weighted-average ranges, Rule 10b5-1 plans, who holds indirect shares) come only from the filing's footnotes
 *   and boxes, and only when their wording is unambiguous.
 * - Numbers as ./format shows them: amounts and prices as written with thousands separators; a value is shares x
 *   price, computed exactly and shown in dollars and cents. No averages are computed across rows of different
 *   prices: several lots are listed (up to three) or given as a range with their total.
 * - Dates as "Apr 1, 2024".
 * - Same-day rows of one holding (security, ownership form, nature of ownership) and one code are totalled in one
 *   clause; the clauses of one holding and day make one sentence, ending with the amount held afterwards (after the
 *   last row in the order the running tally reconciles). An exercise of a derivative (Table II, M/X/O/C) is paired
 *   with the Table I acquisition of its underlying on the same day, and with same-day sales ("... and sold them").
 * - Owner names: EDGAR writes individuals "Last First Middle" ("Benton Todd E"). The name is put in reading order
 *   only when a signature of the filing confirms it: the signature's name ("/s/ Todd E. Benton", or the name after
 *   "Attorney-in-Fact for") must have the same surname and first name, and its middle names or initials must agree
 *   by initial (for a name read by OCR, flagged uncertain, the signature's middle initial wins, as the typed
 *   signature is the better reading). Then the signature's spelling is used. Otherwise, and always for names that
 *   look like entities ("Harborview Capital Partners IV, L.P."), the name stays exactly as EDGAR has it.
 * - Joint filings (several reporting owners) lead with one sentence naming them all; the rows are reported for all
 *   of them, so their sentences speak of "the reporting persons".
 */
import type Big from 'big.js';
import type { Field, Filing, ReportingOwner, Row } from './model';
import { rowFootnoteIds } from './model';
import { codeInfo } from './codes';
import { dec } from './decimal';
import { rowValue } from './derived';
import { code, val } from './fields';
import { fmtAmount, fmtDate, fmtMoney, fmtPrice, MONTHS } from './format';

/** An amount of shares for prose: as written, less the zeros that end its fraction ("124,155.0000" is 124,155). */
function sharesText(x: string | Big): string {
  const t = typeof x === 'string' ? x : x.toFixed();
  if (!/^-?\d+\.\d*$/.test(t)) return fmtAmount(t);
  let end = t.length;
  while (t[end - 1] === '0') end--;
  return fmtAmount(t.slice(0, t[end - 1] === '.' ? end - 1 : end));
}
import { groupByHolding, holdingKey, normTitle } from './holdings';
import { tallyFiling } from './tally';
import { nameTable } from './lookup';

// ---------------------------------------------------------------------------------------------- owner names

const ENTITY =
  /,|\b(L\.?\s?P\.?|LLC|L\.?L\.?C\.?|Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Limited|Fund|Funds|Trust|Partners|Partnership|Capital|Holdings?|Group|Management|Advisors|Advisers|Investments?|Ventures|Bank|plc|N\.V\.|S\.A\.|GmbH|AG|Foundation|Associates|Equity|Opportunit\w*|Master|Offshore|Onshore|Estate|Securities|Financial|International|Enterprises|Technologies|Family)\b/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|v|md|phd|esq)\.?$/i;

function bare(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9\u00c0-\u024f'-]/g, '');
}

/**
 * Names a signature gives: the signer (after "/s/", before a comma) and whom an attorney-in-fact signs for
 * ("Attorney-in-Fact for Reid G. Hoffman", "by Power of Attorney For: Elon Musk").
 */
function signatureNames(text: string): string[] {
  const out: string[] = [];
  const forWhom = /(?:attorney[- ]in[- ]fact|attorney|agent|on behalf)\s+(?:for|of)\b:?([^,;/()]+)|\bfor:([^,;/()]+)/gi;
  for (const m of text.matchAll(forWhom)) {
    const who = (m[1] ?? m[2]).trim();
    if (who) out.push(who);
  }
  const parts = text.split(/\/s\//i);
  const signed = parts.length > 1 ? parts.slice(1) : [text];
  for (const p of signed) {
    const name = p
      .replace(/^\s*(by:?\s*)/i, '')
      .split(/[,;(]|\s(?:by|for):?\s/i)[0]
      .trim();
    if (name) out.push(name);
  }
  return out;
}

/** "JR" -> "Jr", "PETER" -> "Peter"; initials ("E", "E."), roman numerals and mixed-case words as they are. */
function titleCase(word: string): string {
  if (/^\p{Lu}\.?$/u.test(word) || word !== word.toUpperCase() || /^[IVX]+$/.test(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/**
 * The owner's name for reading: "Benton Todd E" -> "Todd E. Benton" when a signature confirms it (see the module
 * comment), else exactly as EDGAR has it.
 */
export function ownerName(filing: Filing, owner: ReportingOwner): string {
  const raw = val(owner.name);
  if (!raw) return '(name not given)';
  if (ENTITY.test(raw)) return raw;
  const tokens = raw.split(/\s+/);
  const suffixes: string[] = [];
  while (tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1])) suffixes.unshift(tokens.pop()!);
  if (tokens.length < 2) return raw;
  const uncertain = owner.name.uncertain === true;
  // EDGAR writes some names in capitals ("THIEL PETER"): the signature's spelling is used for the words it confirms,
  // and the words it leaves out (a middle name, a suffix) are put in its case.
  const capitals = raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  const recase = (t: string) => (capitals ? titleCase(t) : t);
  for (const sig of filing.signatures) {
    const text = val(sig.name);
    if (!text) continue;
    for (const cand of signatureNames(text)) {
      let ct = cand.split(/\s+/).filter(Boolean);
      const sigSuffixes: string[] = [];
      while (ct.length > 2 && SUFFIX.test(ct[ct.length - 1])) {
        sigSuffixes.unshift(ct[ct.length - 1]);
        ct = ct.slice(0, -1);
      }
      if (ct.length < 2) continue;
      if (bare(ct[ct.length - 1]) !== bare(tokens[0]) || bare(ct[0]) !== bare(tokens[1])) continue;
      const em = tokens.slice(2);
      const cm = ct.slice(1, -1);
      const suffix = suffixes.length ? ' ' + (sigSuffixes.length ? sigSuffixes : suffixes.map(recase)).join(' ') : '';
      if (cm.length === 0) return [ct[0], ...em.map(recase), ct[ct.length - 1]].join(' ') + suffix;
      if (cm.length === em.length && (uncertain || cm.every((t, i) => bare(t)[0] === bare(em[i])[0])))
        return ct.join(' ') + suffix;
    }
  }
  return raw;
}

function roles(o: ReportingOwner): string[] {
  const r: string[] = [];
  if (o.isDirector.value) r.push('Director');
  if (o.isTenPercentOwner.value) r.push('10% owner');
  if (o.isOfficer.value) r.push(val(o.officerTitle) ?? 'officer');
  if (o.isOther.value) r.push(val(o.otherText) ?? 'other relationship');
  return r;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ownerWithRole(filing: Filing, o: ReportingOwner): string {
  const r = roles(o);
  return `${ownerName(filing, o)}${r.length ? ` (${joinAnd(r)})` : ''}`;
}

// ---------------------------------------------------------------------------------------------- footnotes

function footnoteText(filing: Filing, id: string): string | null {
  const f = filing.footnotes.find((x) => (x.id.value ?? x.id.raw) === id);
  return f ? val(f.text) : null;
}

function rowNotes(filing: Filing, row: Row): { id: string; text: string }[] {
  return rowFootnoteIds(row)
    .map((id) => ({ id, text: footnoteText(filing, id) ?? '' }))
    .filter((n) => n.text);
}

function fieldNotes(filing: Filing, f: Field<unknown>): { id: string; text: string }[] {
  return f.footnotes.map((r) => ({ id: r.id, text: footnoteText(filing, r.id) ?? '' })).filter((n) => n.text);
}

const NUM = String.raw`\$?\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)`;
const RANGE = new RegExp(
  String.raw`(?:from|between)\s+(?:a\s+low\s+of\s+)?${NUM}\s+(?:to|and|through)\s+(?:a\s+high\s+of\s+)?${NUM}`,
  'gi',
);

/** Weighted-average note of a row: its footnote id and the one price range the footnote states (if exactly one). */
function weightedAverage(filing: Filing, row: Row): { id: string; range: [string, string] | null } | null {
  const notes = [...fieldNotes(filing, row.transactionPricePerShare), ...rowNotes(filing, row)];
  const n = notes.find((x) => /weighted[-\s]+average/i.test(x.text));
  if (!n) return null;
  const ranges = [...n.text.matchAll(RANGE)];
  if (ranges.length !== 1) return { id: n.id, range: null };
  return { id: n.id, range: [ranges[0][1].replace(/,/g, ''), ranges[0][2].replace(/,/g, '')] };
}

const MONTH_RE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const LONG_DATE = new RegExp(String.raw`(${MONTH_RE})\s+(\d{1,2}),\s*(\d{4})`);
const NUM_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4})/;

function dateIn(text: string): string | null {
  const m = LONG_DATE.exec(text);
  if (m) {
    const i = MONTHS.findIndex((x) => m[1].toLowerCase().startsWith(x.toLowerCase()));
    if (i >= 0) return `${MONTHS[i]} ${Number(m[2])}, ${m[3]}`;
  }
  const n = NUM_DATE.exec(text);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= 12) return `${MONTHS[Number(n[1]) - 1]} ${Number(n[2])}, ${n[3]}`;
  return null;
}

/** "under a Rule 10b5-1 trading plan[ adopted Nov 15, 2023]" when a footnote of the row says so. */
function planPhrase(filing: Filing, row: Row): string | null {
  // A footnote that says a sale was NOT under a plan names the rule too: those are left out.
  const n = rowNotes(filing, row).find(
    (x) => /10b5-?1/i.test(x.text) && !/\b(not|no|neither|nor)\b[^.;]{0,60}10b5-?1/i.test(x.text),
  );
  if (!n) return null;
  const adopted = /adopted\s+(?:by\s+the\s+reporting\s+person\s+)?(?:on\s+)?([^.;]*)/i.exec(n.text);
  const d = adopted ? dateIn(adopted[1].slice(0, 40)) : null;
  return `under a Rule 10b5-1 trading plan${d ? ` adopted ${d}` : ''}`;
}

// ---------------------------------------------------------------------------------------------- holdings

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
function ownershipPhrase(filing: Filing, row: Row, joint = false): string {
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
function unitsOf(row: Row): { noun: string; title: string } {
  return unitsOfTitle(val(row.securityTitle), row.table === 'derivative');
}

/** The units a security's title counts: "shares of Common Stock", or the title itself where it names them. */
function unitsOfTitle(given: string | null, derivative: boolean): { noun: string; title: string } {
  const title = given ?? 'a security whose title is not given';
  const named = derivative
    ? /\b(shares|units?|rsus?|psus?|awards?|interests|ads|adss|depositary|warrants?|options?|notes?|rights?|swaps?|calls?|puts?)\b/i
    : /\b(shares|units|interests|ads|adss|depositary|warrants|options|notes|rights)\b/i;
  if (named.test(title) || !given) return { noun: title, title };
  return { noun: 'shares', title: `shares of ${title}` };
}

/** Derivative titles that name a conversion (preferred stock, notes, another class of stock) or an exercise. */
const CONVERTS = /\b(?:preferred|convertible|notes?|debentures?|class\s+[A-Z]|units?\s+of\s+limited)\b/i;
const EXERCISED = /\b(?:options?|warrants?|rights?\s+to\s+(?:buy|purchase|sell)|sars?|appreciation\s+rights?)\b/i;

function derivDetails(row: Row): string {
  if (row.table !== 'derivative') return '';
  const parts: string[] = [];
  const p = val(row.conversionOrExercisePrice);
  // The form's column is "Conversion or Exercise Price": named by what the security does where its title says it.
  const title = val(row.securityTitle) ?? '';
  const which =
    code(row.transactionCode) === 'C' || CONVERTS.test(title)
      ? 'conversion price'
      : EXERCISED.test(title) || code(row.transactionCode) === 'M' || code(row.transactionCode) === 'X'
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
function amountOf(rows: Row[]): { text: string; total: Big | null } {
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
function pricePhrase(filing: Filing, rows: Row[], notes: string[]): string {
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

// ---------------------------------------------------------------------------------------------- clauses

interface Clause {
  /** The verb phrase, e.g. "sold 5,000 shares of Common Stock at $41.88 ($209,400.00)". */
  text: string;
  /** The parenthetical after it, e.g. "open market or private sale, code S". */
  paren: string;
}

/** Purpose of a code F withholding, from the row's footnotes. */
function withholding(filing: Filing, row: Row): { verb: string; purpose: string } {
  const t = rowNotes(filing, row)
    .map((n) => n.text)
    .join(' ');
  const verb = /withh[oe]ld/i.test(t)
    ? 'withheld'
    : /deliver|surrender|tender/i.test(t)
      ? 'delivered'
      : 'withheld or delivered';
  let purpose = 'to pay an exercise price or taxes';
  if (/exercise\s+price/i.test(t) && !/tax/i.test(t)) purpose = 'to pay the exercise price';
  else if (/tax/i.test(t)) {
    purpose = 'to pay taxes';
    if (/\bvest/i.test(t)) purpose += ' on vesting';
    else if (/settle/i.test(t)) purpose += ' on settlement';
    else if (/exercise/i.test(t)) purpose += ' on exercise';
  }
  return { verb, purpose };
}

const SHORT_MEANING = nameTable({
  P: 'open market or private purchase',
  S: 'open market or private sale',
  A: 'grant or award',
  D: 'disposition to the issuer',
  I: 'discretionary transaction under Rule 16b-3(f)',
  M: 'exercise or conversion of a derivative security',
  C: 'conversion of a derivative security',
  E: 'expiration of a short derivative position',
  H: 'expiration or cancellation with value received',
  O: 'exercise of an out-of-the-money derivative security',
  X: 'exercise of an in-the-money or at-the-money derivative security',
  G: 'bona fide gift',
  L: 'small acquisition under Rule 16a-6',
  W: 'by will or the laws of descent and distribution',
  Z: 'deposit into or withdrawal from a voting trust',
  J: 'other acquisition or disposition',
  U: 'tender of shares in a change of control',
});

function derivNoun(title: string | null): string {
  const t = title ?? '';
  if (/option/i.test(t)) return 'options';
  if (/warrant/i.test(t)) return 'warrants';
  if (/restricted\s+stock\s+units?|\bRSUs?\b/i.test(t)) return 'restricted stock units';
  if (/performance/i.test(t) && /units?|shares/i.test(t)) return 'performance units';
  return t || 'a derivative security';
}

/** "4,025,764 shares of Series C-1 Preferred Stock" / "60,000 Stock Option (right to buy)": a count of a security. */
function countOf(amount: Big | string, title: string | null): string {
  const t = title ?? 'a security whose title is not given';
  const named = /\b(shares|units?|interests|options?|warrants?|rights?|notes?|ads|adss|depositary)\b/i.test(t);
  return `${sharesText(amount)} ${named ? t : `shares of ${t}`}`;
}

/** Sum of a field over rows, exact; null when one of them has no number. */
function sumOf(rows: Row[], amount: (r: Row) => string | null): Big | null {
  let total: Big | null = dec('0');
  for (const r of rows) {
    const a = dec(amount(r));
    total = total && a ? total.plus(a) : null;
  }
  return total;
}

/**
 * The Table I acquisition of an exercise or conversion said with the Table II rows that produced it (paired by
 * `pairExercises`, so their underlying amounts add up to it). Different securities are never merged: each is named
 * with its own amount, and a price is given only where the rows of a lot share it.
 */
function exerciseText(c: string, derivs: Row[], amount: { text: string; total: Big | null }): string {
  const lots = new Map<string, Row[]>();
  for (const d of derivs) {
    const k = `${normTitle(val(d.securityTitle))}\u0001${d.table === 'derivative' ? (val(d.conversionOrExercisePrice) ?? '') : ''}`;
    const l = lots.get(k);
    if (l) l.push(d);
    else lots.set(k, [d]);
  }
  const title = (d: Row) => val(d.securityTitle);
  const priceOf = (d: Row) => (d.table === 'derivative' ? val(d.conversionOrExercisePrice) : null);
  if (c === 'C') {
    const parts = [...lots.values()].map((l) => {
      const n = sumOf(l, (r) => val(r.transactionShares));
      return n ? countOf(n, title(l[0])) : `${title(l[0]) ?? 'a derivative security'} (number not given)`;
    });
    return `converted ${joinAnd(parts)} into ${amount.text}`;
  }
  const d0 = derivs[0];
  const verb =
    /restricted|units?/i.test(title(d0) ?? '') && !/option|warrant/i.test(title(d0) ?? '') ? 'settled' : 'exercised';
  const cost = (l: Row[]) => {
    const ep = dec(priceOf(l[0]));
    const n = sumOf(l, (r) =>
      r.table === 'derivative' ? (val(r.underlyingSecurityShares) ?? val(r.transactionShares)) : null,
    );
    return ep && n && !ep.eq(0) ? n.times(ep) : null;
  };
  if (lots.size === 1) {
    const ep = priceOf(d0);
    const pr = ep ? ` at ${fmtPrice(ep)}` : '';
    const ec = dec(ep);
    const total = amount.total && ec && !ec.eq(0) ? ` (${fmtMoney(amount.total.times(ec))})` : '';
    return `${verb} ${derivNoun(title(d0))} for ${amount.text}${pr}${total}`;
  }
  let total: Big | null = dec('0');
  const parts = [...lots.values()].map((l) => {
    const n = sumOf(l, (r) =>
      r.table === 'derivative' ? (val(r.underlyingSecurityShares) ?? val(r.transactionShares)) : null,
    );
    const ep = priceOf(l[0]);
    const t = cost(l);
    total = total && t ? total.plus(t) : null;
    return `${derivNoun(title(l[0]))} for ${n ? sharesText(n) : 'a number not given of'} shares${ep ? ` at ${fmtPrice(ep)}` : ''}`;
  });
  const totalText = total && !(total as Big).eq(0) ? ` (${fmtMoney(total)} in total)` : '';
  return `${verb} ${joinAnd(parts)}${totalText}, acquiring ${amount.text}`;
}

/** One clause for same-day rows of one holding and one code. */
function clause(filing: Filing, rows: Row[], pairedWith: Row[] | null, soldThem = false): Clause {
  const r0 = rows[0];
  const c = code(r0.transactionCode);
  const ad = code(r0.transactionAcquiredDisposedCode);
  const info = codeInfo(c);
  const notes: string[] = [];
  const amount = amountOf(rows);
  const price = pricePhrase(filing, rows, notes);
  const plan = planPhrase(filing, r0);
  const swap = rows.some((r) => r.equitySwapInvolved.value === true) ? ' through an equity swap' : '';
  let meaning = (c && SHORT_MEANING[c]) || '';
  let text: string;
  const acq = ad === 'A';
  const disp = ad === 'D';
  const either = (a: string, d: string, none: string) => (acq ? a : disp ? d : none);
  if (!c) {
    text = either(
      `acquired ${amount.text}${price}`,
      `disposed of ${amount.text}${price}`,
      `reported a transaction in ${amount.text}${price}`,
    );
    meaning = '';
    notes.push('transaction code not given');
  } else if (!info || !info.xml) {
    text = either(
      `acquired ${amount.text}${price}`,
      `disposed of ${amount.text}${price}`,
      `reported a transaction in ${amount.text}${price}`,
    );
    meaning = `code ${c} is not a Form 4 transaction code`;
  } else {
    switch (c) {
      case 'P':
        text = acq
          ? `bought ${amount.text}${price}`
          : either('', `disposed of ${amount.text}${price}`, `reported a purchase of ${amount.text}${price}`);
        break;
      case 'S':
        text = disp
          ? soldThem
            ? `sold them the same day${price}`
            : `sold ${amount.text}${price}`
          : either(`acquired ${amount.text}${price}`, '', `reported a sale of ${amount.text}${price}`);
        break;
      case 'A':
        text = acq
          ? `${filing.reportingOwners.length > 1 ? 'were' : 'was'} granted ${amount.text}${price}`
          : either('', `disposed of ${amount.text}${price}`, `reported a grant of ${amount.text}${price}`);
        break;
      case 'D':
        text = disp
          ? `disposed of ${amount.text} to the issuer${price}`
          : either(`acquired ${amount.text}${price}`, '', `reported ${amount.text}${price}`);
        meaning = 'Rule 16b-3(e)';
        break;
      case 'F': {
        const w = withholding(filing, r0);
        text = disp
          ? `had ${amount.text} ${w.verb}${price} ${w.purpose}`
          : either(`acquired ${amount.text}${price}`, '', `reported ${amount.text}${price} ${w.purpose}`);
        meaning = '';
        break;
      }
      case 'G':
        text = either(
          `received ${amount.text} as a gift`,
          `gave ${amount.text} as a gift`,
          `reported a gift of ${amount.text}`,
        );
        if (price && !/at \$0(\.0+)? ?/.test(price)) text += price;
        break;
      case 'M':
      case 'X':
      case 'O':
      case 'C':
        if (r0.table === 'nonDerivative' && pairedWith && pairedWith.length) {
          text = exerciseText(c, pairedWith, amount);
          notes.length = 0;
          meaning = '';
        } else if (r0.table === 'nonDerivative') {
          text = either(
            `acquired ${amount.text}${price} by ${c === 'C' ? 'converting' : 'exercising'} a derivative security`,
            `disposed of ${amount.text}${price}`,
            `reported ${amount.text}${price}`,
          );
        } else {
          text = either(
            `acquired ${amount.text}${price}`,
            `${c === 'C' ? 'converted' : 'exercised'} ${amount.text}${price}`,
            `reported ${amount.text}${price}`,
          );
        }
        break;
      case 'H':
        text = `had ${amount.text} expire or be cancelled${price}`;
        meaning = 'with value received';
        break;
      case 'E':
        text = `had ${amount.text} expire`;
        meaning = 'expiration of a short derivative position';
        break;
      case 'Z':
        text = either(
          `withdrew ${amount.text} from a voting trust`,
          `deposited ${amount.text} into a voting trust`,
          `reported a voting trust transaction in ${amount.text}`,
        );
        meaning = '';
        break;
      case 'W':
        text = either(
          `acquired ${amount.text}${price}`,
          `disposed of ${amount.text}${price}`,
          `reported ${amount.text}${price}`,
        );
        break;
      case 'U':
        text = either(
          `acquired ${amount.text}${price}`,
          `tendered ${amount.text}${price}`,
          `reported ${amount.text}${price}`,
        );
        meaning = 'in a change of control';
        break;
      default:
        text = either(
          `acquired ${amount.text}${price}`,
          `disposed of ${amount.text}${price}`,
          `reported ${amount.text}${price}`,
        );
    }
    if (!text) text = `${acq ? 'acquired' : 'disposed of'} ${amount.text}${price}`;
    if (c === 'J') {
      const fn = [...r0.codingFootnotes.map((x) => x.id), ...rowFootnoteIds(r0)];
      const id = fn.find((i) => footnoteText(filing, i));
      const t = id ? footnoteText(filing, id)! : null;
      if (t && t.length <= 200) meaning += `, explained in footnote ${id}: "${t.replace(/\.$/, '')}"`;
      else if (id) meaning += `, explained in footnote ${id}`;
      else meaning += ', not explained in a footnote';
    }
  }
  if (!acq && !disp) notes.push('acquired or disposed not given');
  text += swap;
  const codeText = c ? `code ${c}` : '';
  const mp = [meaning && plan ? `${meaning} ${plan}` : meaning || plan || '', codeText].filter(Boolean).join(', ');
  const paren = [...notes, mp].filter(Boolean).join('; ');
  return { text, paren };
}

function clauseText(c: Clause): string {
  return c.paren ? `${c.text} (${c.paren})` : c.text;
}

// ---------------------------------------------------------------------------------------------- pairing

const EXERCISE_CODES: ReadonlySet<string> = new Set(['M', 'X', 'O', 'C']);
/** Above this many candidate rows, only the obvious groupings are tried (all of them; those of one ownership form). */
const MAX_SUBSET_SEARCH = 12;

/** The number of underlying shares a Table II row gave up (its underlying amount, else its own amount). */
function underlyingOf(d: Row): Big | null {
  return d.table === 'derivative' ? (dec(val(d.underlyingSecurityShares)) ?? dec(val(d.transactionShares))) : null;
}

function sameOwnership(a: Row, b: Row): boolean {
  const ids = (r: Row) =>
    [...r.directOrIndirectOwnership.footnotes, ...r.natureOfOwnership.footnotes]
      .map((x) => x.id)
      .sort()
      .join(',');
  return code(a.directOrIndirectOwnership) === code(b.directOrIndirectOwnership) && ids(a) === ids(b);
}

/** Rows of `pool` whose amounts add up to `target` exactly: a grouping in one ownership form first, then fewer rows. */
function rowsAddingUpTo(pool: Row[], target: Big, like: Row): Row[] | null {
  const amounts = pool.map(underlyingOf);
  const sum = (rows: number[]) => {
    let t: Big | null = dec('0');
    for (const i of rows) t = t && amounts[i] ? t.plus(amounts[i]!) : null;
    return t;
  };
  const all = pool.map((_, i) => i);
  const same = all.filter((i) => sameOwnership(pool[i], like));
  const obvious = [same, all, ...all.map((i) => [i])].filter((x) => x.length > 0);
  if (pool.length > MAX_SUBSET_SEARCH) {
    const hit = obvious.find((x) => sum(x)?.eq(target));
    return hit ? hit.map((i) => pool[i]) : null;
  }
  let best: { rows: number[]; score: number } | null = null;
  for (let mask = 1; mask < 1 << pool.length; mask++) {
    const rows = all.filter((i) => mask & (1 << i));
    const score = (rows.every((i) => sameOwnership(pool[i], like)) ? 0 : 100) + rows.length;
    if (best && score >= best.score) continue;
    if (sum(rows)?.eq(target)) best = { rows, score };
  }
  return best ? best.rows.map((i) => pool[i]) : null;
}

/**
 * Table II exercises and conversions (M, X, O, C; disposed of) tied to the Table I acquisition they produced: same
 * code and day, an underlying security of the acquisition's title, and underlying amounts that add up to the
 * acquisition exactly. Rows that do not add up to any acquisition are left to be said on their own.
 */
function pairExercises(filing: Filing): Map<Row, Row[]> {
  const paired = new Map<Row, Row[]>();
  const used = new Set<Row>();
  const derivs = filing.derivative.filter((d) => {
    const c = code(d.transactionCode);
    return d.kind === 'transaction' && !!c && EXERCISE_CODES.has(c) && code(d.transactionAcquiredDisposedCode) === 'D';
  });
  for (const r of filing.nonDerivative) {
    const c = code(r.transactionCode);
    const target = dec(val(r.transactionShares));
    if (r.kind !== 'transaction' || !c || !EXERCISE_CODES.has(c) || !target) continue;
    if (code(r.transactionAcquiredDisposedCode) !== 'A') continue;
    const title = normTitle(val(r.securityTitle));
    const pool = derivs.filter((d) => {
      if (used.has(d) || code(d.transactionCode) !== c || dayOf(d) !== dayOf(r)) return false;
      const under = d.table === 'derivative' ? normTitle(val(d.underlyingSecurityTitle)) : '';
      return !under || under === title;
    });
    const rows = rowsAddingUpTo(pool, target, r);
    if (!rows) continue;
    paired.set(r, rows);
    for (const d of rows) used.add(d);
  }
  return paired;
}

// ---------------------------------------------------------------------------------------------- sentences

/** The row of a holding's rows that the running tally ends with (else the last in document order). */
function lastOf(filing: Filing, rows: Row[]): Row {
  const g = tallyFiling(filing).find((x) => x.key === holdingKey(rows[0]));
  if (g && g.skipped.length === 0) {
    const set = new Set(rows);
    for (let i = g.ordered.length - 1; i >= 0; i--) if (set.has(g.ordered[i].row)) return g.ordered[i].row;
  }
  return rows[rows.length - 1];
}

/** What is held after a day's rows: "holds 133,612 shares directly afterwards"; in a joint filing, by whom as the filing says. */
function heldAfter(filing: Filing, row: Row, unitNoun: string, joint: boolean): string {
  const owned = val(row.sharesOwnedFollowingTransaction);
  const form = ownershipPhrase(filing, row, joint);
  const direct = form === 'directly';
  const value = val(row.valueOwnedFollowingTransaction);
  if (joint) {
    if (owned && dec(owned))
      return `afterwards ${sharesText(owned)} ${unitNoun} ${dec(owned)!.eq(1) ? 'is' : 'are'} held ${form}`;
    if (value) return `afterwards ${unitNoun} worth ${fmtPrice(value)} are held ${form}`;
  } else {
    if (owned && dec(owned))
      return direct
        ? `holds ${sharesText(owned)} ${unitNoun} directly afterwards`
        : `holds ${sharesText(owned)} ${unitNoun} afterwards, held ${form}`;
    if (value)
      return `holds ${unitNoun} worth ${fmtPrice(value)} ${direct ? 'directly ' : ''}afterwards${direct ? '' : `, held ${form}`}`;
  }
  const fn = row.sharesOwnedFollowingTransaction.footnotes.map((r) => r.id);
  return `the amount held afterwards (${form}) is ${fn.length ? `in footnote ${fn.join(', ')}` : 'not given'}`;
}

/** A holding for a list: "4,200 shares of Common Stock directly"; in a joint filing "... held directly by X (footnote F2)". */
function heldNow(filing: Filing, row: Row, joint = false): string {
  const u = unitsOf(row);
  const owned = val(row.sharesOwnedFollowingTransaction);
  const form = ownershipPhrase(filing, row, joint);
  const what = `${u.title}${derivDetails(row)}`;
  const how = form === 'directly' ? 'directly' : `held ${form}`;
  if (owned && dec(owned)) return `${sharesText(owned)} ${what} ${how}`;
  const value = val(row.valueOwnedFollowingTransaction);
  if (value) return `${what} worth ${fmtPrice(value)} ${how}`;
  // Form 3's Table II has no column for the amount owned: a holding's amount is that of the underlying securities.
  if (row.table === 'derivative') {
    const underlying = val(row.underlyingSecurityShares);
    const title = val(row.underlyingSecurityTitle);
    const of = title ? unitsOfTitle(title, false).title : 'underlying securities';
    if (underlying && dec(underlying))
      return `${val(row.securityTitle) ?? u.title} on ${sharesText(underlying)} ${of}${derivDetails(row)} ${how}`;
  }
  const fn = row.sharesOwnedFollowingTransaction.footnotes.map((r) => r.id);
  return `${what} ${how} (amount ${fn.length ? `in footnote ${fn.join(', ')}` : 'not given'})`;
}

function dayOf(r: Row): string {
  return (val(r.transactionDate) ?? '').slice(0, 10);
}

/** Plain-language sentences about the filing (see the module comment). Never throws. */
export function summarize(filing: Filing): string[] {
  try {
    // A name or holder ending in an abbreviation ("L.P.") closes its sentence with its own period.
    return sentences(filing).map((x) => x.replace(/\.\.(?=\s|$)/g, '.'));
  } catch (e) {
    return [`(No summary: ${e instanceof Error ? e.message : String(e)})`];
  }
}

function sentences(filing: Filing): string[] {
  const out: string[] = [];
  const owners = filing.reportingOwners;
  const type = (val(filing.documentType) ?? '').toUpperCase();
  const form3 = type.startsWith('3');
  let subject: string;
  let subjectFirst: string;
  if (owners.length === 0) {
    subject = subjectFirst = 'The reporting person (not named)';
  } else if (owners.length === 1) {
    subjectFirst = ownerWithRole(filing, owners[0]);
    subject = ownerName(filing, owners[0]);
  } else {
    // The rows of a joint filing are reported by the group: who holds each amount is said only where the filing
    // says it (ownershipPhrase).
    out.push(`Filed jointly by ${joinAnd(owners.map((o) => ownerWithRole(filing, o)))}.`);
    subject = subjectFirst = 'The reporting persons';
  }
  const issuer = val(filing.issuer.name);
  const symbol = val(filing.issuer.tradingSymbol);
  const issuerText = issuer ? `${issuer}${symbol ? ` [${symbol}]` : ''}` : 'the issuer';
  if (type.endsWith('/A')) {
    const d = val(filing.dateOfOriginalSubmission);
    out.push(`This is an amendment of the filing of ${d ? fmtDate(d) : 'a date not given'}.`);
  }
  let first = true;
  const who = () => {
    const s = first ? subjectFirst : subject;
    first = false;
    return s;
  };
  if (form3) {
    const period = val(filing.periodOfReport);
    if (
      filing.noSecuritiesOwned.value === true ||
      (filing.nonDerivative.length === 0 && filing.derivative.length === 0)
    )
      out.push(
        `${who()} ${owners.length > 1 ? 'own' : 'owns'} no securities of ${issuerText}${period ? ` as of ${fmtDate(period)}` : ''} (initial statement).`,
      );
  }

  const joint = owners.length > 1;
  const all = [...filing.nonDerivative, ...filing.derivative];
  const transactions = all.filter((r) => r.kind === 'transaction');
  // Table II exercises and conversions paired with the Table I acquisition they produced.
  const paired = pairExercises(filing);
  const consumed = new Set<Row>([...paired.values()].flat());

  // Holdings in first-appearance order; per holding, days in date order; per day, codes in first-appearance order.
  const byHolding = groupByHolding(transactions.filter((r) => !consumed.has(r)));
  const plan = filing.aff10b5One.value === true && !transactions.some((r) => planPhrase(filing, r));
  for (const rows of byHolding.values()) {
    const days = [...new Set(rows.map(dayOf))].sort();
    for (const day of days) {
      const dayRows = rows.filter((r) => dayOf(r) === day);
      const byCode = new Map<string, Row[]>();
      for (const r of dayRows) {
        const k = `${code(r.transactionCode) ?? ''}|${code(r.transactionAcquiredDisposedCode) ?? ''}`;
        const l = byCode.get(k) ?? [];
        l.push(r);
        byCode.set(k, l);
      }
      // An exercise group says only what its paired Table II rows add up to: paired and unpaired rows apart.
      const groups = [...byCode.values()].flatMap((g) => {
        const withPair = g.filter((r) => paired.has(r));
        return withPair.length && withPair.length < g.length ? [withPair, g.filter((r) => !paired.has(r))] : [g];
      });
      const parts: string[] = [];
      const date = day ? fmtDate(day) : 'a date not given';
      // A deemed execution date that is the transaction's own date adds nothing (filers repeat it).
      const deemed = [
        ...new Set(
          dayRows.map((r) => val(r.deemedExecutionDate)).filter((x): x is string => !!x && x.slice(0, 10) !== day),
        ),
      ];
      const dateText = `on ${date}${deemed.length ? ` (deemed executed ${joinAnd(deemed.map((d) => fmtDate(d)))})` : ''}`;
      const exercise = groups.find((g) => paired.has(g[0]));
      if (exercise) {
        const derivs = exercise.flatMap((r) => paired.get(r) ?? []);
        parts.push(clauseText(clause(filing, exercise, derivs)));
        const exercised = amountOf(exercise).total;
        for (const g of groups) {
          if (g === exercise) continue;
          const sold = amountOf(g).total;
          const them =
            code(g[0].transactionCode) === 'S' &&
            code(g[0].transactionAcquiredDisposedCode) === 'D' &&
            !!exercised &&
            !!sold &&
            sold.eq(exercised);
          parts.push(clauseText(clause(filing, g, null, them)));
        }
      } else {
        for (const g of groups) parts.push(clauseText(clause(filing, g, null)));
      }
      const last = lastOf(filing, dayRows);
      const u = unitsOf(last);
      let s = `${who()} ${joinAnd(parts)} ${dateText}, and ${heldAfter(filing, last, u.noun, joint)}.`;
      if (exercise) {
        const derivs = exercise.flatMap((r) => paired.get(r) ?? []);
        const after = derivs.map((d) => heldNow(filing, d, joint));
        if (after.length)
          s += joint
            ? ` Afterwards the filing reports ${joinAnd(after)}.`
            : ` Afterwards ${subject} holds ${joinAnd(after)}.`;
      }
      out.push(s);
    }
  }
  if (plan)
    out.push('The Rule 10b5-1 box is checked: at least one of these transactions was made under a trading plan.');

  // Holdings without transactions.
  const holdings = all.filter((r) => r.kind === 'holding');
  if (holdings.length) {
    const MAX_LISTED = 6;
    const items = holdings.slice(0, MAX_LISTED).map((r) => heldNow(filing, r, joint));
    if (holdings.length > MAX_LISTED) items.push(`${holdings.length - MAX_LISTED} more holdings listed in the tables`);
    const period = val(filing.periodOfReport);
    if (joint)
      out.push(
        `The filing ${transactions.length ? 'also ' : ''}reports ${joinAnd(items)}${period && form3 ? ` as of ${fmtDate(period)} (initial statement)` : ''}.`,
      );
    else if (form3)
      out.push(
        `${who()} ${owners.length > 1 ? 'hold' : 'holds'} ${joinAnd(items)}${period ? ` as of ${fmtDate(period)}` : ''} (initial statement).`,
      );
    else
      out.push(
        `${who()}${transactions.length ? ' also' : ''} ${owners.length > 1 ? 'hold' : 'holds'} ${joinAnd(items)}.`,
      );
  }
  if (filing.notSubjectToSection16.value === true)
    out.push(`${subject} ${owners.length > 1 ? 'are' : 'is'} no longer subject to Section 16.`);
  if (out.length === 0) out.push(`${who()} reports no transactions or holdings in ${issuerText}.`);
  return out;
}
