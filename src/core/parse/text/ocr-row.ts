/**
 * A table row of OCR text read by the form's structure: the columns of a Form 3, 4 or 5 table come in a fixed
 * order, each with its kind of value (../../form/layout), so the row's tokens (./ocr) are assigned to the boxes by
 * kind and order: a title (words), the transaction date, a code letter, amounts, an A/D letter, a "$" price, the
 * amount owned, D or I, the nature (words). Titles wrapped over the lines above and below the values are joined
 * (in Table II the security's and the underlying's titles wrap side by side: each line's words are shared between
 * them), a line of footnote numbers above the values gives the row's markers, and every box read with doubt says why.
 */
import type { BoxKey } from '../../form/layout';
import type { FootnoteRef } from '../../model';
import type { Piece, TextDoc } from './doc';
import { TRANSACTION_CODES } from '../form/normalize';
import { adOf, codeOf, DIGIT_FOR, diOf, isCode, ocrTokens, type Tok } from './ocr';
import { layoutZones } from './laid-out';
import { continuedBelow } from './row-continued';

/**
 * "MM/DD/YYYY" for a run of 9 or 10 characters that is a date the text writes elsewhere with one or both of its
 * slashes read as a digit or a letter (the other lost) and its digits perhaps as their look-alike letters
 * ("o4n142028"), when exactly one such date fits; else null.
 */
function mangledDate(doc: TextDoc, token: string): string | null {
  if (token.length < 9 || token.length > 10) return null;
  const raw = [...token].map((c) => DIGIT_FOR.get(c) ?? c).join('');
  if (!/^[0-9a-z/]+$/.test(raw) || raw.replace(/\D/g, '').length < 8) return null;
  if (!doc.datesWritten) {
    doc.datesWritten = new Set();
    const t = doc.t.length > 400_000 ? doc.t.slice(0, 400_000) : doc.t;
    for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) {
      if (doc.datesWritten.size >= 1_000) break;
      doc.datesWritten.add(`${m[1].padStart(2, '0')}${m[2].padStart(2, '0')}${m[3]}`);
    }
  }
  // Every way of taking out the one or two characters too many.
  const without = (t: string, i: number) => t.slice(0, i) + t.slice(i + 1);
  const found = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const one = without(raw, i);
    if (one.length === 8) {
      if (doc.datesWritten.has(one)) found.add(one);
    } else for (let j = i; j < one.length; j++) if (doc.datesWritten.has(without(one, j))) found.add(without(one, j));
  }
  if (found.size !== 1) return null;
  const [d] = found;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** Codes as OCR writes them in the shape of another character: an S as an 8, a C as a cent sign. */
const CODE_SHAPES: ReadonlyMap<string, { code: string; shape: string }> = new Map([
  ['8', { code: 'S', shape: 'an S as an 8' }],
  ['¢', { code: 'C', shape: 'a C as a cent sign' }],
]);

/** Words standing in a date box instead of a date. */
const DATE_WORDS = /^(Immediately|Immed\.?|Various|N\/?A|None|Currently|Vested|Upon|Exercisable|See)$/i;

export interface OcrRowInput {
  table: 'nonDerivative' | 'derivative';
  form: string;
  /** Cleaned ranges of the lines above the values, the line of values, the lines below. */
  before: [number, number][];
  main: [number, number];
  after: [number, number][];
}

export interface OcrRowResult {
  boxes: Map<BoxKey, Piece>;
  /** Tokens that fit no box, said where they are. */
  leftover: Tok[];
  /** Markers whose number OCR garbled (the box they were on). */
  garbled: { box: BoxKey; text: string }[];
}

function piece(toks: readonly Tok[], value: string | null, why: string | null, extraRefs: FootnoteRef[] = []): Piece {
  const refs = [...toks.flatMap((t) => t.refs), ...extraRefs];
  return {
    raw: toks.map((t) => t.raw).join(' '),
    start: toks[0].start,
    end: toks[toks.length - 1].end,
    ocr: { value, refs, why },
  };
}

function one(t: Tok, value: string | null = t.norm, why: string | null = t.why): Piece {
  return piece([t], value, why);
}

