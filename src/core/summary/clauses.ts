/** One clause per code: what a day's rows of one holding and one code did, in the code's own verb. */
import type Big from 'big.js';
import type { Filing, Row } from '../model';
import { rowFootnoteIds } from '../model';
import { codeInfo } from '../codes';
import { dec } from '../decimal';
import { code, rowLabel, val } from '../fields';
import { describeCodeJ } from '../code-j';
import { fmtMoney, fmtPrice } from '../format';
import { normTitle } from '../holdings';
import { nameTable } from '../lookup';
import { footnoteText, planPhrase, rowNotes } from './footnotes';
import { amountOf, pricePhrase, sharesText } from './holdings';
import { joinAnd } from './owners';

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
export function countOf(amount: Big | string, title: string | null): string {
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
export function clause(filing: Filing, rows: Row[], pairedWith: Row[] | null, soldThem = false): Clause {
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
    if (c === 'J') meaning += jExplanation(filing, r0);
  }
  if (!acq && !disp) notes.push('acquired or disposed not given');
  text += swap;
  const codeText = c ? `code ${c}` : '';
  const mp = [meaning && plan ? `${meaning} ${plan}` : meaning || plan || '', codeText].filter(Boolean).join(', ');
  const paren = [...notes, mp].filter(Boolean).join('; ');
  return { text, paren };
}

/**
 * Where the filing says what a J transaction was (as the rule `code-j-footnote` finds it), quoted when short; a
 * footnote that only says whose holding it is explains nothing, and the sentence says so.
 */
function jExplanation(filing: Filing, row: Row): string {
  const d = describeCodeJ(filing, row);
  if (!d)
    return rowFootnoteIds(row).length ? ', its footnotes not saying what it was' : ', not explained in a footnote';
  if ('remarks' in d) return ', explained in the remarks';
  const t = footnoteText(filing, d.footnote);
  const on = d.otherRow ? ` of ${rowLabel(d.otherRow)}` : '';
  if (t === null) return `, citing footnote ${d.footnote}, which the filing does not give`;
  if (t.length <= 200) return `, explained in footnote ${d.footnote}${on}: "${t.replace(/\.$/, '')}"`;
  return `, explained in footnote ${d.footnote}${on}`;
}

export function clauseText(c: Clause): string {
  return c.paren ? `${c.text} (${c.paren})` : c.text;
}
