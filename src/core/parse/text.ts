/**
 * Plain text of a printed Form 3, 4 or 5 (text extracted from a PDF, OCR output, a pre-2003 text filing) into the
 * filing model. Such text is noisy: columns of the printed form merge into one line separated by tabs, labels
 * are cut ("tionship of Reporting Perso"), words break at column edges, values arrive wrapped in LaTeX-like
 * escapes (`\$2.29`) or tags (`<u>...</u>`), and OCR confuses O/0 and l/1.
 *
 * How it reads:
 * - a cleaned view of the text (escapes and simple tags dropped, see ./form/clean) with a map back to the text
 *   as given, so every span points at the source text (VS Code shows findings at the right place);
 * - lines split into tab-separated cells: the unit of the merged columns;
 * - header boxes found by their printed labels (tolerating cut labels), values taken from the rest of the cell;
 * - table rows by the form's column layout when the tabs keep the columns, else by the kind of each value
 *   (date, code, amount, A/D, D/I) in column order;
 * - footnote markers "(1)" after a value become refs on that value.
 *
 * Shapes it reads: OCR of a printed form (the seed), text extracted from EDGAR's PDFs (labels and rows broken over
 * lines, joint filers' blocks after Table II, the "Reporting Owners" table and "Signatures" of converted PDFs),
 * and forms filed as text before 2003 ("|" tables with cells wrapped onto a second line, two-digit years, no
 * deemed-date column, boxes printed below their labels).
 *
 * Every value read with doubt is marked `uncertain: true` and gets an info finding `extraction-uncertain`
 * saying what and why, with its span: never a silent guess. Never throws; linear in the text's length (regular
 * expressions run on single cells or lines and have no nested quantifiers).
 */
import { monthNumber } from '../dates';
import { formBoxes, isNumeric, isTransactionField, valueKind, type BoxKey, type TableName } from '../form/layout';
import type { ParseOutcome } from '../model';
import {
  absent,
  emptyFiling,
  emptyOwner,
  emptyRow,
  type DerivativeRow,
  type Field,
  type Filing,
  type Finding,
  type FootnoteRef,
  type ReportingOwner,
  type Row,
  type Span,
} from '../model';
import { cleanFormText, type CleanText } from './form/clean';
import {
  collapse,
  documentTypeFromTitle,
  makeField,
  normalizeAcquiredDisposed,
  normalizeDate,
  normalizeDirectIndirect,
  normalizeNumber,
  TRANSACTION_CODES,
} from './form/normalize';

/** Plain or OCR text of a printed form into the model; `{ok:false}` when it is not a Form 3/4/5. */
export function parseFormText(text: string, file: string): ParseOutcome {
  try {
    return new TextFormReader(text, file).read();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `could not read this text as a Form 3/4/5 (${msg})`, findings: [] };
  }
}

/** A cell: text between tabs on one line, in cleaned-text offsets. */
interface Cell {
  start: number;
  end: number;
  text: string;
}

interface Line {
  start: number;
  end: number;
  text: string;
  cells: Cell[];
  /** Columns separated by "|" (old text filings). */
  piped?: boolean;
}

/** A piece of cleaned text with its cleaned offsets. */
interface Piece {
  raw: string;
  start: number;
  end: number;
  /** The value joined with its continuation on the next line (a wrapped table cell); `raw` stays the first part. */
  merged?: string;
}

/** The boxes of a table, left to right, that a row's values are read into. */
type Layout = BoxKey[];

/** A holding's boxes: a holding leaves the transaction's columns empty. */
const HOLDING_LAYOUTS: Record<TableName, Layout> = {
  nonDerivative: formBoxes('4', 'nonDerivative').filter((k) => !isTransactionField(k)),
  // Table II's price (column 8) stays: a number printed there must not shift the amounts after it.
  derivative: formBoxes('4', 'derivative').filter((k) => !isTransactionField(k) || k === 'transactionPricePerShare'),
};

const DATE_RE = /(?<![\w/])([0-9OolI]{1,2})\s?[/.-]\s?([0-9OolI]{1,2})\s?[/.-]\s?([0-9OolI]{4})(?![\w/])/;
/** Old text filings: "2/7/00". */
const DATE2_RE = /(?<![\w/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\w/])/;
/** "February 29,2000", "Feb. 29, 2000". */
const MONTH_DATE_RE =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s{1,3}(\d{1,2}),?\s{0,3}(\d{4})\b/i;
/** Cell values that mean "nothing here". */
const NONE_VALUES = new Set(['-', '--', '---', '\u2014', '\u2013', 'N/A', 'n/a', 'NA', 'None', 'none']);

/** OCR letter-for-digit confusions. */
function ocrDigits(s: string): string {
  return s.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
}

const HEADER_WORDS =
  /(Title of|\(Instr\.|Instr\. \d|Month\/Day\/Year|Transaction Code|\(A\) or \(D\)|Date Exercisable|Expiration Date|Amount or Number|Ownership Form|Beneficially Owned|Transaction\(s\)|Nature of Indirect|Deemed Execution|Conversion or Exercise|Securities Acquired|Disposed of|Underlying|Derivative Security|^\s*Code\s*$)/i;

/** The first date in a string: MM/DD/YYYY (OCR letters repaired), "February 29, 2000", or MM/DD/YY. */
function dateFromString(seg: string): { raw: string; index: number; value: string | null; why?: string } | null {
  const m = DATE_RE.exec(seg);
  if (m) {
    const fixed = `${ocrDigits(m[1])}/${ocrDigits(m[2])}/${ocrDigits(m[3])}`;
    const why = /[OolI]/.test(m[0]) ? `letters read as digits in "${m[0]}" (OCR)` : undefined;
    return { raw: m[0], index: m.index, value: normalizeDate(fixed), why };
  }
  const mm = seg.length <= 2000 ? MONTH_DATE_RE.exec(seg) : null;
  if (mm) {
    const mo = monthNumber(mm[1]) ?? 0;
    return { raw: mm[0], index: mm.index, value: normalizeDate(`${mo}/${mm[2]}/${mm[3]}`) };
  }
  const m2 = DATE2_RE.exec(seg);
  if (m2) {
    const yy = Number(m2[3]);
    const year = yy < 50 ? 2000 + yy : 1900 + yy;
    return {
      raw: m2[0],
      index: m2.index,
      value: normalizeDate(`${m2[1]}/${m2[2]}/${year}`),
      why: `two-digit year in "${m2[0]}" read as ${year}`,
    };
  }
  return null;
}

/** How a security title usually begins: where a next row's title starts among lines of words. */
const TITLE_START =
  /^(Class\b|Common\b|Series\b|Stock\b|Option|Restricted|Preferred|Warrant|Ordinary|American\s+Depositary|Performance|Phantom|Units?\b|RSU|Employee|Convertible|Limited\s+Partnership\s+Units|LP\s+Units|Deferred|Subordinate|Right)/i;

/** Words of the printed column headers of Tables I and II (a line of only these is header text). */
const HEADER_VOCAB = new Set(
  (
    'title of security securities derivative conversion or exercise price transaction date deemed execution if any month day year ' +
    'code v amount a d acquired disposed beneficially owned following reported transactions transaction s instr and ownership form ' +
    'direct indirect i nature number underlying expiration exercisable shares at end issuers issuer fiscal the in by to for'
  ).split(' '),
);

function isHeaderVocab(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => HEADER_VOCAB.has(w));
}

/** A header's own numbers ("3.", "2A.", "(Instr. 3 and 4)", "4)") removed: what is left tells whether a line holds values. */
function withoutHeaderNumbers(text: string): string {
  return text
    .replace(/(?<=[A-Za-z.,)]) ?\(\d{1,2}\)/g, ' ') // a marker after a word ("Partnership(4)", "LLLP (2)") is not a value
    .replace(/\b\d{1,2}[A-Z]?\.(?=\s|$)/g, ' ')
    .replace(/Instr\.\s*[\d,\sand]*/gi, ' ')
    .replace(/(?:^|\s)\d\)/g, ' ');
}

/** Rows read per table at most: the form has 30; continuation pages and wrapped rows stay far below this. */
const MAX_TEXT_ROWS = 300;

class TextFormReader {
  private readonly rowLimitHit = new Set<string>();
  private readonly filing: Filing;
  private readonly findings: Finding[] = [];
  private readonly c: CleanText;
  private readonly t: string;
  private lines: Line[] = [];

  constructor(
    private readonly src: string,
    file: string,
  ) {
    this.filing = emptyFiling(file, 'text', src);
    this.c = cleanFormText(src);
    this.t = this.c.text;
  }

  // ---- offsets, fields, findings --------------------------------------------------------------------------

  /** Source span of cleaned range [s, e). */
  private span(s: number, e: number): Span | null {
    if (e <= s || s < 0 || e > this.t.length) return null;
    return { start: this.c.start[s], end: this.c.end[e - 1] };
  }