/** Whether `toks[i]` is an amount right after the words "par value" (a title's, not a price). */
function parValue(toks: readonly Tok[], i: number): boolean {
  return (
    i >= 2 &&
    toks[i].kind === 'amount' &&
    /^par$/i.test(toks[i - 2].raw) &&
    /^value[,:]?$/i.test(toks[i - 1].raw) &&
    /^\$?\d*(?:\.\d+)?$/.test(toks[i].raw)
  );
}

/** Words of a title, from tokens that are words, letters or junk (a title's "A" of "Class A" is a letter). */
function words(toks: readonly Tok[]): string {
  const w = toks.filter((t) => t.kind !== 'marker').map((t) => t.raw);
  // Specks at either end ("( Common Stock", "Trust *=?"): no letter or digit, and not a parenthesis the title closes.
  const speck = (x: string) => !/[A-Za-z0-9]/.test(x);
  const closes = (x: string) => x === ')' && w.some((y) => y.includes('('));
  while (w.length > 1 && speck(w[0]) && !(w[0] === '(' && w.some((y) => y.includes(')')))) w.shift();
  while (w.length > 1 && speck(w[w.length - 1]) && !closes(w[w.length - 1])) w.pop();
  return w.join(' ');
}

/** Split a wrapped line's words between the security's title and the underlying's (they sit side by side). */
function halves(toks: Tok[]): [Tok[], Tok[]] {
  const w = toks.filter((t) => t.kind !== 'marker');
  if (w.length < 2) return [w, []];
  // "Class B Class A": each title starts with a capital word that repeats ("Class", "Common").
  const first = w[0].raw.toLowerCase();
  const again = w.findIndex((t, i) => i > 0 && t.raw.toLowerCase() === first);
  const cut = again > 0 ? again : Math.ceil(w.length / 2);
  return [w.slice(0, cut), w.slice(cut)];
}

/**
 * A wrapped line of a Table II row that has a nature of ownership: three columns wrap side by side, so a line
 * whose first word repeats ("Class B Class A Pacific") holds the security's title, the underlying's (as many
 * words) and then the nature's; a line without that shape is the nature's alone (the taller column).
 */
function thirds(toks: Tok[]): [Tok[], Tok[], Tok[]] {
  const w = toks.filter((t) => t.kind !== 'marker');
  const first = w[0]?.raw.toLowerCase();
  const again = w.findIndex((t, i) => i > 0 && t.raw.toLowerCase() === first);
  if (again <= 0) return [[], [], w];
  return [w.slice(0, again), w.slice(again, 2 * again), w.slice(2 * again)];
}

/** Whether the values line ends with I and words after it: the row has a nature of ownership. */
function natureOnLine(toks: readonly Tok[]): boolean {
  for (let j = toks.length - 1; j >= 0; j--) {
    if (toks[j].kind === 'amount' && toks[j].raw !== '1') return false;
    if (diOf(toks[j]) === 'I') return toks.slice(j + 1).some((t) => t.kind === 'word');
  }
  return false;
}

/** Per line of `ranges`, the tokens of `toks` on it. */
function byLine(toks: readonly Tok[], ranges: readonly [number, number][]): Tok[][] {
  return ranges.map(([a, b]) => toks.filter((t) => t.start >= a && t.start < b));
}

/**
 * A title's closing parenthesis ("(Right to Buy)") that the token reader took for a garbled marker (a lone ")"
 * after a word): with its opening parenthesis earlier in the title, it is the title's own.
 */
function closeParens(toks: readonly Tok[]): void {
  let open = 0;
  for (const t of toks) {
    if (t.kind === 'marker') continue;
    for (const c of t.raw) open += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (open > 0 && t.garbled[0] === ')' && t.end < t.start + 200) {
      t.garbled.shift();
      t.raw += ')';
      t.end += 1;
      open--;
    }
  }
}

