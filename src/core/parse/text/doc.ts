/**
 * What the parts of the text reader share: the cleaned text with its lines and cells, label search in a bounded
 * window, pieces of text with their source spans, fields with their doubts, dates and check marks.
 */
import type { BoxKey } from '../../form/layout';
import { emptyFiling, type Field, type Filing, type Finding, type FootnoteRef, type Row, type Span } from '../../model';
import { cleanFormText, type CleanText } from '../form/clean';
import { collapse, makeField } from '../form/normalize';
import { dateFromString } from './patterns';

/** What the text around a field tells of its words (counted by ./doc-words). */
export interface ProseContext {
  /** Whether a word (in lower case) occurs more than once in the text. */
  repeated(lower: string): boolean;
  /** Whether a word (in lower case) occurs in the text. */
  seen(lower: string): boolean;
  /** How often a word (in lower case) occurs in the text. */
  count(lower: string): number;
  /** The words (in lower case, at least four letters) the text writes at least twice, with how often. */
  frequent(): ReadonlyMap<string, number>;
  /** Words the whole text may still compare with its frequent words (`nearestFrequent`). */
  nearest: { left: number };
}

/** A cell: text between tabs on one line, in cleaned-text offsets. */
export interface Cell {
  start: number;
  end: number;
  text: string;
}

/** A date read in the text: its piece, its value (null: not a calendar date), and whether OCR's letters were repaired. */
export interface DateToken {
  p: Piece;
  value: string | null;
  repaired: boolean;
  why?: string;
}

/** A line of the cleaned text and its cells. */
export interface Line {
  start: number;
  end: number;
  text: string;
  cells: Cell[];
  /** Columns separated by "|" (old text filings). */
  piped?: boolean;
}

/** A piece of cleaned text with its cleaned offsets. */
export interface Piece {
  raw: string;
  start: number;
  end: number;
  /** The value joined with its continuation on the next line (a wrapped table cell); `raw` stays the first part. */
  merged?: string;
  /**
   * Read from OCR text (./ocr-row): the value to read (digits repaired, the letter read, a title's words joined
   * from the lines it wraps over; null when nothing readable is there), its footnote markers and the doubt.
   */
  ocr?: { value: string | null; refs: FootnoteRef[]; why: string | null };
}

/**
 * The text being read: the text as given, its cleaned view (see ../form/clean) split into lines and cells, the
 * filing read so far and the findings of the reading. Offsets are into the cleaned text; `span` maps them back.
 */
export class TextDoc {
  readonly filing: Filing;
  readonly findings: Finding[] = [];
  /** The tables whose row limit was reached (said once per table). */
  readonly rowLimitHit = new Set<string>();
  readonly c: CleanText;
  /** The cleaned text. */
  readonly t: string;
  readonly lines: Line[] = [];
  /**
   * Text as OCR engines write it: no tab anywhere (extracted PDF text and the seed's converter keep columns
   * apart with tabs; Tesseract writes a single space between cells).
   */
  readonly ocr: boolean;
  /**
   * A PDF's text in its reading order (`pdftotext` without `-layout`, what some viewers copy): each box's label on a
   * line of its own and its value elsewhere, a table's column labels right above their values. The name box's
   * "(Last)" and "(First)" each alone on a line say so: laid out, drawn in order or read by OCR, the form writes them
   * on one line.
   */
  readonly readingOrder: boolean;
  /**
   * Where Table II's "(A)" and "(D)" column headers stand (their centers, counted from their line's start), when the
   * text is laid out by columns: an amount's place under them says which it is (./tables, ./ocr-row).
   */
  adColumns: { a: number; d: number } | null = null;
  /** The words the text writes and how often, counted when first asked (./doc-words). */
  words: ProseContext | null = null;
  /** The dates the text writes as MM/DD/YYYY, as their eight digits, gathered when first asked (./ocr-row). */
  datesWritten: Set<string> | null = null;
  /** Footnote markers OCR garbled ("“)", "°"), resolved once the footnotes are read (./markers). */
  readonly garbledMarkers: { row: Row; box: BoxKey; field: Field<unknown>; text: string; where: string }[] = [];

  constructor(
    readonly src: string,
    file: string,
  ) {
    this.filing = emptyFiling(file, 'text', src);
    this.c = cleanFormText(src);
    this.t = this.c.text;
    this.ocr = !src.includes('\t');
    this.splitLines();
    const alone = (label: string) => this.lines.slice(0, 400).some((l) => l.text.trim() === label);
    this.readingOrder = alone('(Last)') && alone('(First)');
  }

  /** Source span of cleaned range [s, e). */
  span(s: number, e: number): Span | null {
    if (e <= s || s < 0 || e > this.t.length) return null;
    return { start: this.c.start[s], end: this.c.end[e - 1] };
  }

  /** Trim a cleaned range to its non-space content. */
  piece(s: number, e: number): Piece | null {
    while (s < e && /[\s\u00a0]/.test(this.t[s])) s++;
    while (e > s && /[\s\u00a0]/.test(this.t[e - 1])) e--;
    if (e <= s) return null;
    return { raw: collapse(this.t.slice(s, e)), start: s, end: e };
  }

