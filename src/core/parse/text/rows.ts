/** A row of Table I or II: its cells into the layout's boxes, each box's value read, with its doubts. */
import { boxName, type BoxKey } from '../../form/layout';
import { codeInfo } from '../../codes';
import { absent, emptyRow, type DerivativeRow, type Field, type FootnoteRef, type Row } from '../../model';
import {
  makeField,
  normalizeAcquiredDisposed,
  normalizeDirectIndirect,
  normalizeNumber,
  TRANSACTION_CODES,
} from '../form/normalize';
import { fits, splitMarkers, type Layout } from './cells';
import type { Line, Piece, TextDoc } from './doc';
import { NONE_VALUES, ocrDigits, dateFromString, trimEndOf } from './patterns';
import { readOcrRow } from './ocr-row';
import { bySequence } from './sequence';

/** Rows read per table at most: the form has 30; continuation pages and wrapped rows stay far below this. */
export const MAX_TEXT_ROWS = 300;

/**
 * A row from its line (with the lines of a row broken over several, and a "|" table's continuation line): by
 * the layout whose boxes its cells fit, else by the kind of each value in order (with doubt).
 */
export function readRow(
  doc: TextDoc,
  table: 'nonDerivative' | 'derivative',
  l: Line,
  layouts: Layout[],
  form: string,
  titleBefore: Piece[],
  cont: Line | null = null,
  linesBefore: Piece[] = [],
  linesAfter: Line[] = [],
): void {
  const rows = table === 'derivative' ? doc.filing.derivative : doc.filing.nonDerivative;
  const index = rows.length;
  if (index >= MAX_TEXT_ROWS) {
    // A form has at most 30 rows a table; far more is not a form's table (and would cost time and memory).
    if (!doc.rowLimitHit.has(table)) {
      doc.findings.push({
        rule: 'read-limit',
        severity: 'warning',
        message: `${table === 'derivative' ? 'Table II' : 'Table I'} has more than ${MAX_TEXT_ROWS} rows; the rest is not read`,
        span: doc.span(l.start, l.end),
      });
      doc.rowLimitHit.add(table);
    }
    return;
  }
  const row: Row =
    table === 'derivative' ? emptyRow('derivative', 'holding', index) : emptyRow('nonDerivative', 'holding', index);
  row.span = doc.span(
    linesBefore.length ? linesBefore[0].start : l.start,
    linesAfter.length ? linesAfter[linesAfter.length - 1].end : l.end,
  );
  const where = `${table === 'derivative' ? 'Table II' : 'Table I'} row ${index + 1}`;
  // Cells by tab; trailing empty cells dropped.
  const none = (p: Piece | null) => (p && NONE_VALUES.has(p.raw) ? null : p);
  const cells = l.cells.map((c) => none(doc.piece(c.start, c.end)));
  if (cont) {
    // Join each cell with its continuation: "Options to Purchase Co" + "mmon Stock", "2/7/0" + "0".
    cont.cells.forEach((c, i) => {
      const q = none(doc.piece(c.start, c.end));
      if (!q || i >= cells.length) return;
      const p = cells[i];
      if (!p) {
        cells[i] = q;
        return;
      }
      const glue = /[A-Za-z0-9/,.-]$/.test(p.raw) && /^[a-z0-9]/.test(q.raw) ? '' : ' ';
      cells[i] = { ...p, merged: `${p.raw}${glue}${q.raw}` };
    });
  }
  while (cells.length && cells[cells.length - 1] == null) cells.pop();
  let assigned: Map<BoxKey, Piece> | null = null;
  let fallback = false;
  // A PDF's text in reading order has no OCR slips: its Table I row, gathered over lines without the column labels
  // between them (./tables), is read by the kinds of its values in column order. (Table II's rows, with two titles
  // and their dates, are read as OCR's, which places those.)
  const bySequenceOnly = doc.readingOrder && table === 'nonDerivative';
  if (doc.ocr && !l.piped && !bySequenceOnly) {
    readOcr(doc, row, where, form, l, linesBefore, linesAfter);
    return;
  }
  for (const layout of layouts) {
    if (linesBefore.length || linesAfter.length) break; // a row spread over lines has no column positions
    if (cells.length < 2 || cells.length > layout.length) continue;
    const m = new Map<BoxKey, Piece>();
    let ok = true;
    cells.forEach((p, i) => {
      if (!p) return;
      if (!fits(doc, layout[i], p)) ok = false;
      m.set(layout[i], p);
    });
    if (ok) {
      assigned = m;
      break;
    }
  }
  if (!assigned && doc.ocr && !bySequenceOnly) {
    // OCR draws the table's rules as bars too ("Ss | 400 | $2,598.3252) 2,310 | |"): a line of four or more whose
    // cells fit no layout is read by its tokens, as any OCR row.
    readOcr(doc, row, where, form, l, linesBefore, linesAfter);
    return;
  }
  if (!assigned) {
    const ranges: [number, number][] = [
      ...linesBefore.map((p): [number, number] => [p.start, p.end]),
      [l.start, l.end],
      ...linesAfter.map((x): [number, number] => [x.start, x.end]),
    ];
    assigned = bySequence(doc, l, layouts[0], cells, ranges, table, form);
    fallback = true;
  }
  if (!assigned.size) {
    doc.uncertain(
      where,
      'a line with values that could not be read as a row (no security title before the values): not read',
      row.span,
    );
    return;
  }
  if (fallback) saySeparatorsMissing(doc, row, where, linesBefore.length + linesAfter.length > 0);
  for (const [box, p] of assigned) assignCell(doc, row, box, p, where, fallback ? inferredDoubt(row, box) : null);
  if (titleBefore.length && row.securityTitle.raw != null) {
    // Words on the line(s) before the row: a security title wrapped upward by the text extraction.
    doc.doubt(
      row.securityTitle,
      `${where} security title`,
      `the line(s) above ("${titleBefore
        .map((x) => x.raw)
        .join(' ')
        .slice(0, 60)}") may belong to this title`,
    );
  }
  const isTx =
    form !== '3' &&
    (row.transactionDate.value != null ||
      row.transactionCode.raw != null ||
      row.transactionShares.raw != null ||
      row.transactionAcquiredDisposedCode.value != null);
  row.kind = isTx ? 'transaction' : 'holding';
  if (row.table === 'derivative') doc.filing.derivative.push(row);
  else doc.filing.nonDerivative.push(row);
}