export function readOcrRow(doc: TextDoc, input: OcrRowInput): OcrRowResult {
  const { table, form } = input;
  const boxes = new Map<BoxKey, Piece>();
  const garbled: OcrRowResult['garbled'] = [];
  const leftover: Tok[] = [];
  const mainToks = ocrTokens(doc, [input.main]);
  const { more, natureLines } = continuedBelow(doc, table, mainToks, input.after);
  // The lines below that continue the values, read on after them (each range is read on its own).
  const moreToks = ocrTokens(doc, more);
  const toks = [...mainToks, ...moreToks];
  const aboveToks = ocrTokens(doc, input.before);
  const belowToks = ocrTokens(doc, input.after.slice(more.length + natureLines.length));
  // A line of markers above the values ("2 2 1 1"): its small numbers are the row's footnote markers.
  const rowRefs: FootnoteRef[] = [];
  const above = aboveToks.filter((t) => {
    if (t.kind === 'amount' && /^\d{1,2}$/.test(t.raw) && !t.dollar) {
      rowRefs.push({ id: `F${Number(t.raw)}`, span: doc.span(t.start, t.end) });
      return false;
    }
    if (t.kind === 'marker') {
      rowRefs.push(...t.refs);
      return false;
    }
    // Specks beside the markers ("i i (6)"): no title's word is a lone small letter.
    return !(t.kind === 'junk' || (t.kind === 'letter' && /^[a-z]$/.test(t.raw)));
  });
  const mark = (box: BoxKey, t: Tok | Tok[]) => {
    for (const x of Array.isArray(t) ? t : [t]) for (const g of x.garbled) garbled.push({ box, text: g });
  };
  // A date whose slashes OCR read as digits or lost ("101022015" for 10/02/2015), where the text writes that date.
  for (const t of toks) {
    const d = t.kind === 'amount' || t.kind === 'junk' ? mangledDate(doc, t.raw) : null;
    if (!d) continue;
    t.kind = 'date';
    t.norm = d;
    t.why = `"${t.raw}" read as ${d}, a date the text writes elsewhere, its slashes misread or lost (OCR)`;
  }
  let i = 0;
  // 1. The title: words up to the first date, amount or marker; a par value written in it is its own ("Common Stock,
  // par value $0.0001 per share").
  while (
    i < toks.length &&
    (toks[i].kind === 'word' || toks[i].kind === 'letter' || toks[i].kind === 'junk' || parValue(toks, i))
  )
    i++;
  const wordsEnd = i;
  // Markers right after the title are its own.
  let titleEnd = i;
  while (
    i < toks.length &&
    toks[i].kind === 'marker' &&
    !(table === 'derivative' && i + 1 < toks.length && toks[i + 1].kind === 'date')
  ) {
    i++;
    titleEnd = i;
  }
  const titleToks = toks.slice(0, titleEnd);
  const isII = table === 'derivative';
  // A line above that is one title (no word repeats), over a values line whose own title is whole (three words or
  // more, "Stock Option (Right to Buy)"), is the underlying's, wrapped above its last word ("Class B Common").
  const oneTitle = (w: Tok[]) => {
    const words = w.filter((t) => t.kind !== 'marker').map((t) => t.raw.toLowerCase());
    return words.length > 0 && new Set(words).size === words.length;
  };
  const titleWords = titleToks.filter((t) => t.kind !== 'marker').length;
  // Where the lines below continue the values with the underlying's title, the lines above hold the security's
  // title alone ("Class B" / "Common" / "Stock" over "$0.00 (6) (7)", pdftotext -raw's order).
  const underBelow = isII && moreToks.some((t) => t.kind === 'word');
  let [aboveTitle, aboveUnder] = !isII
    ? [above, []]
    : underBelow
      ? [above.filter((t) => t.kind !== 'marker'), []]
      : titleWords >= 3 && oneTitle(above)
        ? [[], above.filter((t) => t.kind !== 'marker')]
        : halves(above);
  // Likewise a line below, when the values line's title closes its parenthesis ("... (Right to Buy)"): only the
  // underlying's last word ("Stock") can still wrap under it.
  const titleText = titleToks.map((t) => t.raw + (t.garbled[0] === ')' ? ')' : '')).join(' ');
  const closed = /\)$/.test(titleText) && titleText.split('(').length === titleText.split(')').length;
  let [belowTitle, belowUnder] = !isII
    ? [[], []]
    : titleWords >= 3 && closed && oneTitle(belowToks)
      ? [[], belowToks.filter((t) => t.kind !== 'marker')]
      : halves(belowToks);
  const aboveNature: Tok[] = [];
  const belowNature: Tok[] = ocrTokens(doc, natureLines);
  const aboveLines = isII ? byLine(above, input.before) : [];
  const belowLines = isII ? byLine(belowToks, input.after) : [];
  // Only a line that shows all three columns side by side says the row wraps that way.
  const threeWide = [...aboveLines, ...belowLines].some((l) => {
    const [t, u, n] = thirds(l);
    return t.length > 0 && u.length > 0 && n.some((x) => x.kind === 'word');
  });
  // Text laid out by columns (pdftotext -layout) keeps each wrapped word under its own column: the columns of the
  // values line say whose it is, where OCR's single spaces leave only the words' order to go by.
  const zones = layoutZones(toks, wordsEnd, input.main[0], doc.t.slice(input.main[0], input.main[1]));
  if (zones) {
    const split = (lines: Tok[][], nature: Tok[]): [Tok[], Tok[]] => {
      const title: Tok[] = [];
      const under: Tok[] = [];
      lines.forEach((line) => {
        for (const t of line) {
          const col = t.start - (doc.cellAt(t.start)?.line.start ?? t.start);
          // A marker standing in the nature's column is the nature's ("LLLP (2)"); elsewhere the row's markers
          // are on its values line.
          if (t.kind === 'marker' && (zones.nature === null || col < zones.nature - 2)) continue;
          // Words between the title's and the nature's columns are Table II's underlying title: no other box
          // holds words (Table I has none there: they are the title's).
          if (col < zones.titleEnd) title.push(t);
          else if (zones.nature !== null && col >= zones.nature - 2) nature.push(t);
          else (isII ? under : title).push(t);
        }
      });
      return [title, under];
    };
    [aboveTitle, aboveUnder] = split(byLine(above, input.before), aboveNature);
    [belowTitle, belowUnder] = split(byLine(belowToks, input.after), belowNature);
  } else if (threeWide && natureOnLine(toks)) {
    const split = (lines: Tok[][], nature: Tok[]): [Tok[], Tok[]] => {
      const parts = lines.map(thirds);
      nature.push(...parts.flatMap((x) => x[2]));
      return [parts.flatMap((x) => x[0]), parts.flatMap((x) => x[1])];
    };
    [aboveTitle, aboveUnder] = split(aboveLines, aboveNature);
    [belowTitle, belowUnder] = split(belowLines, belowNature);
  }
  const titleAll = [...aboveTitle, ...titleToks, ...belowTitle];
  closeParens(titleAll);
  if (titleAll.length) {
    boxes.set('securityTitle', piece(titleAll, words(titleAll) || null, null, rowRefs));
    mark('securityTitle', titleAll);
  } else if (rowRefs.length) leftover.push(...aboveToks.slice(0, 1));
  const rest = toks.slice(i);
  let k = 0;
  const peek = () => rest[k];
  const take = (box: BoxKey, t: Tok, value?: string | null, why?: string | null) => {
    boxes.set(box, one(t, value === undefined ? t.norm : value, why === undefined ? t.why : why));
    mark(box, t);
    k++;
  };
  /** Markers standing alone after a value: they cite it. */
  const markersInto = (box: BoxKey, most = Infinity) => {
    for (let n = 0; n < most && peek()?.kind === 'marker'; n++) {
      const p = boxes.get(box);
      const m = peek();
      if (p?.ocr) {
        p.ocr.refs.push(...m.refs);
        for (const g of m.garbled) garbled.push({ box, text: g });
      }
      k++;
    }
  };
  // 2. Table II: the conversion or exercise price before the transaction date (or a footnote in its place).
  if (isII && form !== '3') {
    const t = peek();
    if (
      t &&
      (t.kind === 'amount' || t.kind === 'marker') &&
      rest.slice(k + 1, k + 3).some((x) => x.kind === 'date' || x.kind === 'amount' || x.kind === 'marker')
    ) {
      if (t.kind === 'amount' && (t.dollar || t.norm.includes('.') || rest[k + 1]?.kind === 'date'))
        take('conversionOrExercisePrice', t);
      else if (t.kind === 'marker' && rest[k + 1]?.kind === 'date') take('conversionOrExercisePrice', t, null, null);
    }
  }
  // 3. The transaction: its date, a deemed date, the code and V.
  const transaction = form !== '3' && peek()?.kind === 'date';
  if (transaction) {
    take('transactionDate', peek());
    if (peek()?.kind === 'date') take('deemedExecutionDate', peek());
    const c = peek();
    // "Go": the code letter, then its footnote marker read as a small "o" or a degree sign.
    const withMark = c && c.kind === 'word' && /^[A-Z][o°º]$/.test(c.raw) && TRANSACTION_CODES.has(c.raw[0]);
    if (c && isCode(c)) take('transactionCode', c, codeOf(c), c.why);
    else if (c && withMark) {
      c.garbled.push(c.raw.slice(1));
      take('transactionCode', c, c.raw[0], `"${c.raw}" read as the code "${c.raw[0]}" and a footnote marker (OCR)`);
    } else if (
      c &&
      c.kind === 'amount' &&
      c.dollar &&
      /^\$\s+\d/.test(c.raw) &&
      rest.slice(k + 1).some((x) => x.kind === 'amount' && x.dollar)
    ) {
      // An S read as "$", the shares after it ("$ 1,630 D $655.3495"): the row's price comes later, and a price is
      // written against its figures.
      const digits = c.raw.search(/\d/);
      const shares: Tok = { ...c, start: c.start + digits, raw: c.raw.slice(digits), dollar: false };
      take(
        'transactionCode',
        { ...c, end: c.start + 1, raw: '$' },
        'S',
        `"$" read as the code "S", the shares following it (OCR)`,
      );
      rest.splice(k, 0, shares);
    } else if (c && CODE_SHAPES.has(c.raw) && rest[k + 1]?.kind === 'amount') {
      // Alone where the code is printed and followed by the shares, it is no amount nor footnote marker.
      const { code, shape } = CODE_SHAPES.get(c.raw)!;
      take(
        'transactionCode',
        c,
        code,
        `"${c.raw}" read as the code "${code}", the shares following it (OCR reads ${shape})`,
      );
    } else if (c && (c.kind === 'junk' || c.kind === 'letter' || (c.kind === 'word' && c.raw.length <= 3)))
      take(
        'transactionCode',
        c,
        null,
        `"${c.raw}" where the transaction code is printed could not be read as a code (OCR)`,
      );
    markersInto('transactionCode');
    if (form === '4' && peek()?.kind === 'letter' && peek().norm === 'V') take('transactionTimeliness', peek());
  }
  // The ownership form: the last D or I, with the nature's words after it.
  let di = -1;
  for (let j = rest.length - 1; j >= k; j--) {
    if (rest[j].kind === 'amount' && rest[j].raw !== '1') break;
    if (diOf(rest[j])) {
      di = j;
      break;
    }
  }
  const end = di >= 0 ? di : rest.length;
  // 4. Table II's boxes between the amount and the underlying title: exercisable and expiration dates.
  const numbers: Tok[] = [];
  let ad: Tok | null = null;
  if (isII) {
    if (transaction && peek()?.kind === 'amount') {
      const shares = peek();
      take('transactionShares', shares);
      // Laid out by columns, the amount stands under the (A) or the (D) of the column headers: that says which.
      const cols = doc.adColumns;
      if (cols && zones) {
        const c = (shares.start + shares.end) / 2 - input.main[0];
        const side = Math.abs(c - cols.a) < Math.abs(c - cols.d) ? 'A' : 'D';
        boxes.set('transactionAcquiredDisposedCode', one(shares, side, null));
      }
      // Markers standing alone after the amount fill the date boxes that no date fills ("16,670 (19) (20) Common
      // Stock": both dates are footnotes; "10,000 (1) 03/04/2035": the exercisable date is): the form prints a
      // footnote there in place of a date. Only markers beyond those are the amount's.
      let lone = 0;
      while (rest[k + lone]?.kind === 'marker') lone++;
      let dated = 0;
      const isDate = (t: Tok | undefined) =>
        !!t && (t.kind === 'date' || (t.kind !== 'amount' && DATE_WORDS.test(t.raw)));
      while (dated < 2 && isDate(rest[k + lone + dated])) dated++;
      markersInto('transactionShares', Math.max(0, lone - (2 - dated)));
    }
    // Form 3's Table II has no value before its dates: a bare number of one or two digits there, with no amount
    // after it, is the date box's footnote marker OCR read without its parentheses ("(5)" as "6" or "9.").
    const first = peek();
    if (
      form === '3' &&
      first?.kind === 'amount' &&
      !first.dollar &&
      /^\d{1,2}\.?$/.test(first.raw) &&
      rest[k + 1] &&
      rest[k + 1].kind !== 'amount'
    ) {
      first.kind = 'marker';
      first.garbled = [first.raw, ...first.garbled];
    }
    const dates: Tok[] = [];
    while (k < end && dates.length < 2) {
      const t = peek();
      if (t.kind === 'date' || t.kind === 'marker' || (t.kind !== 'amount' && DATE_WORDS.test(t.raw))) dates.push(t);
      else if ((t.kind === 'letter' || t.kind === 'junk') && !/^[A-Z][a-z]/.test(t.raw)) dates.push(t);
      else break;
      k++;
    }
    const [ex, exp] = dates.length === 1 && dates[0].kind === 'date' && form !== '3' ? [null, dates[0]] : dates;
    const dateBox = (box: BoxKey, t: Tok | null | undefined) => {
      if (!t) return;
      const readable = t.kind === 'date' || t.kind === 'marker' || DATE_WORDS.test(t.raw);
      boxes.set(
        box,
        one(
          t,
          t.kind === 'date' ? t.norm : null,
          t.kind === 'date' ? t.why : readable ? null : `"${t.raw}" where a date is printed could not be read (OCR)`,
        ),
      );
      mark(box, t);
    };
    dateBox('exerciseDate', ex);
    dateBox('expirationDate', exp);
    // The underlying title: words up to the next amount.
    const u: Tok[] = [];
    while (k < end && peek().kind !== 'amount') {
      u.push(peek());
      k++;
    }
    const uAll = [...aboveUnder, ...u, ...belowUnder];
    if (uAll.length) {
      boxes.set('underlyingSecurityTitle', piece(uAll, words(uAll) || null, null));
      mark('underlyingSecurityTitle', uAll);
    }
  }
  /** An amount's box, with the markers OCR garbled on it (resolved later, ./markers). */
  const setAmount = (box: BoxKey, t: Tok, value: string | null = t.norm, why: string | null = t.why) => {
    boxes.set(box, one(t, value, why));
    mark(box, t);
  };
  // 5. The amounts (and Table I's A/D letter) up to the ownership form.
  const others: Tok[] = [];
  for (; k < end; k++) {
    const t = rest[k];
    if (t.kind === 'amount') numbers.push(t);
    else if (t.kind === 'marker') {
      const last = numbers[numbers.length - 1];
      if (last) {
        last.refs.push(...t.refs);
        last.garbled.push(...t.garbled);
      } else others.push(t);
    } else if (!isII && !ad && numbers.length >= 1 && adOf(t)) ad = t;
    else others.push(t);
  }
  const priceAt = numbers.findIndex((t, j) => j > 0 && t.dollar);
  if (isII) {
    // Underlying amount, the derivative's price, the amount owned; Form 3: underlying amount, exercise price.
    if (form === '3') {
      if (numbers[0]) setAmount('underlyingSecurityShares', numbers[0]);
      if (numbers[1]) setAmount('conversionOrExercisePrice', numbers[1]);
      leftover.push(...numbers.slice(2));
    } else {
      const under = numbers[0];
      const owned = numbers.length >= 2 ? numbers[numbers.length - 1] : null;
      const price =
        numbers.length >= 3
          ? priceAt > 0
            ? numbers[priceAt]
            : numbers[1]
          : numbers.length === 2 && numbers[1].dollar
            ? numbers[1]
            : null;
      const few =
        numbers.length < 3 && !price
          ? `${numbers.length} amount${numbers.length === 1 ? '' : 's'} for the row's three amount boxes (underlying amount, price, amount owned): the price is taken as empty`
          : null;
      const doubt = (t: Tok) => [t.why, few].filter((x) => x).join('; ') || null;
      if (under) setAmount('underlyingSecurityShares', under, under.norm, doubt(under));
      if (price) setAmount('transactionPricePerShare', price);
      if (owned && owned !== price) setAmount('sharesOwnedFollowingTransaction', owned, owned.norm, doubt(owned));
      leftover.push(...numbers.filter((t) => t !== under && t !== price && t !== owned));
    }
  } else if (form === '3' || !transaction) {
    const owned = numbers[numbers.length - 1];
    if (owned) setAmount('sharesOwnedFollowingTransaction', owned);
    leftover.push(...numbers.slice(0, -1));
  } else {
    const shares = numbers[0];
    const owned = numbers.length >= 2 ? numbers[numbers.length - 1] : null;
    let price: Tok | null = null;
    if (priceAt > 0 && numbers[priceAt] !== owned) price = numbers[priceAt];
    else if (numbers.length >= 3) price = numbers[1];
    // Fewer amounts than boxes: which box stayed empty is inferred (the price, unless a "$" says otherwise).
    const few =
      numbers.length < 3 && !price
        ? `${numbers.length} amount${numbers.length === 1 ? '' : 's'} for the row's three amount boxes (amount, price, amount owned): the price is taken as empty`
        : null;
    const doubt = (t: Tok) => [t.why, few].filter((x) => x).join('; ') || null;
    if (shares) setAmount('transactionShares', shares, shares.norm, doubt(shares));
    if (price) setAmount('transactionPricePerShare', price);
    if (owned && owned !== price) setAmount('sharesOwnedFollowingTransaction', owned, owned.norm, doubt(owned));
    if (ad) boxes.set('transactionAcquiredDisposedCode', one(ad, adOf(ad)));
    leftover.push(...numbers.filter((t) => t !== shares && t !== price && t !== owned));
  }
  for (const p of boxes.values()) if (p.ocr) p.ocr.refs = dedupe(p.ocr.refs);
  leftover.push(...others);
  // 6. D or I, and the nature of indirect ownership.
  if (di >= 0) {
    const t = rest[di];
    boxes.set('directOrIndirectOwnership', one(t, diOf(t)));
    mark('directOrIndirectOwnership', t);
    const nature = [...aboveNature, ...rest.slice(di + 1), ...belowNature];
    const natWords = nature.filter((x) => x.kind !== 'marker');
    const natRefs = nature.filter((x) => x.kind === 'marker');
    const d = boxes.get('directOrIndirectOwnership')!;
    if (!natWords.length) for (const m of natRefs) d.ocr!.refs.push(...m.refs);
    if (natWords.length) {
      // Table I's words below are the nature's last ones; laid out by columns, they are in `belowNature` already.
      const below = isII || zones ? [] : belowToks.filter((x) => x.kind !== 'marker');
      boxes.set('natureOfOwnership', piece([...nature, ...below], words([...natWords, ...below]) || null, null));
      mark('natureOfOwnership', nature);
    } else if (!isII && !zones && belowToks.length && diOf(t) === 'I') {
      boxes.set('natureOfOwnership', piece(belowToks, words(belowToks) || null, null));
    }
  } else {
    const tail = rest.slice(k);
    // No D or I where the row ends: an unreadable letter stands there.
    const last = tail.length ? tail[tail.length - 1] : null;
    if (last && last.kind !== 'amount' && last.raw.length <= 3)
      boxes.set(
        'directOrIndirectOwnership',
        one(last, null, `"${last.raw}" where D or I is printed could not be read (OCR)`),
      );
  }
  return { boxes, leftover, garbled };
}

function dedupe(refs: FootnoteRef[]): FootnoteRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
