/** The boxes above Table I: form type, check boxes, issuer, dates, and box 6 against the owners read. */
import type { DateToken, TextDoc } from './doc';
import { CHECK_ALL_LINE } from './patterns';

/** Box 4's label: "4. If Amendment, Date Original Filed". */
const AMENDMENT_LABEL = /If\s+Amendment,\s+Date\s+(?:of\s+)?Original\s+Filed/i;

/** The "FORM 4" box, else the form's title (said so); the two are checked against each other. */
export function readDocumentType(doc: TextDoc, headerEnd: number, title: '3' | '4' | '5' | null): void {
  // OCR keeps the box on the title's line ("FORM 4 UNITED STATES SECURITIES ...") or the approval box's ("| FO R M 4 .
  // , OMB APPROVAL", "_|FORM 4 “OMB Name"), may split the word ("FO RM 3"), and reads the box's border as a rule or
  // specks.
  const m = doc.find(
    /(?:^|[\n\r])[ \t]*(?:[_|[]{1,3}[ \t]*)?F[ \t]?O[ \t]?R[ \t]?M[ \t]+([345])[ \t]*(\/[ \t]*A[ \t]*)?(?=[\r\n]|\t|$|[ \t]UNITED[ \t]STATES|[ \t.,:;|“”"']{0,8}OMB\b)/i,
    0,
    headerEnd,
  );
  if (m) {
    const s = doc.t.slice(m[0], m[1]);
    const mm = /([345])[ \t]*(\/[ \t]*A)?/i.exec(s.replace(/^\s*(?:[_|[]{1,3}[ \t]*)?F[ \t]?O[ \t]?R[ \t]?M/i, ''))!;
    const off = m[0] + s.search(/F/i);
    const p = doc.piece(off, m[1])!;
    const v = mm[2] ? `${mm[1]}/A` : mm[1];
    doc.filing.documentType = doc.field(p, v);
    if (title && title !== mm[1])
      doc.doubt(
        doc.filing.documentType,
        'Form type',
        `the box says Form ${mm[1]} but the title reads as Form ${title}`,
      );
    return;
  }
  if (title) {
    const tm = doc.find(
      /(INITIAL STATEMENT OF BENEFICIAL OWNERSHIP|ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP|STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP)/i,
    );
    const p = tm ? doc.piece(tm[0], tm[1]) : null;
    if (p)
      doc.filing.documentType = doc.field(
        p,
        title,
        [],
        'no "FORM n" box found; the type is taken from the form\'s title',
        'Form type',
      );
    return;
  }
  doc.uncertain('Form type', 'no "FORM 3/4/5" box and no form title found; read as a Form 4 layout', null);
}

/** The check boxes at the top: Section 16, Rule 10b5-1, Form 5's holdings and transactions reported. */
export function readCheckBoxes(doc: TextDoc, headerEnd: number): void {
  const boxes: [
    RegExp,
    'notSubjectToSection16' | 'aff10b5One' | 'form3HoldingsReported' | 'form4TransactionsReported',
  ][] = [
    [/Check\s+this\s+box\s+if\s+no\s+longer\s+subject/i, 'notSubjectToSection16'],
    // OCR may lose the "t" of "to", and may interleave the label's lines with the title's beside it.
    [/Check\s+this\s+box\s+t?o\s+indicate(?:\s+that\s+a\s+transaction)?/i, 'aff10b5One'],
    [/Form\s+3\s+Holdings\s+Reported/i, 'form3HoldingsReported'],
    [/Form\s+4\s+Transactions\s+Reported/i, 'form4TransactionsReported'],
  ];
  for (const [re, key] of boxes) {
    const m = doc.find(re, 0, headerEnd);
    if (!m) continue;
    const { checked, mark, why } = doc.checkedBefore(m[0]);
    const label = doc.piece(m[0], m[1])!;
    doc.filing[key] =
      checked && mark
        ? doc.field<boolean>(mark, true, [], why ?? null, 'Check box')
        : { ...doc.field<boolean>(label, false, [], why ?? null, 'Check box'), raw: null };
  }
}

/** Box 6 (individual or joint filing) has no field; it checks the number of owners read. */
export function checkJointFiling(doc: TextDoc, headerEnd: number): void {
  const one = doc.find(/Form\s+filed\s+by\s+One\s+Reporting\s+Person/i, 0, headerEnd);
  const more = doc.find(/Form\s+filed\s+by\s+More\s+than\s+One/i, 0, headerEnd);
  const oneMark = one ? doc.checkedBefore(one[0]) : null;
  const moreMark = more ? doc.checkedBefore(more[0]) : null;
  const claim = oneMark?.checked ? 'one' : moreMark?.checked ? 'more' : null;
  const mark = oneMark?.checked ? oneMark.mark : moreMark?.mark;
  const n = doc.filing.reportingOwners.length;
  if ((claim === 'one' && n > 1) || (claim === 'more' && n < 2))
    doc.uncertain(
      'Reporting persons',
      `box 6 says the form is filed by ${claim === 'one' ? 'one reporting person' : 'more than one reporting person'}, but ${n} ${n === 1 ? 'was' : 'were'} read`,
      mark ? doc.span(mark.start, mark.end) : null,
    );
}

/**
 * The label of the box beside the issuer's ("5. Relationship of Reporting Person(s) to Issuer"), where the issuer's
 * value stops; OCR may read its number as a dash, a mark or letters ("... Trading Symbol - Relationship of ...",
 * "Is. Relationship of ...").
 */
const NEXT_BOX_LABEL =
  /(?:^|\s)(?:\d{1,2}\.|[-—~=|.:])\s+(?:Relationship|Date|If\s+Amendment|Individual|Statement|Name)|(?:^|\s)\S{0,3}\s{0,3}Relationship\s{1,3}of\s{1,3}Reporting/i;

export const NO_ISSUER_BOX = 'no "Issuer Name and Ticker or Trading Symbol" box was found';

/** The issuer box: the name and the "[SYMBOL]" after it, on the label's line or the line below. */
export function readIssuer(doc: TextDoc, headerEnd: number): void {
  const m =
    doc.find(/Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol/i, 0, headerEnd) ??
    // OCR may read a space as a hyphen ("Issuer Name-and Ticker or Tiading Symbol").
    doc.find(/Issuer\s+Name[\s-]{1,3}and[\s-]{1,3}Ticker/i, 0, headerEnd);
  if (!m) {
    doc.uncertain('Issuer', NO_ISSUER_BOX, null);
    return;
  }
  let p = doc.restOfCell(m[1], NEXT_BOX_LABEL);
  let nextLine = false;
  if (!p) {
    // The value may sit on the next line, in the same column.
    const at = doc.cellAt(m[1]);
    // OCR may put the rest of the box beside's label ("(Check all applicable)") on the line below: the value is next.
    const skip = at && CHECK_ALL_LINE.test(doc.lines[at.li + 1]?.text ?? '') ? 1 : 0;
    const next = at ? doc.lines[at.li + 1 + skip] : null;
    // The whole line below: a label cut into cells by tabs ("Issuer Name \tand \tTicker") says nothing of the
    // value's column. A merged line keeps the cell in the label's column.
    const labelCells = at ? at.line.cells.filter((c) => c.text.trim().length > 0).length : 0;
    const cell = labelCells > 1 || !at ? null : next?.cells[at.ci];
    const lineFrom = cell ? cell.start : next ? next.start : 0;
    const lineTo = cell ? cell.end : next ? next.end : 0;
    const cut = (from: number, to: number) => {
      const stop = NEXT_BOX_LABEL.exec(doc.t.slice(from, to));
      return doc.piece(from, stop ? from + stop.index : to);
    };
    if (next) p = cut(lineFrom, lineTo);
    // The cell in the label's column holds the next box's label (a browser's copy starts the label's line with an
    // empty cell, "\t2. Issuer Name ...", and the value's line without one): the value is the line's start.
    if (next && !p && cell) p = cut(next.start, next.end);
    nextLine = true;
  }
  if (!p) {
    doc.uncertain('Issuer', 'the issuer box is empty in the text', doc.span(m[0], m[1]));
    return;
  }
  const issuer = doc.filing.issuer;
  issuer.span = doc.span(m[0], p.end);
  const doubt = nextLine ? 'read from the line below its label' : null;
  const br = /[[(]\s?([A-Za-z0-9.-]{1,10})\s?[\])]$/.exec(p.raw.length > 300 ? p.raw.slice(-40) : p.raw);
  const rawText = doc.t.slice(p.start, p.end);
  if (br) {
    const open = rawText.lastIndexOf(br[0].trim().charAt(0));
    const namePiece = doc.piece(p.start, p.start + open);
    const symStart = p.start + rawText.indexOf(br[1], open);
    if (namePiece) issuer.name = doc.field(namePiece, namePiece.raw, [], doubt, 'Issuer name');
    issuer.tradingSymbol = doc.field(
      { raw: br[1], start: symStart, end: symStart + br[1].length },
      br[1].toUpperCase(),
      [],
      doubt,
      'Trading symbol',
    );
  } else {
    // Old text filings print the symbol on its own line below the name.
    const at = doc.cellAt(p.end);
    const below = at ? doc.lines[at.li + 1] : null;
    const symCell = below?.cells.find((x) => x.text.trim().length > 0);
    const sym = symCell ? doc.piece(symCell.start, symCell.end) : null;
    if (nextLine && sym && /^[A-Z][A-Z.]{0,5}$/.test(sym.raw) && sym.start < headerEnd) {
      issuer.name = doc.field(p, p.raw, [], doubt, 'Issuer name');
      issuer.tradingSymbol = doc.field(sym, sym.raw, [], 'read from the line below the issuer name', 'Trading symbol');
    } else
      issuer.name = doc.field(
        p,
        p.raw,
        [],
        doubt ?? 'no "[SYMBOL]" after the issuer name: the whole box is read as the name',
        'Issuer name',
      );
  }
}

/** The label of the form's date box: Form 3's box 2, box 3 of Forms 4 and 5. */
function dateBoxLabel(form: string): RegExp {
  return form === '3'
    ? /Date\s+of\s+Event\s+Requiring\s+Statement/i
    : form === '5'
      ? /Statement\s+for\s+Issuer'?s\s+Fiscal\s+Year\s+Ended/i
      : /Date\s+of\s+Earliest\s+Transaction/i;
}

/** The form's date box (earliest transaction, event, fiscal year end) and the amendment's original date. */
export function readPeriod(doc: TextDoc, headerEnd: number, form: string): void {
  const m =
    doc.find(dateBoxLabel(form), 0, headerEnd) ??
    doc.find(
      /Date\s+of\s+Earliest\s+Transaction|Date\s+of\s+Event\s+Requiring|Fiscal\s+Year\s+Ended|Statement\s+for\s+Month\/(?:Day\/)?Year/i,
      0,
      headerEnd,
    ) ??
    // OCR garbles the start of Form 3's label ("2 Date of gent : ...") and wraps its end: the end survives.
    (doc.ocr && form === '3' ? doc.find(/R?equiring\s+Statem/i, 0, headerEnd) : null);
  if (m) {
    const at = doc.cellAt(m[1]);
    let d = at ? doc.dateIn(m[1], at.cell.end) : null;
    let doubt: string | null = null;
    if (!d && at) {
      // Merged columns: the date may sit in the next cell or on the next line.
      const nextCell = at.line.cells[at.ci + 1];
      d = nextCell ? doc.dateIn(nextCell.start, nextCell.end) : null;
      // Text extracted from a PDF breaks the label itself over lines: look a few lines down, not past another box.
      // OCR puts the relationship box's lines (and blank ones) between the label and its date: a few more lines,
      // up to the amendment box's label.
      const reach = doc.ocr ? 7 : 4;
      for (let i = at.li + 1; !d && i < Math.min(doc.lines.length, at.li + reach); i++) {
        const nl = doc.lines[i];
        if (nl.start >= headerEnd || /^\s*\d{1,2}\.\s/.test(nl.text)) break;
        const amend = doc.ocr ? /If\s+Amendment/i.exec(nl.text) : null;
        // The amendment box's label ends the reach; a date before it on its line is still this box's.
        if (amend) {
          d = doc.dateIn(nl.start, nl.start + amend.index);
          break;
        }
        d = doc.dateIn(nl.start, nl.end);
      }
      if (d)
        doubt =
          d.p.start > at.line.end
            ? 'read from the line below its label'
            : 'the date was not in its box but next to it (merged columns)';
    }
    if (d) {
      doc.filing.periodOfReport = doc.dateField(d, 'Period of report');
      if (doubt) doc.doubt(doc.filing.periodOfReport, 'Period of report', doubt);
    } else doc.uncertain('Period of report', 'no date found in the date box', doc.span(m[0], m[1]));
  } else doc.uncertain('Period of report', 'no date box (earliest transaction / event / fiscal year end) found', null);
  const am = doc.find(AMENDMENT_LABEL, 0, headerEnd);
  if (am) {
    const at = doc.cellAt(am[1]);
    let d = at ? doc.dateIn(am[1], at.cell.end) : null;
    let below = false;
    if (!d && at) {
      // The date may be printed below the label; not past the next box.
      // (OCR may leave a blank line between.)
      const next = doc.lines[at.li + 1];
      const nl = next && !next.text.trim() && doc.ocr ? doc.lines[at.li + 2] : next;
      if (nl && nl.start < headerEnd && !/^\s*\d{1,2}\.\s/.test(nl.text)) {
        if (nl.text.trim().length < 40) d = doc.dateIn(nl.start, nl.end);
        else if (doc.ocr) {
          // OCR reads across the boxes: the line below holds the city's and box 6's text too, and the date
          // below the label is the one date there.
          d = doc.dateIn(nl.start, nl.end);
          if (d && doc.dateIn(d.p.end, nl.end)) d = null;
          below = true;
        }
      }
    }
    if (d) {
      doc.filing.dateOfOriginalSubmission = doc.dateField(d, 'Date of original filing');
      if (below && !doc.filing.dateOfOriginalSubmission.uncertain)
        doc.doubt(
          doc.filing.dateOfOriginalSubmission,
          'Date of original filing',
          "read from the line below its label, among other boxes' text",
        );
    }
  }
}

/** Dates of the header looked at, at most: a header holds two or three. */
const HEADER_DATES = 20;

/**
 * Dates of the header that no box took, placed by what the form says of them. A PDF's text in its reading order
 * (`pdftotext` without `-layout`, a viewer's copy) writes the header's labels first and their values further down,
 * so boxes 3 and 4 are found empty beside their labels while their dates stand below. Box 3 of a Form 4 is the
 * earliest transaction date, which the tables give: the header's date equal to it is box 3's. Box 4 (the original's
 * filing date, which makes the form an amendment) is then the one date left, filed on or after box 3's. With more
 * left, or none placed in box 3, whether the form is an amendment is not known, and the form type says so: the title
 * reads "FORM 4" on a 4/A too. Only dates written as the boxes write them (MM/DD/YYYY, after the box's label) count:
 * a browser's print date ("3/15/24") or the approval box's "Expires" is no box's.
 */
export function readHeaderDatesByTheTables(doc: TextDoc, headerEnd: number, form: string): void {
  const f = doc.filing;
  const amendment = doc.find(AMENDMENT_LABEL, 0, headerEnd);
  if (f.periodOfReport.value && (f.dateOfOriginalSubmission.value || !amendment)) return;
  const box3 = doc.find(dateBoxLabel(form), 0, headerEnd);
  const first = Math.min(box3?.[1] ?? headerEnd, amendment?.[1] ?? headerEnd);
  const taken = new Set([f.periodOfReport.span?.start, f.dateOfOriginalSubmission.span?.start]);
  const free: DateToken[] = [];
  for (let at = first, n = 0; n < HEADER_DATES; n++) {
    const d = doc.dateIn(at, headerEnd);
    if (!d) break;
    at = d.p.end;
    if (d.value == null || !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(d.p.raw)) continue;
    if (/Expires?\b.{0,12}$/i.test(doc.t.slice(Math.max(0, d.p.start - 24), d.p.start))) continue;
    if (!taken.has(doc.span(d.p.start, d.p.end)?.start)) free.push(d);
  }
  if (!free.length) return;
  const what = 'Period of report';
  const placePeriod = (d: DateToken, why: string) => {
    f.periodOfReport = doc.dateField(d, what);
    doc.withdraw(what, 'no date found in the date box');
    doc.doubt(f.periodOfReport, what, why);
  };
  if (!f.periodOfReport.value && form === '4' && box3) {
    const dates = [...f.nonDerivative, ...f.derivative]
      .filter((r) => r.kind === 'transaction')
      .map((r) => r.transactionDate.value)
      .filter((v): v is string => !!v)
      .sort();
    const at = free.findIndex((d) => d.p.start > box3[1] && d.value === dates[0]);
    if (at >= 0) {
      placePeriod(
        free[at],
        'not beside its label: the date of the header that is the earliest transaction date of the tables',
      );
      free.splice(at, 1);
    }
  }
  // Every form fills its date box, and only an amendment box 4: one date that no box took, below the date box's
  // label, is the date box's.
  if (!f.periodOfReport.value && box3 && free.length === 1 && free[0].p.start > box3[1]) {
    placePeriod(free[0], 'not beside its label: the one date of the header that no box took');
    return;
  }
  if (!amendment || f.dateOfOriginalSubmission.value || !free.length) return;
  const period = f.periodOfReport.value;
  const after = free.filter((d) => d.p.start > amendment[1]);
  if (period && free.length === 1 && after.length === 1 && after[0].value! >= period) {
    f.dateOfOriginalSubmission = doc.dateField(after[0], 'Date of original filing');
    doc.doubt(
      f.dateOfOriginalSubmission,
      'Date of original filing',
      "not beside its label: the one date of the header that no other box holds, on or after box 3's",
    );
    doc.doubt(f.documentType, 'Form type', "an amendment by box 4's date, which was read away from its label");
    return;
  }
  doc.doubt(
    f.documentType,
    'Form type',
    `whether it is an amendment is not known: box 4 (Date Original Filed) is empty beside its label, and the header holds ${free.length === 1 ? 'a date' : 'dates'} that no box took (${free.map((d) => d.p.raw).join(', ')})`,
  );
}