  /** Trim a cleaned range to its non-space content. */
  private piece(s: number, e: number): Piece | null {
    while (s < e && /[\s\u00a0]/.test(this.t[s])) s++;
    while (e > s && /[\s\u00a0]/.test(this.t[e - 1])) e--;
    if (e <= s) return null;
    return { raw: collapse(this.t.slice(s, e)), start: s, end: e };
  }

  private uncertain(what: string, why: string, span: Span | null): void {
    this.findings.push({ rule: 'extraction-uncertain', severity: 'info', message: `${what}: ${why}`, span });
  }

  private field<T = string>(
    p: Piece,
    value: T | null,
    refs: FootnoteRef[] = [],
    doubt: string | null = null,
    what = '',
  ): Field<T> {
    const sp = this.span(p.start, p.end);
    const f = makeField<T>(p.raw, value, sp, refs, doubt != null);
    if (doubt != null) this.uncertain(what || 'Value', doubt, sp);
    return f;
  }

  /** Mark an existing field uncertain with a finding. */
  private doubt(f: Field<unknown>, what: string, why: string): void {
    f.uncertain = true;
    this.uncertain(what, why, f.span);
  }

  // ---- lines and cells ------------------------------------------------------------------------------------

  private splitLines(): void {
    let s = 0;
    const t = this.t;
    while (s <= t.length) {
      // A line ends at LF, CRLF (the CR stays in the line as white space) or a lone CR (old Mac files), as in VS Code.
      let e = s;
      while (e < t.length && t[e] !== '\n' && !(t[e] === '\r' && t[e + 1] !== '\n')) e++;
      const cells: Cell[] = [];
      let cs = s;
      // Text tables of old filings separate columns with "|": then a pipe separates cells like a tab.
      let pipes = 0;
      for (let k = s; k < e && pipes < 4; k++) if (t[k] === '|') pipes++;
      const piped = pipes >= 4;
      for (let k = s; k <= e; k++) {
        if (k === e || t[k] === '\t' || (piped && t[k] === '|')) {
          cells.push({ start: cs, end: k, text: t.slice(cs, k) });
          cs = k + 1;
        }
      }
      this.lines.push({ start: s, end: e, text: t.slice(s, e), cells, piped });
      s = e + 1;
    }
  }

  /** First match of `re` in the cleaned text at or after `from` (and before `to`), as [start, end]. */
  private find(re: RegExp, from = 0, to = this.t.length): [number, number] | null {
    // Search only [from, to): a bounded window, so a label search never runs over the rest of a huge text.
    const flags = re.flags.replace('g', '').replace('y', '');
    const m = new RegExp(re.source, flags).exec(from === 0 && to >= this.t.length ? this.t : this.t.slice(from, to));
    if (!m) return null;
    return [from + m.index, from + m.index + m[0].length];
  }