/** The row-level finding of a row read without column separators. */
function saySeparatorsMissing(doc: TextDoc, row: Row, where: string, manyLines: boolean): void {
  doc.uncertain(
    where,
    `the columns are not separated in the text${manyLines ? ' and the row runs over several lines' : ''}; values were assigned by their kind (date, code, amount, A/D, D/I) in column order`,
    row.span,
  );
}

/**
 * Without column positions, the kind of a code, A/D, D/I letter or a title is plain; which box an amount (or, in
 * Table II, a date) belongs to is inferred from the order: those are marked uncertain.
 */
function inferredDoubt(row: Row, box: BoxKey): string | null {
  const certain =
    box === 'securityTitle' ||
    box === 'transactionCode' ||
    box === 'transactionTimeliness' ||
    box === 'transactionAcquiredDisposedCode' ||
    box === 'directOrIndirectOwnership' ||
    (row.table === 'nonDerivative' && box === 'transactionDate');
  return certain ? null : 'the columns are not separated in the text: the box is inferred from the order of the values';
}

/**
 * A row of OCR text (no column separators): its tokens assigned to the boxes by kind and order (./ocr-row), each
 * box's value read with the doubts of its repairs. (A) or (D) stays unread when no letter was read; a garbled
 * footnote marker is resolved after the footnotes are read (./markers).
 */
function readOcr(
  doc: TextDoc,
  row: Row,
  where: string,
  form: string,
  l: Line,
  linesBefore: Piece[],
  linesAfter: Line[],
): void {
  const r = readOcrRow(doc, {
    table: row.table,
    form,
    before: linesBefore.map((p): [number, number] => [p.start, p.end]),
    main: [l.start, l.end],
    after: linesAfter.map((x): [number, number] => [x.start, x.end]),
  });
  if (!r.boxes.has('securityTitle') && r.boxes.size < 3) {
    doc.uncertain(
      where,
      'a line with values that could not be read as a row (no security title before the values): not read',
      row.span,
    );
    return;
  }
  saySeparatorsMissing(doc, row, where, linesBefore.length + linesAfter.length > 0);
  for (const [box, p] of r.boxes) assignCell(doc, row, box, p, where, inferredDoubt(row, box));
  for (const g of r.garbled) {
    const f = fieldOf(row, g.box);
    if (f) doc.garbledMarkers.push({ row, box: g.box, field: f, text: g.text, where });
  }
  if (r.leftover.length) {
    const a = r.leftover[0];
    const b = r.leftover[r.leftover.length - 1];
    doc.uncertain(
      where,
      `"${r.leftover
        .map((x) => x.raw)
        .join(' ')
        .slice(0, 60)}" could not be assigned to a box of the row (OCR): not read`,
      doc.span(Math.min(a.start, b.start), Math.max(a.end, b.end)),
    );
  }
  const isTx =
    form !== '3' &&
    (row.transactionDate.value != null || row.transactionCode.raw != null || row.transactionShares.raw != null);
  if (isTx) adFromCode(doc, row, where);
  row.kind = isTx ? 'transaction' : 'holding';
  if (row.table === 'derivative') doc.filing.derivative.push(row);
  else doc.filing.nonDerivative.push(row);
}

