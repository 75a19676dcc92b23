/**
 * A row whose columns the text lost: its tokens read left to right into the layout's boxes by the kind of each
 * value (date, code, amount, A/D, D/I).
 */
import { formBoxes, isNumeric, isTransactionField, valueKind, type BoxKey, type TableName } from '../../form/layout';
import { TRANSACTION_CODES } from '../form/normalize';
import { fits, type Layout } from './cells';
import type { Line, Piece, TextDoc } from './doc';
import { DATE_RE, DATE2_RE, MONTH_DATE_RE } from './patterns';

/** A holding's boxes: a holding leaves the transaction's columns empty. */
const HOLDING_LAYOUTS: Record<TableName, Layout> = {
  nonDerivative: formBoxes('4', 'nonDerivative').filter((k) => !isTransactionField(k)),
  // Table II's price (column 8) stays: a number printed there must not shift the amounts after it.
  derivative: formBoxes('4', 'derivative').filter((k) => !isTransactionField(k) || k === 'transactionPricePerShare'),
};

/**
 * Columns not separated: read the row's tokens left to right, taking for each column of the layout the next
 * token of the right kind. Titles run until the first date or amount.
 */
export function bySequence(
  doc: TextDoc,
  l: Line,
  layoutIn: Layout,
  cells: (Piece | null)[],
  ranges: [number, number][],
  table: 'nonDerivative' | 'derivative',
  form: string,
): Map<BoxKey, Piece> {
  const out = new Map<BoxKey, Piece>();
  // Tokens: runs of non-space; a marker "(1)" stays with the token before it.
  const toks: Piece[] = [];
  const byCell = !!l.piped && ranges.length === 1;
  // Separated "|" cells that do not fit the layout: take the cells themselves as the tokens.
  if (byCell) for (const q of cells) if (q) toks.push(q);
  for (const [rs, re0] of byCell ? [] : ranges) {
    const text = doc.t.slice(rs, re0);
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const s = rs + m.index;
      const e = s + m[0].length;
      const gap = toks.length ? doc.t.slice(toks[toks.length - 1].end, s) : '';
      if (/^\(\d{1,2}\)$/.test(m[0]) && toks.length && !gap.includes('\t') && !gap.includes('\n')) {
        // A marker right after a value cites it; one in a cell of its own is a value box holding only a footnote.
        toks[toks.length - 1] = {
          raw: doc.t.slice(toks[toks.length - 1].start, e),
          start: toks[toks.length - 1].start,
          end: e,
        };
      } else if (m[0] === '$' && re.lastIndex < text.length) {
        // "$ 2.29": join the sign to its amount.
        const n = re.exec(text);
        if (n) toks.push({ raw: `$${n[0]}`, start: s, end: rs + n.index + n[0].length });
      } else toks.push({ raw: m[0], start: s, end: e });
    }
  }
  const isNum = (p: Piece) => fits(doc, 'transactionShares', p) && /\d/.test(p.raw);
  const isDate = (p: Piece) => {
    const v = p.merged ?? p.raw;
    return DATE_RE.test(v) || DATE2_RE.test(v) || MONTH_DATE_RE.test(v);
  };
  // Several tokens make one value only when they are words of one cell, never across cells.
  const group = (a: number, b: number): Piece =>
    byCell
      ? toks[a]
      : {
          raw: toks
            .slice(a, b)
            .map((x) => x.raw)
            .join(' '),
          start: toks[a].start,
          end: toks[b - 1].end,
        };
  let k = 0;
  const markerOnly = (p: Piece) => /^(?:\(\d{1,2}\))+$/.test(p.raw);
  // Title: tokens until the first date, number or footnote-only box.
  const titleEnd = toks.findIndex((p) => isDate(p) || isNum(p) || markerOnly(p));
  if (titleEnd <= 0) return out;
  // A holding has no transaction date followed by a code: then only the holding's columns are read.
  let layout = layoutIn;
  if (form !== '3') {
    const firstDate = toks.findIndex(isDate);
    let after = firstDate + 1;
    if (after < toks.length && isDate(toks[after])) after++;
    const code =
      firstDate >= 0 && after < toks.length
        ? /^[A-Za-z](?:\(\d{1,2}\))?$/.test(toks[after].raw) &&
          TRANSACTION_CODES.has(toks[after].raw.charAt(0).toUpperCase())
        : false;
    const holdingI = table === 'nonDerivative' && firstDate < 0;
    const holdingII = table === 'derivative' && !code;
    if (holdingI) layout = HOLDING_LAYOUTS.nonDerivative;
    else if (holdingII) layout = HOLDING_LAYOUTS.derivative;
  }
  out.set('securityTitle', group(0, titleEnd));
  k = byCell ? 1 : titleEnd;
  // The columns after the title that hold values of a box we can recognize.
  const want = layout.slice(1);
  // (A) and (D) share one amount when columns are lost: keep only the (A) slot.
  const slots = want.filter((x) => x !== 'sharesDisposed');
  const skip = new Set<number>();
  for (let w = 0; w < slots.length && k < toks.length; w++) {
    const box = slots[w];
    const p = toks[k];
    if (skip.has(w)) continue;
    if (isNumeric(box)) {
      // A run of amount columns against the run of numbers in the text: when there are fewer numbers,
      // the boxes most often left empty (price, exercise price) are taken as empty.
      let runEnd = w;
      while (runEnd < slots.length && isNumeric(slots[runEnd])) runEnd++;
      let n = 0;
      while (k + n < toks.length && isNum(toks[k + n]) && !isDate(toks[k + n])) n++;
      let excess = runEnd - w - n;
      for (const pref of [
        'transactionPricePerShare',
        'conversionOrExercisePrice',
        'underlyingSecurityShares',
        'transactionShares',
        'sharesAcquired',
      ] as BoxKey[]) {
        for (let x = w; x < runEnd && excess > 0; x++)
          if (slots[x] === pref && !skip.has(x)) {
            skip.add(x);
            excess--;
          }
      }
      if (skip.has(w)) continue;
      if (isNum(p) && !isDate(p)) {
        out.set(box, p);
        k++;
      }
      continue;
    }
    if (box === 'natureOfOwnership') {
      out.set('natureOfOwnership', group(k, toks.length));
      k = byCell ? k + 1 : toks.length;
      break;
    }
    if (box === 'underlyingSecurityTitle') {
      // Underlying title: words until the next number.
      let e = k;
      while (e < toks.length && !isNum(toks[e])) e++;
      if (e > k) {
        out.set('underlyingSecurityTitle', group(k, e));
        k = byCell ? k + 1 : e;
      }
      continue;
    }
    if (
      valueKind(box) === 'date'
        ? isDate(p) || (markerOnly(p) && (box === 'exerciseDate' || box === 'expirationDate'))
        : fits(doc, box, p) && !isDate(p) && !isNum(p) && !markerOnly(p)
    ) {
      out.set(box, p);
      k++;
    }
  }
  if (k < toks.length) {
    const rest = toks.slice(k);
    doc.uncertain(
      'Table row',
      `text after the last recognized value was not read: "${rest
        .map((x) => x.raw)
        .join(' ')
        .slice(0, 60)}"`,
      doc.span(rest[0].start, rest[rest.length - 1].end),
    );
  }
  return out;
}