  private cellAt(offset: number): { line: Line; cell: Cell; li: number; ci: number } | null {
    // Binary search over lines.
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = this.lines[mid];
      if (offset < l.start) hi = mid - 1;
      else if (offset > l.end) lo = mid + 1;
      else {
        const ci = l.cells.findIndex((c) => offset >= c.start && offset <= c.end);
        return ci >= 0 ? { line: l, cell: l.cells[ci], li: mid, ci } : null;
      }
    }
    return null;
  }

  /** The rest of the cell after a label ending at `labelEnd`, up to `stop` (a regex of what ends the value). */
  private restOfCell(labelEnd: number, stop?: RegExp): Piece | null {
    const at = this.cellAt(labelEnd);
    if (!at) return null;
    let e = at.cell.end;
    if (stop) {
      const m = this.find(stop, labelEnd, e);
      if (m) e = m[0];
    }
    return this.piece(labelEnd, e);
  }

  // ---- reading --------------------------------------------------------------------------------------------

  read(): ParseOutcome {
    this.splitLines();
    const t = this.t;
    const table1 = this.find(/Table\s+I\s*[-\u2010-\u2015]+\s*Non[-\u2010-\u2015\s]*Derivative/i);
    const table2 = this.find(/Table\s+II\s*[-\u2010-\u2015]+\s*Derivative/i);
    const explanation = this.find(/Explanation\s+of\s+Responses\s*:?/i);
    const ownerLabel = this.find(/Name\s+and\s+Address/i);
    const title = documentTypeFromTitle(t.length > 20000 ? t.slice(0, 20000) : t);
    if (!table1 && !title && !ownerLabel) {
      return {
        ok: false,
        reason: 'not the text of a Form 3, 4 or 5: no form title, no "Name and Address" box and no Table I',
        findings: [],
      };
    }
    const headerEnd = table1 ? table1[0] : table2 ? table2[0] : explanation ? explanation[0] : t.length;
    this.readDocumentType(headerEnd, title);
    const form = (this.filing.documentType.value ?? '4').charAt(0);
    this.readCheckBoxes(headerEnd);
    this.readIssuer(headerEnd);
    this.readPeriod(headerEnd, form);
    const owner = this.readOwner(headerEnd);
    this.readRelationship(owner, headerEnd);
    if (owner.name.present || owner.street1.present) this.filing.reportingOwners.push(owner);
    else
      this.uncertain('Reporting person', 'no "Name and Address of Reporting Person" box was found in the text', null);
    let tablesEnd = explanation
      ? explanation[0]
      : (this.find(/Signature\s+of\s+Reporting\s+Person|Reminder:/i, headerEnd)?.[0] ?? t.length);
    // Joint filings print a name-and-address block per reporting person after Table II: read them as owners
    // (their relationship boxes are not printed), and end the tables there.
    const moreOwners: ReportingOwner[] = [];
    const afterTables = table2 ? table2[1] : table1 ? table1[1] : headerEnd;
    const blocksEnd = tablesEnd;
    // At most 10 reporting owners (EDGAR's limit); a few more blocks are tolerated, each search is bounded.
    for (let from = afterTables, n = 0; n < 12; n++) {
      const m = this.find(/Name\s+and\s+Address\s+of\s+Reporting\s+Person/i, from, blocksEnd);
      if (!m) break;
      if (n === 0) tablesEnd = m[0];
      const next = this.find(
        /Name\s+and\s+Address\s+of\s+Reporting\s+Person/i,
        m[1],
        Math.min(explanation ? explanation[0] : t.length, m[1] + 20000),
      );
      const o = this.readOwner(next ? next[0] : explanation ? explanation[0] : t.length, m[0]);
      if (o.name.present) moreOwners.push(o);
      from = m[1];
    }
    if (table1)
      this.readTable('nonDerivative', table1[1], table2 && table2[0] > table1[1] ? table2[0] : tablesEnd, form);
    if (table2) this.readTable('derivative', table2[1], tablesEnd > table2[1] ? tablesEnd : t.length, form);
    const seen = new Set(this.filing.reportingOwners.map((o) => (o.name.value ?? '').toUpperCase()));
    for (const o of moreOwners) {
      const key = (o.name.value ?? '').toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      this.filing.reportingOwners.push(o);
    }
    this.readFootnotesRemarksSignatures(explanation ? explanation[1] : tablesEnd);
    this.checkJointFiling(headerEnd);
    this.crossCheckOwnerName(owner);
    if (
      this.filing.dateOfOriginalSubmission.value &&
      this.filing.documentType.value &&
      !this.filing.documentType.value.endsWith('/A')
    )
      this.filing.documentType.value += '/A';
    this.filing.documentSpan = { start: 0, end: this.src.length };
    const f = this.filing;
    if (
      !f.issuer.name.value &&
      !f.periodOfReport.value &&
      !f.nonDerivative.length &&
      !f.derivative.length &&
      !f.signatures.some((x) => x.date.value)
    )
      return {
        ok: false,
        reason:
          'the text of a blank Form 3/4/5 (its labels and instructions, but no issuer, date, row or signature filled in)',
        findings: [],
      };
    for (const f of this.findings) this.filing.findings.push(f); // (a spread of 200,000 findings overflows the stack)
    return { ok: true, filing: this.filing };
  }

  private readDocumentType(headerEnd: number, title: '3' | '4' | '5' | null): void {
    const m = this.find(/(?:^|[\n\r])[ \t]*FORM[ \t]+([345])[ \t]*(\/[ \t]*A)?[ \t]*(?=[\r\n]|\t|$)/i, 0, headerEnd);
    if (m) {
      const s = this.t.slice(m[0], m[1]);
      const mm = /([345])[ \t]*(\/[ \t]*A)?/i.exec(s.replace(/^\s*FORM/i, ''))!;
      const off = m[0] + s.search(/FORM/i);
      const p = this.piece(off, m[1])!;
      const v = mm[2] ? `${mm[1]}/A` : mm[1];
      this.filing.documentType = this.field(p, v);
      if (title && title !== mm[1])
        this.doubt(
          this.filing.documentType,
          'Form type',
          `the box says Form ${mm[1]} but the title reads as Form ${title}`,
        );
      return;
    }
    if (title) {
      const tm = this.find(
        /(INITIAL STATEMENT OF BENEFICIAL OWNERSHIP|ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP|STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP)/i,
      );
      const p = tm ? this.piece(tm[0], tm[1]) : null;
      if (p)
        this.filing.documentType = this.field(
          p,
          title,
          [],
          'no "FORM n" box found; the type is taken from the form\'s title',
          'Form type',
        );
      return;
    }
    this.uncertain('Form type', 'no "FORM 3/4/5" box and no form title found; read as a Form 4 layout', null);
  }

  /** Whether a check mark stands just before `labelStart` (same line, only spaces or a box between). */
  private checkedBefore(labelStart: number): { checked: boolean; mark: Piece | null } {
    let k = labelStart - 1;
    // Spaces and the box around the mark: "[X]", "(X)", "__X__" (EDGAR's PDF), "X".
    while (k >= 0 && labelStart - k < 40 && ' \t[]()_'.includes(this.t[k])) k--;
    if (
      k >= 0 &&
      /[Xx\u2713\u2714\u2612\u25a0\u25cf]/.test(this.t[k]) &&
      (k === 0 || !/[A-Za-z0-9]/.test(this.t[k - 1]))
    ) {
      return { checked: true, mark: { raw: this.t[k], start: k, end: k + 1 } };
    }
    return { checked: false, mark: null };
  }

  private readCheckBoxes(headerEnd: number): void {
    const boxes: [
      RegExp,
      'notSubjectToSection16' | 'aff10b5One' | 'form3HoldingsReported' | 'form4TransactionsReported',
    ][] = [
      [/Check\s+this\s+box\s+if\s+no\s+longer\s+subject/i, 'notSubjectToSection16'],
      [/Check\s+this\s+box\s+to\s+indicate\s+that\s+a\s+transaction\s+was\s+made\s+pursuant/i, 'aff10b5One'],
      [/Form\s+3\s+Holdings\s+Reported/i, 'form3HoldingsReported'],
      [/Form\s+4\s+Transactions\s+Reported/i, 'form4TransactionsReported'],
    ];
    for (const [re, key] of boxes) {
      const m = this.find(re, 0, headerEnd);
      if (!m) continue;
      const { checked, mark } = this.checkedBefore(m[0]);
      const label = this.piece(m[0], m[1])!;
      this.filing[key] =
        checked && mark ? this.field<boolean>(mark, true) : { ...this.field<boolean>(label, false), raw: null };
    }
  }

  /** Box 6 (individual or joint filing) has no field; it checks the number of owners read. */
  private checkJointFiling(headerEnd: number): void {
    const one = this.find(/Form\s+filed\s+by\s+One\s+Reporting\s+Person/i, 0, headerEnd);
    const more = this.find(/Form\s+filed\s+by\s+More\s+than\s+One/i, 0, headerEnd);
    const oneMark = one ? this.checkedBefore(one[0]) : null;
    const moreMark = more ? this.checkedBefore(more[0]) : null;
    const claim = oneMark?.checked ? 'one' : moreMark?.checked ? 'more' : null;
    const mark = oneMark?.checked ? oneMark.mark : moreMark?.mark;
    const n = this.filing.reportingOwners.length;
    if ((claim === 'one' && n > 1) || (claim === 'more' && n < 2))
      this.uncertain(
        'Reporting persons',
        `box 6 says the form is filed by ${claim === 'one' ? 'one reporting person' : 'more than one reporting person'}, but ${n} ${n === 1 ? 'was' : 'were'} read`,
        mark ? this.span(mark.start, mark.end) : null,
      );
  }

  private readIssuer(headerEnd: number): void {
    const m =
      this.find(/Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol/i, 0, headerEnd) ??
      this.find(/Issuer\s+Name\s+and\s+Ticker/i, 0, headerEnd);
    if (!m) {
      this.uncertain('Issuer', 'no "Issuer Name and Ticker or Trading Symbol" box was found', null);
      return;
    }
    let p = this.restOfCell(m[1], /\s\d{1,2}\.\s+(?:Relationship|Date|If\s+Amendment|Individual|Statement|Name)/i);
    let nextLine = false;
    if (!p) {
      // The value may sit on the next line, in the same column.
      const at = this.cellAt(m[1]);
      const next = at ? this.lines[at.li + 1] : null;
      // The whole line below: a label cut into cells by tabs ("Issuer Name \tand \tTicker") says nothing of the
      // value's column. A merged line keeps the cell in the label's column.
      const labelCells = at ? at.line.cells.filter((c) => c.text.trim().length > 0).length : 0;
      const cell = labelCells > 1 || !at ? null : next?.cells[at.ci];
      const lineFrom = cell ? cell.start : next ? next.start : 0;
      const lineTo = cell ? cell.end : next ? next.end : 0;
      if (next) {
        const text = this.t.slice(lineFrom, lineTo);
        const stop = /\s\d{1,2}\.\s+(?:Relationship|Date|If\s+Amendment|Individual|Statement|Name)/i.exec(text);
        p = this.piece(lineFrom, stop ? lineFrom + stop.index : lineTo);
      }
      nextLine = true;
    }
    if (!p) {
      this.uncertain('Issuer', 'the issuer box is empty in the text', this.span(m[0], m[1]));
      return;
    }
    const issuer = this.filing.issuer;
    issuer.span = this.span(m[0], p.end);
    const doubt = nextLine ? 'read from the line below its label' : null;
    const br = /[[(]\s?([A-Za-z0-9.-]{1,10})\s?[\])]$/.exec(p.raw.length > 300 ? p.raw.slice(-40) : p.raw);
    const rawText = this.t.slice(p.start, p.end);
    if (br) {
      const open = rawText.lastIndexOf(br[0].trim().charAt(0));
      const namePiece = this.piece(p.start, p.start + open);
      const symStart = p.start + rawText.indexOf(br[1], open);
      if (namePiece) issuer.name = this.field(namePiece, namePiece.raw, [], doubt, 'Issuer name');
      issuer.tradingSymbol = this.field(
        { raw: br[1], start: symStart, end: symStart + br[1].length },
        br[1].toUpperCase(),
        [],
        doubt,
        'Trading symbol',
      );
    } else {
      // Old text filings print the symbol on its own line below the name.
      const at = this.cellAt(p.end);
      const below = at ? this.lines[at.li + 1] : null;
      const symCell = below?.cells.find((x) => x.text.trim().length > 0);
      const sym = symCell ? this.piece(symCell.start, symCell.end) : null;
      if (nextLine && sym && /^[A-Z][A-Z.]{0,5}$/.test(sym.raw) && sym.start < headerEnd) {
        issuer.name = this.field(p, p.raw, [], doubt, 'Issuer name');
        issuer.tradingSymbol = this.field(
          sym,
          sym.raw,
          [],
          'read from the line below the issuer name',
          'Trading symbol',
        );
      } else
        issuer.name = this.field(
          p,
          p.raw,
          [],
          doubt ?? 'no "[SYMBOL]" after the issuer name: the whole box is read as the name',
          'Issuer name',
        );
    }
  }

  /** A date token in cleaned range [s, e): its piece and normalized value, with OCR repairs. */
  private dateIn(s: number, e: number): { p: Piece; value: string | null; repaired: boolean; why?: string } | null {
    const seg = this.t.slice(s, e);
    const r = dateFromString(seg);
    if (!r) return null;
    return {
      p: { raw: r.raw, start: s + r.index, end: s + r.index + r.raw.length },
      value: r.value,
      repaired: r.why != null,
      why: r.why,
    };
  }

  private dateField(
    d: { p: Piece; value: string | null; repaired: boolean; why?: string },
    what: string,
    refs: FootnoteRef[] = [],
  ): Field {
    if (d.value == null) return this.field<string>(d.p, null, refs, `"${d.p.raw}" is not a calendar date`, what);
    return this.field(
      d.p,
      d.value,
      refs,
      d.repaired ? (d.why ?? `letters read as digits in "${d.p.raw}" (OCR)`) : null,
      what,
    );
  }

  private readPeriod(headerEnd: number, form: string): void {
    const label =
      form === '3'
        ? /Date\s+of\s+Event\s+Requiring\s+Statement/i
        : form === '5'
          ? /Statement\s+for\s+Issuer'?s\s+Fiscal\s+Year\s+Ended/i
          : /Date\s+of\s+Earliest\s+Transaction/i;
    const m =
      this.find(label, 0, headerEnd) ??
      this.find(
        /Date\s+of\s+Earliest\s+Transaction|Date\s+of\s+Event\s+Requiring|Fiscal\s+Year\s+Ended|Statement\s+for\s+Month\/(?:Day\/)?Year/i,
        0,
        headerEnd,
      );
    if (m) {
      const at = this.cellAt(m[1]);
      let d = at ? this.dateIn(m[1], at.cell.end) : null;
      let doubt: string | null = null;
      if (!d && at) {
        // Merged columns: the date may sit in the next cell or on the next line.
        const nextCell = at.line.cells[at.ci + 1];
        d = nextCell ? this.dateIn(nextCell.start, nextCell.end) : null;
        // Text extracted from a PDF breaks the label itself over lines: look a few lines down, not past another box.
        for (let i = at.li + 1; !d && i < Math.min(this.lines.length, at.li + 4); i++) {
          const nl = this.lines[i];
          if (nl.start >= headerEnd || /^\s*\d{1,2}\.\s/.test(nl.text)) break;
          d = this.dateIn(nl.start, nl.end);
        }
        if (d)
          doubt =
            d.p.start > at.line.end
              ? 'read from the line below its label'
              : 'the date was not in its box but next to it (merged columns)';
      }
      if (d) {
        this.filing.periodOfReport = this.dateField(d, 'Period of report');
        if (doubt) this.doubt(this.filing.periodOfReport, 'Period of report', doubt);
      } else this.uncertain('Period of report', 'no date found in the date box', this.span(m[0], m[1]));
    } else
      this.uncertain('Period of report', 'no date box (earliest transaction / event / fiscal year end) found', null);
    const am = this.find(/If\s+Amendment,\s+Date\s+(?:of\s+)?Original\s+Filed/i, 0, headerEnd);
    if (am) {
      const at = this.cellAt(am[1]);
      let d = at ? this.dateIn(am[1], at.cell.end) : null;
      if (!d && at) {
        // The date may be printed below the label; not past the next box.
        const nl = this.lines[at.li + 1];
        if (nl && nl.start < headerEnd && !/^\s*\d{1,2}\.\s/.test(nl.text) && nl.text.trim().length < 40)
          d = this.dateIn(nl.start, nl.end);
      }
      if (d) this.filing.dateOfOriginalSubmission = this.dateField(d, 'Date of original filing');
    }
  }

  /** The name-and-address box whose label is the first in [from, headerEnd). */
  private readOwner(headerEnd: number, from = 0): ReportingOwner {
    const o = emptyOwner();
    const m = this.find(/Name\s+and\s+Address(?:\s+of\s+Reporting\s+Person\s*\*?)?/i, from, headerEnd);
    if (!m) return o;
    let p = this.restOfCell(m[1], /of\s+Reporting\s+Person|\(Last\)|\d\.\s+Issuer/i);
    if (p) p = this.stripLead(p, /^[*\s:]+/);
    let doubt: string | null = null;
    if (!p) {
      // The name may be on the next line, before "(Last)".
      const at = this.cellAt(m[1]);
      const nl = at ? this.lines[at.li + 1] : null;
      const cell = nl?.cells.find((c) => c.text.trim().length > 0);
      if (cell && !/^\s*\(Last\)/i.test(cell.text) && !HEADER_WORDS.test(cell.text)) {
        const stop = /\(Last\)/i.exec(cell.text);
        p = this.piece(cell.start, stop ? cell.start + stop.index : cell.end);
        // Below the label and above "(Last) (First) (Middle)" is where the printed form puts the name.
        const after = at ? this.lines[at.li + 2] : null;
        if (!(after && /^\s*\(Last\)/i.test(after.text))) doubt = 'read from the line below the label';
      }
    }
    if (p) {
      o.name = this.field(p, p.raw, [], doubt, 'Reporting person name');
      o.span = this.span(m[0], p.end);
    }
    // Street: after "(Last)" / "(First)" / "(Middle)" up to "(Street)".
    const last = this.find(/\(Last\)/i, m[1], headerEnd);
    const streetLabel = this.find(/\(Street\)/i, m[1], headerEnd);
    if (last) {
      const sameCell = this.restOfCell(last[1], /\((?:First|Middle)\)/i);
      if (sameCell) {
        o.street1 = this.field(
          sameCell,
          sameCell.raw,
          [],
          'the street line is merged with the (Last)/(First)/(Middle) labels; it may be cut at a column edge',
          'Street',
        );
      } else if (streetLabel) {
        const at = this.cellAt(last[1]);
        const lines = at ? this.lines.slice(at.li + 1).filter((l) => l.start < streetLabel[0]) : [];
        const streets: Piece[] = [];
        for (const l of lines) {
          const c = l.cells.find((x) => x.text.trim().length > 0 && x.start < streetLabel[0]);
          if (!c) continue;
          const pc = this.piece(c.start, Math.min(c.end, streetLabel[0]));
          if (pc && !/\((?:First|Middle|Last)\)/i.test(pc.raw) && !/^--\s*\d+\s+of\s+\d+\s*--$/.test(pc.raw))
            streets.push(pc);
        }
        if (streets[0]) o.street1 = this.field(streets[0], streets[0].raw);
        if (streets[1]) o.street2 = this.field(streets[1], streets[1].raw);
      }
    }
    if (!last && !streetLabel && p) this.addressBelowName(o, p, headerEnd);
    if (streetLabel) {
      let p2 = this.restOfCell(streetLabel[1], /\(City\)/i);
      const cityLabel = p2 ? null : this.find(/\(City\)/i, streetLabel[1], Math.min(headerEnd, streetLabel[1] + 300));
      if (!p2 && cityLabel && (this.cellAt(cityLabel[0])?.li ?? 0) - (this.cellAt(streetLabel[1])?.li ?? 0) <= 3) {
        // "TORONTO" / "ONTARIO A6   M5J2T3" / "(City) (State) (Zip)": the lines between the labels.
        p2 = this.piece(streetLabel[1], cityLabel[0]);
      }
      if (!p2) {
        const at = this.cellAt(streetLabel[1]);
        const nl = at ? this.lines[at.li + 1] : null;
        const c = nl?.cells.find((x) => x.text.trim().length > 0);
        if (c) {
          const stop = /\(City\)/i.exec(c.text);
          p2 = this.piece(c.start, stop ? c.start + stop.index : c.end);
        }
      }
      if (p2) this.cityStateZip(o, p2);
      if (o.span && p2) o.span = { start: o.span.start, end: this.span(p2.start, p2.end)!.end };
    }
    for (const [f, what] of [
      [o.street1, 'Street'],
      [o.street2, 'Street (line 2)'],
      [o.zipCode, 'ZIP code'],
    ] as const) {
      const tok = f.raw && f.raw.length < 300 ? /(?:^|\s)([0-9OolI]*\d[0-9OolI]*)(?=\s|,|$)/.exec(f.raw) : null;
      if (tok && /[OolI]/.test(tok[1]) && !f.uncertain)
        this.doubt(
          f,
          what,
          `"${tok[1]}" mixes digits with letters OCR confuses with digits (O/0, l/1): kept as written`,
        );
    }
    return o;
  }

  /**
   * Old text filings print the address under the name without the (Last)/(Street)/(City) labels: the lines
   * below the name up to the next numbered box, the one that reads "City, ST 12345" ending the street lines.
   */
  private addressBelowName(o: ReportingOwner, name: Piece, headerEnd: number): void {
    const at = this.cellAt(name.end);
    if (!at) return;
    const found: Piece[] = [];
    for (let i = at.li + 1; i < this.lines.length && found.length < 6; i++) {
      const l = this.lines[i];
      if (l.start >= headerEnd || /^\s*\d{1,2}\.\s/.test(l.text)) break;
      const c = l.cells.find((x) => x.text.trim().length > 0);
      if (!c) continue;
      const q = this.piece(c.start, c.end);
      if (q) found.push(q);
    }
    const csz = found.findIndex(
      (q) => q.raw.length < 120 && /^(.*?)[,\s]+([A-Za-z]{2})[,\s]+(\d{5}(?:-\d{4})?)$/.test(q.raw),
    );
    if (csz < 0) return;
    const streets = found.slice(0, csz).slice(-2);
    if (streets[0]) o.street1 = this.field(streets[0], streets[0].raw);
    if (streets[1]) o.street2 = this.field(streets[1], streets[1].raw);
    this.cityStateZip(o, found[csz]);
    const lastSpan = this.span(found[csz].start, found[csz].end);
    if (o.span && lastSpan) o.span = { start: o.span.start, end: lastSpan.end };
  }

  private stripLead(p: Piece, re: RegExp): Piece | null {
    const m = re.exec(this.t.slice(p.start, p.end));
    return m ? this.piece(p.start + m[0].length, p.end) : p;
  }

  private cityStateZip(o: ReportingOwner, p: Piece): void {
    const s = this.t.slice(p.start, p.end);
    const m =
      s.length > 200
        ? null
        : /^([\s\S]*?)[,\s]+([A-Za-z]{2}|[A-Z]\d)[,\s]+(\d{5}(?:-\d{4})?|[A-Z0-9]{3,4}\s?[A-Z0-9]{3})\s*$/.exec(s);
    if (!m) {
      o.city = this.field(p, p.raw, [], 'city, state and ZIP code could not be told apart', 'City');
      return;
    }
    const cityP = this.piece(p.start, p.start + m[1].length);
    const zipStart = p.start + s.lastIndexOf(m[3]);
    const stateStart = p.start + s.lastIndexOf(m[2], zipStart - p.start);
    if (cityP) o.city = this.field(cityP, cityP.raw);
    o.state = this.field({ raw: m[2], start: stateStart, end: stateStart + 2 }, m[2].toUpperCase());
    o.zipCode = this.field({ raw: m[3], start: zipStart, end: zipStart + m[3].length }, m[3]);
  }

  private readRelationship(o: ReportingOwner, headerEnd: number): void {
    const box =
      this.find(/(?:Relationship|tionship)\s+of\s+Reporting\s+Pers/i, 0, headerEnd) ??
      this.find(/\(Check\s+all\s+applicable\)|all\s+applicable\)/i, 0, headerEnd);
    const from = box ? box[0] : 0;
    const officer = this.find(/Officer\s*\(give\s+title\s+below\)/i, from, headerEnd);
    const other = this.find(/Other\s*\(specify\s+below\)/i, from, headerEnd);
    let titleRange: [number, number] | null = null;
    if (officer) {
      const p = this.restOfCell(
        officer[1],
        /Other\s*\(specify|[([]\s?[Xx]?\s?[)\]]\s*Other\b|_+\s?[Xx]?\s?_*\s*Other\b/i,
      );
      if (p) {
        titleRange = [p.start, p.end];
        o.officerTitle = this.field(p, p.raw);
      }
    }
    if (other) {
      const p = this.restOfCell(other[1]);
      if (p && !HEADER_WORDS.test(p.raw) && !/^\d\.\s/.test(p.raw)) o.otherText = this.field(p, p.raw);
    }
    const inTitle = (k: number) => titleRange != null && k >= titleRange[0] && k < titleRange[1];
    const flags: [RegExp, 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', string][] = [
      [/\bDirector\b/i, 'isDirector', 'Director'],
      [/10\s?%\s+Owner/i, 'isTenPercentOwner', '10% Owner'],
      [/Officer\s*\(give\s+title/i, 'isOfficer', 'Officer'],
      [/Other\s*\(specify/i, 'isOther', 'Other'],
    ];
    const missing: string[] = [];
    for (const [re, key, name] of flags) {
      let m = this.find(re, from, headerEnd);
      while (m && inTitle(m[0])) m = this.find(re, m[1], headerEnd);
      if (!m) {
        missing.push(name);
        continue;
      }
      const { checked, mark } = this.checkedBefore(m[0]);
      if (checked && mark) o[key] = this.field<boolean>(mark, true);
      else o[key] = { ...this.field<boolean>(this.piece(m[0], m[1])!, false), raw: null };
    }
    if (box && missing.length && missing.length < 4)
      this.uncertain(
        'Relationship',
        `the box${missing.length > 1 ? 'es' : ''} ${missing.join(', ')} could not be found in the text (cut or merged): read as not checked`,
        this.span(box[0], box[1]),
      );
    // Old text filings print the title on the line below the relationship box.
    const wantsText =
      (o.isOfficer.value && !o.officerTitle.value) || (o.isOther.value && !o.otherText.value && !o.isOfficer.value);
    const lastLabel = other ?? officer;
    if (wantsText && lastLabel) {
      const at = this.cellAt(lastLabel[1]);
      const nl = at ? this.lines.slice(at.li + 1, at.li + 3).find((l) => l.text.trim().length > 0) : null;
      const c = nl?.cells.find((x) => x.text.trim().length > 0);
      let q = c && nl!.start < headerEnd ? this.piece(c.start, c.end) : null;
      // A title wrapped over lines ("Chief" / "Technology" / "Officer"): short lines of words only.
      if (q && nl && nl.cells.length === 1) {
        const li0 = this.lines.indexOf(nl);
        for (let i = li0 + 1; i < Math.min(this.lines.length, li0 + 4); i++) {
          const x = this.lines[i];
          const tx = x.text.trim();
          if (
            !tx ||
            x.cells.length > 1 ||
            x.start >= headerEnd ||
            tx.length > 30 ||
            /\d|[()<>]/.test(tx) ||
            HEADER_WORDS.test(tx) ||
            /^Table\b/i.test(tx)
          )
            break;
          const joined = this.piece(q.start, x.end);
          if (!joined || joined.raw.length > 60) break;
          q = joined;
        }
      }
      if (
        q &&
        q.raw.length <= 60 &&
        !/^\d{1,2}\.\s|^<|Table\s+I/i.test(q.raw) &&
        !HEADER_WORDS.test(q.raw) &&
        !/[([]\s?[Xx ]?\s?[)\]]/.test(q.raw)
      ) {
        const f = this.field(
          q,
          q.raw,
          [],
          'read from the line below the relationship box',
          o.isOfficer.value ? 'Officer title' : 'Other (specify)',
        );
        if (o.isOfficer.value) o.officerTitle = f;
        else o.otherText = f;
      }
    }
    if (o.isOfficer.value && !o.officerTitle.value)
      this.uncertain('Officer title', 'Officer is checked but no title was found', o.isOfficer.span);
  }

  // ---- tables ---------------------------------------------------------------------------------------------

  private isHeaderLine(l: Line): boolean {
    const cells = l.cells.map((c) => c.text.trim()).filter((x) => x.length > 0);
    if (!cells.length) return true;
    if (HEADER_WORDS.test(l.text)) return true;
    if (
      l.text.length < 200 &&
      !DATE_RE.test(l.text) &&
      !/\d/.test(withoutHeaderNumbers(l.text)) &&
      isHeaderVocab(l.text)
    )
      return true;
    // A line of a "|" table without a single digit: header text split over lines.
    if (l.cells.length >= 4 && !/\d/.test(l.text)) return true;
    return cells.every((x) =>
      /^(Code|V|v|Amount|\(A\)|\(D\)|Price|Title|Date|Exercisable|\(A\) or \(D\)|' '|''|[-'",.]+)$/i.test(x),
    );
  }

  private readTable(table: 'nonDerivative' | 'derivative', from: number, to: number, form: string): void {
    const modern = formBoxes(form === '3' || form === '5' ? form : '4', table);
    // Forms before 2002 have no deemed execution date column, and their Table II has "Amount | A/D" where
    // today's form has "(A) | (D)". A header that names its columns without "Deemed" puts those first.
    const noDeemed = modern.filter((k) => k !== 'deemedExecutionDate');
    const oldII = noDeemed.flatMap((k): BoxKey[] =>
      k === 'sharesAcquired'
        ? ['transactionShares', 'transactionAcquiredDisposedCode']
        : k === 'sharesDisposed'
          ? []
          : [k],
    );
    const region = this.t.slice(from, Math.min(to, from + 20000));
    const old = /Title\s+of/i.test(region) && !/Deemed/i.test(region);
    const candidates = form === '3' ? [modern] : old ? [noDeemed, oldII, modern] : [modern, noDeemed, oldII];
    const layouts = candidates.filter((x, i) => candidates.findIndex((y) => y.join() === x.join()) === i);
    // At most enough lines for MAX_TEXT_ROWS rows, each wrapped over several lines: the rest is not read anyway.
    const lines = this.lines.filter((l) => l.start >= from && l.end <= to).slice(0, MAX_TEXT_ROWS * 8);
    // Skip the rest of the title line ("(e.g., puts, calls, ...)") and the header lines.
    let pendingTitle: Piece[] = [];
    // Table markup, rules, and the page markers text extraction leaves ("-- 1 of 2 --").
    const skipLine = (text: string) =>
      /^</.test(text) || /^[-_=|.\s]*$/.test(text) || /^--\s*\d+\s+of\s+\d+\s*--$/.test(text);
    const isData = (x: Line) => DATE_RE.test(x.text) || /\d/.test(withoutHeaderNumbers(x.text));
    const startsWithValue = (x: Line) => /^[\s]*(?:\$|\(\d|[0-9OolI]{1,3}(?:[,./]|\d))/.test(x.text);
    const hasDate = (x: Line) => DATE_RE.test(x.text) || DATE2_RE.test(x.text);
    /** A line that is one bare number ("2021" of a trust's name broken over lines): words, not values. */
    const lone = (x: Line) => /^\d{1,4}$/.test(x.text.trim());
    const filled = (l: Line) =>
      l.cells.filter((c) => c.text.trim().length > 0 && !NONE_VALUES.has(c.text.trim())).length;
    for (let li = 0; li < lines.length; li++) {
      const l = lines[li];
      if (l.start < from) continue;
      const text = l.text.trim();
      if (!text) continue;
      if (skipLine(text)) {
        pendingTitle = []; // words above a rule or table markup are header text, not a wrapped title
        continue;
      }
      if (
        /^\(?e\.g\.,/i.test(text) ||
        /Acquired,\s+Disposed\s+of,\s+or\s+Beneficially\s+Owned|Securities\s+Beneficially\s+Owned\s*$/i.test(text)
      )
        continue;
      if (this.isHeaderLine(l)) {
        pendingTitle = [];
        continue;
      }
      const hasData = DATE_RE.test(l.text) || /\d/.test(withoutHeaderNumbers(l.text));
      if (!hasData) {
        // A line of words only: part of a wrapped security title (joined to the next row, or the previous).
        const p = this.piece(l.start, l.end);
        if (p) pendingTitle.push(p);
        continue;
      }
      // A row of a "|" table wrapped onto the next line: same cells, few of them filled.
      let cont: Line | null = null;
      const next = lines[li + 1];
      if (l.piped && next && next.cells.length === l.cells.length && !skipLine(next.text.trim())) {
        const n = filled(next);
        if (n > 0 && n * 5 <= filled(l) * 2) {
          cont = next;
          li++;
        }
      }
      if (!l.piped) {
        // Text extracted from a PDF breaks a row over lines: the title's words above the values ("Class B" /
        // "Common" / "Stock" / "$0 10/02/2015 C ..."), values cut at the line end ("... 04/29/2035 Common" /
        // "Stock 757,576 $0 757,756 D"), the nature's last word below ("I Limited" / "Partnership(4)"). A row is
        // complete when its ownership form (D or I) follows its last amount; until then it takes the next lines.
        const before = startsWithValue(l) ? pendingTitle : [];
        const after: Line[] = [];
        let j = li + 1;
        let complete = this.rowComplete([l, ...after]);
        while (j < lines.length && after.length < 8) {
          const x = lines[j];
          const tx = x.text.trim();
          if (!tx) {
            j++;
            continue;
          }
          if (skipLine(tx) || this.isHeaderLine(x)) break;
          if (!complete) {
            if (isData(x) && hasDate(x) && !startsWithValue(x)) break; // a new row with its own date
            after.push(x);
            li = j++;
            complete = this.rowComplete([l, ...after]);
            continue;
          }
          if (!isData(x) || lone(x)) {
            // Words after a complete row: the end of this row's nature of ownership, or the title of a next row
            // whose values follow without one. The title starts at the first line that reads like one.
            let k2 = j;
            const wordsAhead: Line[] = [];
            const wordsAt: number[] = [];
            while (
              k2 < lines.length &&
              (!lines[k2].text.trim() ||
                ((!isData(lines[k2]) || lone(lines[k2])) &&
                  !skipLine(lines[k2].text.trim()) &&
                  !this.isHeaderLine(lines[k2])))
            ) {
              if (lines[k2].text.trim()) {
                wordsAhead.push(lines[k2]);
                wordsAt.push(k2);
              }
              k2++;
            }
            const y = lines[k2];
            const valuesNext = !!y && isData(y) && startsWithValue(y) && !skipLine(y.text.trim());
            const titleAt = valuesNext ? wordsAhead.findIndex((w) => TITLE_START.test(w.text.trim())) : -1;
            const take = valuesNext ? (titleAt < 0 ? 0 : titleAt) : wordsAhead.length;
            if (take === 0 || wordsAhead.slice(0, take).some((w) => w.text.trim().length > 60)) break;
            after.push(...wordsAhead.slice(0, take));
            li = wordsAt[take - 1];
            break;
          }
          break;
        }
        if (before.length || after.length) {
          this.readRow(table, l, layouts, form, before.length ? [] : pendingTitle, null, before, after);
          pendingTitle = [];
          continue;
        }
      }
      this.readRow(table, l, layouts, form, pendingTitle, cont);
      pendingTitle = [];
    }
    if (pendingTitle.length) {
      const rows = table === 'derivative' ? this.filing.derivative : this.filing.nonDerivative;
      const last = rows[rows.length - 1];
      for (const p of pendingTitle) {
        if (last) {
          this.uncertain(
            `${table === 'derivative' ? 'Table II' : 'Table I'} row ${last.index + 1}`,
            `a line of text after the row ("${p.raw.slice(0, 60)}") is not read as part of it`,
            this.span(p.start, p.end),
          );
        } else
          this.uncertain(
            table === 'derivative' ? 'Table II' : 'Table I',
            `a line without values ("${p.raw.slice(0, 60)}") was skipped`,
            this.span(p.start, p.end),
          );
      }
    }
  }

  /** Whether the tokens of a row's lines end with an ownership form (D or I) after the last amount. */
  private rowComplete(lines: Line[]): boolean {
    const toks = lines.flatMap((x) => x.text.split(/\s+/)).filter((w) => w.length > 0);
    let lastNum = -1;
    toks.forEach((w, i) => {
      if (/^\$?[0-9][0-9,.]*(?:\(\d{1,2}\))*$/.test(w)) lastNum = i;
    });
    for (let i = lastNum + 1; i < toks.length; i++) if (/^\(?[DI]\)?(?:\(\d{1,2}\))*$/.test(toks[i])) return true;
    return false;
  }

  /** Split a cell's text into value and trailing footnote markers "(1)(2)". */
  private splitMarkers(p: Piece): { value: Piece | null; refs: FootnoteRef[] } {
    const s = this.t.slice(p.start, p.end);
    const refs: FootnoteRef[] = [];
    // Trailing markers only: walk back over "(n)" groups.
    let cut = s.length;
    for (let n = 0; n < 20; n++) {
      // Look only at the last few characters: a marker is short (linear however long the cell).
      const from = Math.max(0, cut - 12);
      const m = /\(\s?(\d{1,2})\s?\)\s*$/.exec(s.slice(from, cut));
      if (!m) break;
      const at = from + m.index;
      refs.unshift({ id: `F${Number(m[1])}`, span: this.span(p.start + at, p.start + at + m[0].trimEnd().length) });
      cut = at;
    }
    return { value: this.piece(p.start, p.start + cut), refs };
  }

  private readRow(
    table: 'nonDerivative' | 'derivative',
    l: Line,
    layouts: Layout[],
    form: string,
    titleBefore: Piece[],
    cont: Line | null = null,
    linesBefore: Piece[] = [],
    linesAfter: Line[] = [],
  ): void {
    const rows = table === 'derivative' ? this.filing.derivative : this.filing.nonDerivative;
    const index = rows.length;
    if (index >= MAX_TEXT_ROWS) {
      // A form has at most 30 rows a table; far more is not a form's table (and would cost time and memory).
      if (!this.rowLimitHit.has(table)) {
        this.findings.push({
          rule: 'read-limit',
          severity: 'warning',
          message: `${table === 'derivative' ? 'Table II' : 'Table I'} has more than ${MAX_TEXT_ROWS} rows; the rest is not read`,
          span: this.span(l.start, l.end),
        });
        this.rowLimitHit.add(table);
      }
      return;
    }
    const row: Row =
      table === 'derivative' ? emptyRow('derivative', 'holding', index) : emptyRow('nonDerivative', 'holding', index);
    row.span = this.span(
      linesBefore.length ? linesBefore[0].start : l.start,
      linesAfter.length ? linesAfter[linesAfter.length - 1].end : l.end,
    );
    const where = `${table === 'derivative' ? 'Table II' : 'Table I'} row ${index + 1}`;
    // Cells by tab; trailing empty cells dropped.
    const none = (p: Piece | null) => (p && NONE_VALUES.has(p.raw) ? null : p);
    const cells = l.cells.map((c) => none(this.piece(c.start, c.end)));
    if (cont) {
      // Join each cell with its continuation: "Options to Purchase Co" + "mmon Stock", "2/7/0" + "0".
      cont.cells.forEach((c, i) => {
        const q = none(this.piece(c.start, c.end));
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
    for (const layout of layouts) {
      if (linesBefore.length || linesAfter.length) break; // a row spread over lines has no column positions
      if (cells.length < 2 || cells.length > layout.length) continue;
      const m = new Map<BoxKey, Piece>();
      let ok = true;
      cells.forEach((p, i) => {
        if (!p) return;
        if (!this.fits(layout[i], p)) ok = false;
        m.set(layout[i], p);
      });
      if (ok) {
        assigned = m;
        break;
      }
    }
    if (!assigned) {
      const ranges: [number, number][] = [
        ...linesBefore.map((p): [number, number] => [p.start, p.end]),
        [l.start, l.end],
        ...linesAfter.map((x): [number, number] => [x.start, x.end]),
      ];
      assigned = this.bySequence(l, layouts[0], cells, ranges, table, form);
      fallback = true;
    }
    if (!assigned.size) {
      this.uncertain(
        where,
        'a line with values that could not be read as a row (no security title before the values): not read',
        row.span,
      );
      return;
    }
    if (fallback)
      this.uncertain(
        where,
        `the columns are not separated in the text${linesBefore.length || linesAfter.length ? ' and the row runs over several lines' : ''}; values were assigned by their kind (date, code, amount, A/D, D/I) in column order`,
        row.span,
      );
    // Without column positions, the kind of a code, A/D, D/I letter or a title is plain; which box an amount
    // (or, in Table II, a date) belongs to is inferred from the order: those are marked uncertain.
    const certainBoxes = new Set<BoxKey>([
      'securityTitle',
      'transactionCode',
      'transactionTimeliness',
      'transactionAcquiredDisposedCode',
      'directOrIndirectOwnership',
      ...(table === 'nonDerivative' ? (['transactionDate'] as BoxKey[]) : []),
    ]);
    for (const [box, p] of assigned)
      this.assignCell(
        row,
        box,
        p,
        where,
        fallback && !certainBoxes.has(box)
          ? 'the columns are not separated in the text: the box is inferred from the order of the values'
          : null,
      );
    if (titleBefore.length && row.securityTitle.raw != null) {
      // Words on the line(s) before the row: a security title wrapped upward by the text extraction.
      this.doubt(
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
    if (row.table === 'derivative') this.filing.derivative.push(row);
    else this.filing.nonDerivative.push(row);
  }

  /** Whether a cell's text can be a value of the box (markers stripped). */
  private fits(box: BoxKey, p: Piece): boolean {
    const v = p.merged ?? this.splitMarkers(p).value?.raw ?? '';
    if (!v) return true; // only markers: fits any value box
    switch (valueKind(box)) {
      case 'text':
        return /[A-Za-z]/.test(v);
      case 'date':
        return DATE_RE.test(v) || DATE2_RE.test(v) || MONTH_DATE_RE.test(v) || /^[A-Za-z][A-Za-z .]{2,}$/.test(v); // "Immediately"; "(1)" handled above
      case 'code':
        return /^[A-Za-z]\s?(?:\(\s?\d{1,2}\s?\))?$/.test(v);
      case 'flag':
        return /^[Vv]$/.test(v);
      case 'acquiredDisposed':
        return /^\(?[AD]\)?$/i.test(v) || /^A\s?[,/]\s?D$/i.test(v);
      case 'directIndirect':
        return /^\(?[DI]\)?$/i.test(v);
      case 'amount':
        return /^\$?\s?[0-9OolI][0-9OolI,.\s]*-?$/.test(v);
    }
  }

  /**
   * Columns not separated: read the row's tokens left to right, taking for each column of the layout the next
   * token of the right kind. Titles run until the first date or amount.
   */
  private bySequence(
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
      const text = this.t.slice(rs, re0);
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        const s = rs + m.index;
        const e = s + m[0].length;
        const gap = toks.length ? this.t.slice(toks[toks.length - 1].end, s) : '';
        if (/^\(\d{1,2}\)$/.test(m[0]) && toks.length && !gap.includes('\t') && !gap.includes('\n')) {
          // A marker right after a value cites it; one in a cell of its own is a value box holding only a footnote.
          toks[toks.length - 1] = {
            raw: this.t.slice(toks[toks.length - 1].start, e),
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
    const isNum = (p: Piece) => this.fits('transactionShares', p) && /\d/.test(p.raw);
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
          : this.fits(box, p) && !isDate(p) && !isNum(p) && !markerOnly(p)
      ) {
        out.set(box, p);
        k++;
      }
    }
    if (k < toks.length) {
      const rest = toks.slice(k);
      this.uncertain(
        'Table row',
        `text after the last recognized value was not read: "${rest
          .map((x) => x.raw)
          .join(' ')
          .slice(0, 60)}"`,
        this.span(rest[0].start, rest[rest.length - 1].end),
      );
    }
    return out;
  }

  private assignCell(row: Row, box: BoxKey, p: Piece, where: string, doubt: string | null): void {
    const d = row.table === 'derivative' ? (row as DerivativeRow) : null;
    const split = p.merged != null ? { value: { ...p }, refs: [] as FootnoteRef[] } : this.splitMarkers(p);
    const { value, refs } = split;
    if (p.merged != null) {
      // Raw (and span) stay the first line's text; the value is read from the joined text, with doubt.
      const why = `the value continues on the next line: read as "${p.merged}"`;
      doubt = doubt ? `${doubt}; ${why}` : why;
    }
    const vt = (x: Piece) => x.merged ?? x.raw;
    const text = (f: string): Field =>
      value
        ? this.field(value, vt(value), refs, doubt, `${where} ${f}`)
        : { ...absent(), present: refs.length > 0, footnotes: refs, span: this.span(p.start, p.end) };
    const num = (f: string): Field => {
      if (!value) return { ...absent(), present: refs.length > 0, footnotes: refs, span: this.span(p.start, p.end) };
      let v = normalizeNumber(vt(value));
      let why = doubt;
      if (v == null) {
        const fixed = normalizeNumber(ocrDigits(vt(value).replace(/\s+/g, '')));
        const trimmed = normalizeNumber(vt(value).replace(/[\s-]+$/, ''));
        if (fixed != null) {
          v = fixed;
          why = `letters read as digits in "${vt(value)}" (OCR)`;
        } else if (trimmed != null) {
          v = trimmed;
          why = `a trailing "-" after the amount in "${vt(value)}" is ignored`;
        } else why = `"${vt(value)}" is not a number`;
      }
      return this.field(value, v, refs, why, `${where} ${f}`);
    };
    const date = (f: string): Field => {
      if (!value) return { ...absent(), present: refs.length > 0, footnotes: refs, span: this.span(p.start, p.end) };
      if (value.merged != null) {
        const r = dateFromString(value.merged);
        return this.field<string>(
          value,
          r?.value ?? null,
          refs,
          r ? (r.why ? `${doubt}; ${r.why}` : doubt) : `${doubt}; not a date`,
          `${where} ${f}`,
        );
      }
      const dt = this.dateIn(value.start, value.end);
      if (!dt) return this.field<string>(value, null, refs, doubt ?? `"${value.raw}" is not a date`, `${where} ${f}`);
      const fld = this.dateField(dt, `${where} ${f}`, refs);
      if (doubt && !fld.uncertain) this.doubt(fld, `${where} ${f}`, doubt);
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
        row.codingSpan = this.span(p.start, p.end);
        row.codingFootnotes = refs;
        if (!value) return;
        const code = vt(value).toUpperCase();
        const known = TRANSACTION_CODES.has(code);
        row.transactionCode = this.field(
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
          row.transactionTimeliness = this.field(
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
        const sp = value ? this.span(value.start, value.end) : this.span(p.start, p.end);
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
          this.doubt(
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
          row.transactionAcquiredDisposedCode = this.field(
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
          row.directOrIndirectOwnership = this.field(
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

  // ---- footnotes, remarks, signature ----------------------------------------------------------------------

  private readFootnotesRemarksSignatures(from: number): void {
    const t = this.t;
    const sigLabel = this.find(/Signature\s+of\s+Reporting\s+Person/i, from);
    const slash = this.find(/\/s\/|\bs\/\s/i, from);
    const remarks = this.find(/(?:^|[\n\r])[ \t]*Remarks\s*:/i, from);
    const reminder = this.find(/Reminder:|Note:\s+File\s+three\s+copies|Persons\s+who\s+respond/i, from);
    // EDGAR's "Filing HTML Converter" PDFs add a "Reporting Owners" table and a "Signatures" section after the notes.
    const ownersHead = this.find(/(?:^|[\n\r])[ \t]*Reporting Owners[ \t]*(?=[\r\n])/, from);
    const sigHead = this.find(/(?:^|[\n\r])[ \t]*Signatures[ \t]*(?=[\r\n])/, from);
    // The signature line: the one with "/s/", else the last non-empty line before "Signature of Reporting Person".
    let sigLine: Line | null = null;
    if (slash && (!sigLabel || slash[0] < sigLabel[1] + 400)) sigLine = this.cellAt(slash[0])?.line ?? null;
    else if (sigLabel) {
      const at = this.cellAt(sigLabel[0]);
      if (at) for (let i = at.li - 1; i >= 0 && !sigLine; i--) if (this.lines[i].text.trim()) sigLine = this.lines[i];
    }
    const endNotes = Math.min(
      remarks ? remarks[0] : t.length,
      sigLine ? sigLine.start : t.length,
      sigLabel ? sigLabel[0] : t.length,
      reminder ? reminder[0] : t.length,
      ownersHead ? ownersHead[0] : t.length,
      sigHead ? sigHead[0] : t.length,
    );
    if (ownersHead)
      this.readOwnersSection(
        ownersHead[1],
        Math.min(
          sigHead && sigHead[0] > ownersHead[1] ? sigHead[0] : t.length,
          sigLine && sigLine.start > ownersHead[1] ? sigLine.start : t.length,
        ),
      );
    this.readFootnotes(from, endNotes);
    if (remarks && remarks[0] < (sigLine ? sigLine.start : t.length)) {
      const after = (x: [number, number] | null) => (x && x[0] > remarks[1] ? x[0] : t.length);
      const e = Math.min(
        sigLine ? sigLine.start : t.length,
        sigLabel ? sigLabel[0] : t.length,
        after(reminder),
        after(ownersHead),
        after(sigHead),
      );
      const p = this.piece(remarks[1], e);
      if (p) this.filing.remarks = this.field(p, p.raw);
    }
    if (sigLine) this.readSignatureLine(sigLine);
    // More signatures: every further line that starts with "/s/" before the reminder.
    if (sigLine) {
      const li0 = this.lines.indexOf(sigLine);
      const stop = reminder ? reminder[0] : t.length;
      let consumed = this.filing.signatures[0]?.span ? this.cleanAt(this.filing.signatures[0].span.end) : sigLine.end;
      for (let i = li0 + 1; i < this.lines.length && this.filing.signatures.length < 20; i++) {
        const l = this.lines[i];
        if (l.start >= stop) break;
        if (l.start < consumed || !/^\s*\/s\//i.test(l.text)) continue;
        this.readSignatureLine(l);
        const last = this.filing.signatures[this.filing.signatures.length - 1];
        consumed = last?.span ? this.cleanAt(last.span.end) : l.end;
      }
    }
  }

  /** The cleaned offset of a source offset (the first cleaned character at or after it). */
  private cleanAt(srcOffset: number): number {
    let lo = 0;
    let hi = this.c.end.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.c.end[mid] < srcOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The "Reporting Owners" table of EDGAR's converted PDFs, as text: per owner a name line, street lines and a
   * "CITY, ST ZIP" line, then the relationship marks, whose columns the text does not keep. Owners not yet read
   * are added with their name and address; their relationship stays unread (said so).
   */
  private readOwnersSection(from: number, to: number): void {
    const lines = this.lines.filter((l) => l.start >= from && l.end <= to);
    const known = new Set(this.filing.reportingOwners.map((o) => (o.name.value ?? '').toUpperCase()));
    let block: Piece[] = [];
    const cityLine = /^(.*?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
    for (const l of lines) {
      const tx = l.text.trim();
      if (!tx || /^--\s*\d+\s+of\s+\d+\s*--$/.test(tx) || /Reporting Owner Name|^Director/i.test(tx)) continue;
      if (/^[Xx]$/.test(tx) || (!block.length && !/[a-z]{2}/i.test(tx))) continue; // relationship marks
      const c = l.cells.find((x) => x.text.trim().length > 0);
      if (!c) continue;
      let p = this.piece(c.start, c.end);
      if (!p) continue;
      const mark = / X$/.exec(p.raw);
      if (mark) p = this.piece(p.start, p.end - 2) ?? p;
      block.push(p);
      if (tx.length < 120 && cityLine.test(p.raw)) {
        const [name, ...rest] = block;
        block = [];
        if (!name || known.has(name.raw.toUpperCase()) || rest.length < 1) continue;
        known.add(name.raw.toUpperCase());
        const o = emptyOwner();
        o.name = this.field(name, name.raw);
        const streets = rest.slice(0, -1);
        if (streets[0]) o.street1 = this.field(streets[0], streets[0].raw);
        if (streets[1]) o.street2 = this.field(streets[1], streets[1].raw);
        this.cityStateZip(o, rest[rest.length - 1]);
        o.span = this.span(name.start, rest[rest.length - 1].end);
        this.uncertain(
          'Reporting owner',
          `${name.raw}: read from the "Reporting Owners" table; its relationship marks lost their columns in the text`,
          o.span,
        );
        this.filing.reportingOwners.push(o);
      }
    }
  }

  private readFootnotes(from: number, to: number): void {
    const lines = this.lines.filter((l) => l.end > from && l.start < to);
    // Each footnote: its number and the cleaned range of its text (continuation lines extend it).
    const notes: { idPiece: Piece; numStart: number; bodyStart: number; bodyEnd: number }[] = [];
    for (const l of lines) {
      const s = Math.max(l.start, from);
      const e = Math.min(l.end, to);
      const lineText = this.t.slice(s, e);
      if (/^\s*--\s*\d+\s+of\s+\d+\s*--\s*$/.test(lineText)) continue; // a page marker of text extraction
      const m = /^[\s*]*\(?(\d{1,2})\s?[.)]\)?\s+(?=\S)/.exec(lineText);
      if (m) {
        const numStart = s + lineText.indexOf(m[1], 0);
        notes.push({
          idPiece: { raw: m[1], start: numStart, end: numStart + m[1].length },
          numStart,
          bodyStart: s + m[0].length,
          bodyEnd: e,
        });
        continue;
      }
      const p = this.piece(s, e);
      if (!p) continue;
      const last = notes[notes.length - 1];
      if (last)
        last.bodyEnd = e; // a continuation line of the previous footnote
      else if (!/^Explanation of Responses/i.test(p.raw)) {
        this.uncertain(
          'Explanation of responses',
          `a line without a footnote number ("${p.raw.slice(0, 60)}") was not read`,
          this.span(p.start, p.end),
        );
      }
    }
    for (const n of notes) {
      const body = this.piece(n.bodyStart, n.bodyEnd);
      this.filing.footnotes.push({
        id: this.field(n.idPiece, `F${Number(n.idPiece.raw)}`),
        text: body ? this.field(body, body.raw) : { ...absent(), present: true },
        span: this.span(n.numStart, body ? body.end : n.idPiece.end),
      });
    }
  }

  private readSignatureLine(l: Line): void {
    // The date is the last date on the line; the name is what comes before it.
    let last: { p: Piece; value: string | null; repaired: boolean; why?: string } | null = null;
    let pos = l.start;
    for (;;) {
      const d = this.dateIn(pos, l.end);
      if (!d) break;
      last = d;
      pos = d.p.end;
    }
    let nameEnd = last ? last.p.start : l.end;
    let spanEnd = l.end;
    if (!last) {
      // Text extracted from a PDF wraps a long name: "/s/ Valentina Margulis, as" / "attorney-in-fact for Sergey" /
      // "Brin" / "10/05/2015". Join the lines up to the date, unless a label ("DATE") comes first.
      const li0 = this.lines.indexOf(l);
      for (let i = li0 + 1; i < Math.min(this.lines.length, li0 + 4); i++) {
        const x = this.lines[i];
        if (!x.text.trim() || /Signature|^\s*Date\s*$|Reminder|Remarks/i.test(x.text)) break;
        const d = this.dateIn(x.start, x.end);
        if (d) {
          last = d;
          nameEnd = d.p.start;
          spanEnd = x.end;
          break;
        }
      }
      if (!last) nameEnd = l.end;
    }
    const name = this.piece(l.start, nameEnd);
    if (!last) {
      // Old text filings: "DATE" on the next line, the date below it.
      const li = this.lines.indexOf(l);
      for (let i = li + 1; i < Math.min(this.lines.length, li + 4) && !last; i++)
        last = this.dateIn(this.lines[i].start, this.lines[i].end);
    }
    if (!name && !last) return;
    // A name wrapped at a hyphen ("Attorney-in-" / "Fact") reads as one word in the value; raw keeps the break.
    const nameValue = name ? (spanEnd > l.end ? name.raw.replace(/([A-Za-z])- (?=[A-Za-z])/g, '$1-') : name.raw) : null;
    this.filing.signatures.push({
      name: name ? this.field(name, nameValue) : absent<string>(),
      date: last ? this.dateField(last, 'Signature date') : absent<string>(),
      span: this.span(l.start, spanEnd) ?? null,
    });
  }

  /**
   * The owner's name as printed ("Last First Middle") against the signature ("/s/ First M. Last"): when the
   * words agree but one initial differs, OCR has likely misread a letter. Keep what is written, say so.
   */
  private crossCheckOwnerName(o: ReportingOwner): void {
    const name = o.name.raw;
    const sig = this.filing.signatures[0]?.name.raw;
    if (!name || !sig || /attorney|in[- ]fact|\bby\b|\bfor\b/i.test(sig)) return;
    const words = (s: string) =>
      s
        .replace(/\/s\//gi, ' ')
        .toUpperCase()
        .split(/[^A-Z]+/)
        .filter((w) => w.length > 0);
    const a = words(name);
    const b = words(sig);
    const longA = a.filter((w) => w.length > 1);
    const longB = new Set(b.filter((w) => w.length > 1));
    if (!longA.length || !longA.every((w) => longB.has(w))) return;
    const initialsA = a.filter((w) => w.length === 1);
    const initialsB = b.filter((w) => w.length === 1);
    if (initialsA.length === 1 && initialsB.length === 1 && initialsA[0] !== initialsB[0]) {
      this.doubt(
        o.name,
        'Reporting person name',
        `the middle initial "${initialsA[0]}" differs from the signature's "${initialsB[0]}" (${sig}); OCR may have misread it — kept as written`,
      );
    }
  }
}