/**
 * (A) or (D) when OCR read no letter for it (Table II prints it only by the column the amount stands in, which
 * OCR text loses): inferred from a code that fixes the direction, marked uncertain.
 */
function adFromCode(doc: TextDoc, row: Row, where: string): void {
  if (row.transactionAcquiredDisposedCode.value != null) return;
  const tc = row.transactionCode.value;
  // The direction the form's instructions fix for the code in this table (codes.ts); none for codes that go either way.
  const info = codeInfo(tc);
  const guess = row.table === 'derivative' ? info?.expectTableII : info?.expectTableI;
  if (!tc || !guess) return;
  const ad = makeField<string>(null, guess, row.transactionShares.span ?? row.transactionCode.span);
  doc.doubt(
    ad,
    `${where} (A) or (D)`,
    `no (A) or (D) was read (OCR); "${guess}" is inferred from transaction code ${tc}`,
  );
  row.transactionAcquiredDisposedCode = ad;
}

/** The field a box fills (Table II's (A) and (D) boxes fill the amount). */
export function fieldOf(row: Row, box: BoxKey): Field | null {
  const key = box === 'sharesAcquired' || box === 'sharesDisposed' ? 'transactionShares' : box;
  const f = (row as unknown as Record<string, unknown>)[key];
  return f && typeof f === 'object' && 'present' in f ? (f as Field) : null;
}

function setBox(row: Row, box: BoxKey, f: Field): void {
  const key = box === 'sharesAcquired' || box === 'sharesDisposed' ? 'transactionShares' : box;
  if (key === 'transactionCode') row.codingSpan = f.span;
  if (fieldOf(row, key) || Object.hasOwn(row, key)) (row as unknown as Record<string, Field>)[key] = f;
}