  /** An `extraction-uncertain` finding: what was read with doubt, and why. */
  uncertain(what: string, why: string, span: Span | null): void {
    this.findings.push({ rule: 'extraction-uncertain', severity: 'info', message: `${what}: ${why}`, span });
  }

  /** A field of a piece: a doubt makes it uncertain, with a finding naming `what`. */
  field<T = string>(
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

  /** Takes back a finding of `uncertain(what, why, ...)` that a later reading of the text made untrue. */
  withdraw(what: string, why: string): void {
    const at = this.findings.findIndex((x) => x.message === `${what}: ${why}`);
    if (at >= 0) this.findings.splice(at, 1);
  }

  /** Mark an existing field uncertain with a finding. */
  doubt(f: Field<unknown>, what: string, why: string): void {
    f.uncertain = true;
    this.uncertain(what, why, f.span);
  }

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
  find(re: RegExp, from = 0, to = this.t.length): [number, number] | null {
    // Search only [from, to): a bounded window, so a label search never runs over the rest of a huge text.
    const flags = re.flags.replace('g', '').replace('y', '');
    const m = new RegExp(re.source, flags).exec(from === 0 && to >= this.t.length ? this.t : this.t.slice(from, to));
    if (!m) return null;
    return [from + m.index, from + m.index + m[0].length];
  }

  /** The line and cell holding a cleaned offset. */
  cellAt(offset: number): { line: Line; cell: Cell; li: number; ci: number } | null {
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
  restOfCell(labelEnd: number, stop?: RegExp): Piece | null {
    const at = this.cellAt(labelEnd);
    if (!at) return null;
    let e = at.cell.end;
    if (stop) {
      const m = this.find(stop, labelEnd, e);
      if (m) e = m[0];
    }
    return this.piece(labelEnd, e);
  }

  /**
   * Whether a check mark stands just before `labelStart` (same line, only spaces or a box between). OCR may write
   * the mark twice ("xX Officer"): read as checked, with `why` saying so; a lone "*" there is said in `why` too.
   */
  checkedBefore(labelStart: number): { checked: boolean; mark: Piece | null; why?: string } {
    let k = labelStart - 1;
    // Spaces and the box around the mark: "[X]", "(X)", "__X__" (EDGAR's PDF), "X", and the box's border as OCR
    // reads it beside the mark ("X © Director", "Xx | Officer", "X - Director").
    while (k >= 0 && labelStart - k < 40 && ' \t[]()_©®|-—–'.includes(this.t[k])) k--;
    const isMark = (i: number) => i >= 0 && /[Xx\u2713\u2714\u2612\u25a0\u25cf]/.test(this.t[i]);
    const free = (i: number) => i < 0 || !/[A-Za-z0-9]/.test(this.t[i]);
    if (isMark(k) && free(k - 1)) return { checked: true, mark: { raw: this.t[k], start: k, end: k + 1 } };
    if (isMark(k) && /[Xx]/.test(this.t[k]) && /[Xx]/.test(this.t[k - 1] ?? '') && free(k - 2)) {
      const raw = this.t.slice(k - 1, k + 1);
      return {
        checked: true,
        mark: { raw, start: k - 1, end: k + 1 },
        why: `the check mark is written "${raw}" (OCR doubles a letter): read as checked`,
      };
    }
    // An X that OCR read as an asterisk ("— Director —*_ 10% Owner"), or a speck: no mark to go by, so the box
    // stays unchecked, and `why` says it may be checked.
    if (this.t[k] === '*' && free(k - 1))
      return {
        checked: false,
        mark: null,
        why: 'a "*" stands in the box: OCR may have read its X as "*"; read as not checked',
      };
    return { checked: false, mark: null };
  }

  /** A date token in cleaned range [s, e): its piece and normalized value, with OCR repairs. */
  dateIn(s: number, e: number): DateToken | null {
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

  /** A date token as a field: doubted when it is not a calendar date or its digits were repaired. */
  dateField(d: DateToken, what: string, refs: FootnoteRef[] = []): Field {
    if (d.value == null) return this.field<string>(d.p, null, refs, `"${d.p.raw}" is not a calendar date`, what);
    return this.field(
      d.p,
      d.value,
      refs,
      d.repaired ? (d.why ?? `letters read as digits in "${d.p.raw}" (OCR)`) : null,
      what,
    );
  }

  /** A piece without what `re` matches at its start. */
  stripLead(p: Piece, re: RegExp): Piece | null {
    const m = re.exec(this.t.slice(p.start, p.end));
    return m ? this.piece(p.start + m[0].length, p.end) : p;
  }

  /** The cleaned offset of a source offset (the first cleaned character at or after it). */
  cleanAt(srcOffset: number): number {
    let lo = 0;
    let hi = this.c.end.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.c.end[mid] < srcOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