/** A cell's value into the field of its box, with its footnote markers and any doubt. */
function assignCell(doc: TextDoc, row: Row, box: BoxKey, p: Piece, where: string, doubt: string | null): void {
  const d = row.table === 'derivative' ? (row as DerivativeRow) : null;
  const split = p.ocr
    ? { value: p.ocr.value == null && !p.ocr.why ? null : { ...p }, refs: p.ocr.refs }
    : p.merged != null
      ? { value: { ...p }, refs: [] as FootnoteRef[] }
      : splitMarkers(doc, p);
  const { value, refs } = split;
  if (p.ocr?.why) doubt = doubt ? `${doubt}; ${p.ocr.why}` : p.ocr.why;
  if (p.ocr && p.ocr.value == null && value) {
    // OCR wrote something in the box that reads as no value of its kind: kept as written, no value, said so.
    setBox(row, box, doc.field<string>(value, null, refs, doubt ?? 'not readable', `${where} ${boxName(box)}`));
    return;
  }
  if (p.merged != null && !p.ocr) {
    // Raw (and span) stay the first line's text; the value is read from the joined text, with doubt.
    const why = `the value continues on the next line: read as "${p.merged}"`;
    doubt = doubt ? `${doubt}; ${why}` : why;
  }
  const vt = (x: Piece) => (x.ocr ? (x.ocr.value ?? x.raw) : (x.merged ?? x.raw));
  const text = (f: string): Field =>
    value
      ? doc.field(value, vt(value), refs, doubt, `${where} ${f}`)
      : { ...absent(), present: refs.length > 0, footnotes: refs, span: doc.span(p.start, p.end) };
  const num = (f: string): Field => {
    if (!value) return { ...absent(), present: refs.length > 0, footnotes: refs, span: doc.span(p.start, p.end) };
    let v = normalizeNumber(vt(value));
    let why = doubt;
    if (v == null) {
      const fixed = normalizeNumber(ocrDigits(vt(value).replace(/\s+/g, '')));
      const trimmed = normalizeNumber(trimEndOf(vt(value), ' \t\n\r-'));
      if (fixed != null) {
        v = fixed;
        why = `letters read as digits in "${vt(value)}" (OCR)`;
      } else if (trimmed != null) {
        v = trimmed;
        why = `a trailing "-" after the amount in "${vt(value)}" is ignored`;
      } else why = `"${vt(value)}" is not a number`;
    }
    return doc.field(value, v, refs, why, `${where} ${f}`);
  };
  const date = (f: string): Field => {
    if (!value) return { ...absent(), present: refs.length > 0, footnotes: refs, span: doc.span(p.start, p.end) };
    if (value.merged != null) {
      const r = dateFromString(value.merged);
      return doc.field<string>(
        value,
        r?.value ?? null,
        refs,
        r ? (r.why ? `${doubt}; ${r.why}` : doubt) : `${doubt}; not a date`,
        `${where} ${f}`,
      );
    }
    // A date the OCR reader read out of another shape ("101022015"): its reading, said by the doubt.
    if (value.ocr?.value && value.ocr.value !== value.raw) {
      const r = dateFromString(value.ocr.value);
      return doc.field<string>(value, r?.value ?? null, refs, doubt ?? 'read as a date (OCR)', `${where} ${f}`);
    }
    const dt = doc.dateIn(value.start, value.end);
    if (!dt) return doc.field<string>(value, null, refs, doubt ?? `"${value.raw}" is not a date`, `${where} ${f}`);
    const fld = doc.dateField(dt, `${where} ${f}`, refs);
    if (doubt && !fld.uncertain) doc.doubt(fld, `${where} ${f}`, doubt);
    return fld;
  };
  switch (box) {
    case 'securityTitle':
      row.securityTitle = text('security title');
      return;
    case 'conversionOrExercisePrice':
      if (d) d.conversionOrExercisePrice = num('conversion or exercise price');
      return;
    case 'transactionDate':
      row.transactionDate = date('transaction date');
      return;
    case 'deemedExecutionDate':
      row.deemedExecutionDate = date('deemed execution date');
      return;
    case 'transactionCode': {
      row.codingSpan = doc.span(p.start, p.end);
      row.codingFootnotes = refs;
      if (!value) return;
      const code = vt(value).toUpperCase();
      const known = TRANSACTION_CODES.has(code);
      row.transactionCode = doc.field(
        value,
        code,
        [],
        known ? doubt : `"${vt(value)}" is not a transaction code`,
        `${where} transaction code`,
      );
      return;
    }
    case 'transactionTimeliness':
      if (value)
        row.transactionTimeliness = doc.field(
          value,
          /^v$/i.test(value.raw) ? 'E' : value.raw.toUpperCase(),
          refs,
          doubt,
          `${where} V`,
        );
      return;
    case 'transactionShares':
      row.transactionShares = num('amount');
      return;
    case 'sharesAcquired':
    case 'sharesDisposed': {
      row.transactionShares = num('number of securities');
      const code = box === 'sharesAcquired' ? 'A' : 'D';
      const sp = value ? doc.span(value.start, value.end) : doc.span(p.start, p.end);
      const ad = makeField<string>(null, code, sp);
      if (doubt) {
        // Without column positions, (A) or (D) is a guess from the transaction code.
        const tc = row.transactionCode.value;
        const guess =
          tc && 'SFDGJUHXCMO'.includes(tc) && row.table === 'derivative' && 'MXCO'.includes(tc)
            ? 'D'
            : tc === 'S' || tc === 'F' || tc === 'D' || tc === 'U'
              ? 'D'
              : 'A';
        ad.value = guess;
        doc.doubt(
          ad,
          `${where} (A) or (D)`,
          `the (A) and (D) columns cannot be told apart in the text; "${guess}" is inferred from transaction code ${tc ?? '(none)'}`,
        );
      }
      row.transactionAcquiredDisposedCode = ad;
      return;
    }
    case 'transactionAcquiredDisposedCode':
      if (value) {
        const v = normalizeAcquiredDisposed(vt(value));
        row.transactionAcquiredDisposedCode = doc.field(
          value,
          v,
          refs,
          v ? doubt : `"${vt(value)}" is not A or D`,
          `${where} (A) or (D)`,
        );
      }
      return;
    case 'transactionPricePerShare':
      row.transactionPricePerShare = num('price');
      return;
    case 'exerciseDate':
      if (d) d.exerciseDate = date('date exercisable');
      return;
    case 'expirationDate':
      if (d) d.expirationDate = date('expiration date');
      return;
    case 'underlyingSecurityTitle':
      if (d) d.underlyingSecurityTitle = text('underlying security title');
      return;
    case 'underlyingSecurityShares':
      if (d) d.underlyingSecurityShares = num('underlying amount');
      return;
    case 'sharesOwnedFollowingTransaction':
      row.sharesOwnedFollowingTransaction = num('amount owned');
      return;
    case 'directOrIndirectOwnership':
      if (value) {
        const v = normalizeDirectIndirect(vt(value));
        row.directOrIndirectOwnership = doc.field(
          value,
          v,
          refs,
          v ? doubt : `"${vt(value)}" is not D or I`,
          `${where} ownership form`,
        );
      }
      return;
    case 'natureOfOwnership':
      row.natureOfOwnership = text('nature of indirect ownership');
      return;
  }
}
