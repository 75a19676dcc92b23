/**
 * EDGAR's rendered HTML of a Form 3, 4 or 5 (the xslF345 stylesheet's page, as saved from sec.gov) into the
 * filing model. The page is read by its printed labels ("1. Name and Address of Reporting Person", "Table I -
 * ..."), not by fixed positions, so the layouts of Forms 3, 4 and 5 and of the stylesheet's versions are read
 * alike. Table columns are mapped from the header cells (with their colspan/rowspan), footnote markers
 * (`<sup>(1)</sup>`) become refs on the value they follow, and every value's span points at its text in the HTML.
 *
 * What the page does not show stays absent: schemaVersion, transactionFormType, equitySwapInvolved (the
 * stylesheet has no column for it; the form's "V" column is the early-report timeliness flag), and the
 * relationship boxes of the second and later reporting owners (only their names and addresses are printed).
 *
 * Never throws; linear in the page's length.
 */
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
  type NonDerivativeRow,
  type ReportingOwner,
  type Row,
  type Span,
} from '../model';
import {
  cellsOf,
  elements,
  insideTag,
  parseHtml,
  rowsOf,
  spanOfPieces,
  textNodes,
  textOf,
  type HtmlElement,
  type Piece,
} from './form/htmltree';
import {
  classifyColumn,
  collapse,
  emptyBox,
  footnoteIdFromMarker,
  isCheckMark,
  makeField,
  normalizeAcquiredDisposed,
  normalizeDate,
  normalizeDirectIndirect,
  normalizeNumber,
  type ColumnKey,
} from './form/normalize';

/** EDGAR's rendered HTML page of an ownership form into the model; `{ok:false}` for any other HTML. */
export function parseEdgarHtml(text: string, file: string): ParseOutcome {
  try {
    return new HtmlFormReader(text, file).read();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `could not read this HTML page as an EDGAR Form 3/4/5 (${msg})`, findings: [] };
  }
}

/** A cell's content split into its value text and its footnote markers. */
interface CellValue {
  raw: string | null;
  span: Span | null;
  refs: FootnoteRef[];
  /** A "$" label preceded the value. */
  dollar: boolean;
  /** An empty span at the cell's content, for boxes with nothing in them. */
  place: Span;
}

const LABEL_CAP = 600;

const LABEL_CLASS =
  /(^|\s)(FormText\w*|MedSmallFormText|SmallFormText\w*|FormTitle\d*|FormName|FormNumText|SectionTitle|FormEMText|FormULText|FormAttention)(\s|$)/;

function hasClass(el: HtmlElement, re: RegExp): boolean {
  const c = el.attrs['class'];
  return c != null && re.test(c);
}

function classedAncestor(node: { parent: HtmlElement | null }, limit: HtmlElement, re: RegExp): boolean {
  let p = node.parent;
  while (p && p !== limit) {
    if (hasClass(p, re)) return true;
    p = p.parent;
  }
  return false;
}

class HtmlFormReader {
  private readonly filing: Filing;
  private readonly findings: Finding[] = [];
  private root!: HtmlElement;
  /** Each element's text, white space collapsed, cut at LABEL_CAP characters: for matching printed labels. */
  private labels: Map<HtmlElement, string> | null = null;

  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.filing = emptyFiling(file, 'html', text);
  }

  read(): ParseOutcome {
    this.root = parseHtml(this.text);
    const formName = elements(
      this.root,
      (e) => (e.name === 'td' || e.name === 'div' || e.name === 'span') && hasClass(e, /(^|\s)FormName(\s|$)/),
    )[0];
    const tables = this.formTables();
    const ownerBoxes = this.boxes(/^1\.\s*Name and Address of Reporting Person/i);
    const formNameText = formName ? this.label(formName) : '';
    const formMatch = /^FORM\s*([345])(\s*\/\s*A)?$/i.exec(formNameText);
    if (!formMatch && (tables.length === 0 || ownerBoxes.length === 0)) {
      return {
        ok: false,
        reason: 'not an EDGAR Form 3/4/5 page: no "FORM 3/4/5" title and no "Table I" with a reporting person box',
        findings: [],
      };
    }
    this.readDocumentType(formName, formMatch);
    this.readCheckBoxes();
    this.readIssuer();
    this.readDates();
    this.readOwners(ownerBoxes);
    const docType = this.filing.documentType.value ?? '';
    for (const t of tables) this.readTable(t.el, t.table, docType.startsWith('3'));
    this.readFootnotesAndRemarks();
    this.readSignatures();
    const body = elements(this.root, (e) => e.name === 'body')[0];
    this.filing.documentSpan = body ? { start: body.start, end: body.end } : { start: 0, end: this.text.length };
    // An amendment's page shows the original's date in box 4 (Form 3: box 5); the XML says "4/A".
    if (
      this.filing.dateOfOriginalSubmission.value &&
      this.filing.documentType.value &&
      !this.filing.documentType.value.endsWith('/A')
    )
      this.filing.documentType.value += '/A';
    for (const f of this.findings) this.filing.findings.push(f); // (a spread of 200,000 findings overflows the stack)
    return { ok: true, filing: this.filing };
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /**
   * The text of an element for label matching: computed for all elements in one bottom-up pass and cut at
   * LABEL_CAP characters (labels are short), so label searches stay linear however the page nests.
   */
  private label(el: HtmlElement): string {
    if (!this.labels) {
      const map = new Map<HtmlElement, string>();
      const order: HtmlElement[] = [];
      const stack: HtmlElement[] = [this.root];
      while (stack.length) {
        const e = stack.pop()!;
        order.push(e);
        for (const c of e.children) if (c.kind === 'element') stack.push(c);
      }
      for (let k = order.length - 1; k >= 0; k--) {
        const e = order[k];
        let acc = '';
        for (const c of e.children) {
          if (acc.length > LABEL_CAP) break;
          acc += ' ' + (c.kind === 'text' ? c.text.slice(0, LABEL_CAP + 1) : (map.get(c) ?? ''));
        }
        map.set(e, collapse(acc).slice(0, LABEL_CAP + 1));
      }
      this.labels = map;
    }
    return this.labels.get(el) ?? '';
  }

  private finding(rule: string, severity: Finding['severity'], message: string, span: Span | null): void {
    this.findings.push({ rule, severity, message, span });
  }

  /** Markers in a footnote-marker text like "(1)", "(1)(2)", "1, 2", with spans. */
  private markers(piece: Piece): FootnoteRef[] {
    const out: FootnoteRef[] = [];
    const t = piece.text;
    let k = 0;
    while (k < t.length) {
      if (t[k] >= '0' && t[k] <= '9') {
        let e = k;
        while (e < t.length && t[e] >= '0' && t[e] <= '9' && e - k < 4) e++;
        const s0 = k > 0 && t[k - 1] === '(' ? k - 1 : k;
        const e0 = e < t.length && t[e] === ')' ? e + 1 : e;
        const id = footnoteIdFromMarker(t.slice(k, e));
        if (id)
          out.push({
            id,
            span: {
              start: piece.map[s0],
              end: e0 < piece.map.length ? piece.map[e0] : piece.map[piece.map.length - 1],
            },
          });
        k = e;
      } else k++;
    }
    return out;
  }

  /** Read a cell (or any element): value text outside labels and markers, markers from `<sup>`/FootnoteData. */
  private cell(el: HtmlElement, opts: { within?: HtmlElement | null } = {}): CellValue {
    const value: Piece[] = [];
    const refs: FootnoteRef[] = [];
    let dollar = false;
    const scope = opts.within ?? el;
    // Walk in document order, turning <br> into a space so lines do not glue together.
    const stack: (HtmlElement | Piece | 'br')[] = [];
    const push = (e: HtmlElement) => {
      for (let k = e.children.length - 1; k >= 0; k--) {
        const c = e.children[k];
        if (c.kind === 'text') stack.push({ text: c.text, map: c.map, node: c });
        else if (c.name === 'br') stack.push('br');
        else stack.push(c);
      }
    };
    push(el);
    while (stack.length) {
      const item = stack.pop()!;
      if (item === 'br') {
        if (value.length)
          value.push({
            text: ' ',
            map: [value[value.length - 1].map.at(-1)!, value[value.length - 1].map.at(-1)!],
            node: value[value.length - 1].node,
          });
        continue;
      }
      if ('kind' in item) {
        push(item);
        continue;
      }
      const node = item.node;
      if (
        insideTag(node, 'sup', scope.parent) ||
        classedAncestor(node, scope.parent ?? this.root, /(^|\s)FootnoteData(\s|$)/)
      ) {
        refs.push(...this.markers(item));
        continue;
      }
      if (classedAncestor(node, scope.parent ?? this.root, LABEL_CLASS)) {
        if (item.text.trim() === '$') dollar = true;
        continue;
      }
      if (item.text.trim() === '$' && value.every((p) => p.text.trim() === '')) {
        dollar = true;
        continue;
      }
      value.push(item);
    }
    const place = { start: el.openEnd, end: el.openEnd };
    const src = this.sourcePositions(value);
    let text = src.text;
    // Markers written as plain text after the value ("7,402(1)", "2.29 (2)(3)"): refs, not part of the value.
    const plain: FootnoteRef[] = [];
    for (let n = 0; n < 20; n++) {
      const from = Math.max(0, text.length - 16);
      const m = /\((\d{1,2})\)[\s\u00a0]*$/.exec(text.slice(from));
      if (!m || from + m.index === 0) break;
      const at = from + m.index;
      const end = at + m[1].length + 2;
      plain.unshift({ id: `F${Number(m[1])}`, span: { start: src.pos[at], end: src.pos[end - 1] + 1 } });
      text = text.slice(0, at);
    }
    refs.push(...plain);
    const raw = collapse(text);
    if (!raw.length) return { raw: null, span: null, refs, dollar, place };
    const first = text.search(/[^\s\u00a0]/);
    let last = text.length - 1;
    while (last > first && /[\s\u00a0]/.test(text[last])) last--;
    const span = { start: src.pos[first], end: src.pos[last] + 1 };
    return { raw, span, refs, dollar, place };
  }

  private textField(cv: CellValue): Field {
    return cv.raw == null ? emptyBox(cv.place, cv.refs) : makeField(cv.raw, cv.raw, cv.span, cv.refs);
  }

  private dateField(cv: CellValue, what: string): Field {
    if (cv.raw == null) return emptyBox(cv.place, cv.refs);
    const v = normalizeDate(cv.raw);
    if (v == null)
      this.finding('value-unreadable', 'warning', `${what}: "${cv.raw}" is not a date (MM/DD/YYYY)`, cv.span);
    return makeField(cv.raw, v, cv.span, cv.refs);
  }

  private numberField(cv: CellValue, what: string): Field {
    if (cv.raw == null) return emptyBox(cv.place, cv.refs);
    const v = normalizeNumber(cv.raw);
    if (v == null) this.finding('value-unreadable', 'warning', `${what}: "${cv.raw}" is not a number`, cv.span);
    return makeField(cv.raw, v, cv.span, cv.refs);
  }

  /** The cells whose label text (first words of the cell) matches `label`, in document order. */
  private boxes(label: RegExp): HtmlElement[] {
    const out: HtmlElement[] = [];
    const seen = new Set<HtmlElement>();
    for (const el of elements(this.root, (e) => e.name === 'span' && hasClass(e, LABEL_CLASS))) {
      if (!label.test(this.label(el))) continue;
      let p: HtmlElement | null = el.parent;
      while (p && p.name !== 'td' && p.name !== 'th') p = p.parent;
      if (p && !seen.has(p)) {
        seen.add(p);
        out.push(p);
      }
    }
    return out;
  }

  /** Cells (td) whose whole text matches `re`. */
  private labelCells(re: RegExp): HtmlElement[] {
    return elements(this.root, (e) => (e.name === 'td' || e.name === 'th') && re.test(this.label(e)));
  }

  // ---- header boxes --------------------------------------------------------------------------------------

  private readDocumentType(formName: HtmlElement | undefined, m: RegExpExecArray | null): void {
    if (formName && m) {
      const cv = this.cell(formName, { within: formName.parent });
      this.filing.documentType = makeField(cv.raw, m[2] ? `${m[1]}/A` : m[1], cv.span);
      return;
    }
    // No FORM box: use the title ("INITIAL STATEMENT ...", "ANNUAL STATEMENT ...", "STATEMENT OF CHANGES ...").
    for (const el of elements(this.root, (e) => hasClass(e, /(^|\s)FormTitle(\s|$)/))) {
      const t = this.label(el).toUpperCase();
      const v = t.includes('INITIAL STATEMENT')
        ? '3'
        : t.includes('ANNUAL STATEMENT')
          ? '5'
          : t.includes('STATEMENT OF CHANGES')
            ? '4'
            : null;
      if (v) {
        const cv = this.cell(el, { within: el.parent });
        this.filing.documentType = makeField(cv.raw, v, cv.span, [], true);
        return;
      }
    }
    this.finding('html-box-missing', 'warning', 'The page names no form type (no "FORM 3/4/5" box or title)', null);
  }

  /** The check boxes at the top: Section 16, Rule 10b5-1, Form 5's "Form 3 holdings / Form 4 transactions reported". */
  private readCheckBoxes(): void {
    const boxes: [
      RegExp,
      (
        | 'notSubjectToSection16'
        | 'aff10b5One'
        | 'form3HoldingsReported'
        | 'form4TransactionsReported'
        | 'noSecuritiesOwned'
      ),
    ][] = [
      [/^Check this box if no longer subject to Section 16/i, 'notSubjectToSection16'],
      [/Rule 10b5-1\(c\)/i, 'aff10b5One'],
      [/^Form 3 Holdings Reported/i, 'form3HoldingsReported'],
      [/^Form 4 Transactions Reported/i, 'form4TransactionsReported'],
      [/^Check this box if no securities|^No securities (are )?beneficially owned/i, 'noSecuritiesOwned'],
    ];
    for (const [re, key] of boxes) {
      const label = elements(
        this.root,
        (e) => e.name === 'td' && re.test(this.label(e)) && !elements(e, (x) => x.name === 'td').length,
      )[0];
      if (!label || !label.parent) continue;
      const cells = cellsOf(label.parent);
      const idx = cells.indexOf(label);
      const markCell = idx > 0 ? cells[idx - 1] : null;
      if (!markCell) continue;
      const inner = elements(markCell, (e) => e.name === 'td')[0] ?? markCell;
      const cv = this.cell(inner);
      this.filing[key] = makeField<boolean>(cv.raw, cv.raw != null && isCheckMark(cv.raw), cv.span ?? cv.place);
    }
  }

  private hrefCik(a: HtmlElement): Field {
    const href = a.attrs['href'] ?? '';
    const m = /CIK=(\d{1,10})/i.exec(href);
    if (!m) return absent();
    // Locate the digits in the source of the start tag for an exact span.
    const tagSrc = this.text.slice(a.start, a.openEnd);
    const at = tagSrc.search(/CIK=\d/i);
    const span = at >= 0 ? { start: a.start + at + 4, end: a.start + at + 4 + m[1].length } : null;
    return makeField(m[1], m[1].padStart(10, '0'), span);
  }

  private readIssuer(): void {
    const box = this.boxes(/Issuer Name and Ticker or Trading Symbol/i)[0];
    if (!box) {
      this.finding(
        'html-box-missing',
        'warning',
        'No "Issuer Name and Ticker or Trading Symbol" box on the page',
        null,
      );
      return;
    }
    const issuer = this.filing.issuer;
    issuer.span = { start: box.start, end: box.end };
    const a = elements(box, (e) => e.name === 'a')[0];
    const symEl = elements(box, (e) => e.name === 'span' && hasClass(e, /(^|\s)FormData(\s|$)/))[0];
    if (a) {
      issuer.name = this.textField(this.cell(a));
      issuer.cik = this.hrefCik(a);
    } else {
      // No link: the name is the value text before "[".
      const cv = this.cell(box);
      const name = cv.raw ? collapse(cv.raw.split('[')[0]) : '';
      if (name) issuer.name = makeField(name, name, this.findSpan(box, name));
    }
    if (symEl) issuer.tradingSymbol = this.textField(this.cell(symEl));
  }

  /** Span of `needle` within an element's source (first occurrence), or null. */
  private findSpan(el: HtmlElement, needle: string): Span | null {
    for (const t of textNodes(el)) {
      const k = t.text.indexOf(needle);
      if (k >= 0) return { start: t.map[k], end: t.map[k + needle.length] ?? t.map[t.map.length - 1] };
    }
    return null;
  }

  private readDates(): void {
    const period = this.boxes(
      /Date of Earliest Transaction|Date of Event Requiring Statement|Statement for Issuer's Fiscal Year Ended/i,
    )[0];
    if (period) this.filing.periodOfReport = this.dateField(this.cell(period), 'Period of report');
    else
      this.finding(
        'html-box-missing',
        'warning',
        'No date box (earliest transaction / event / fiscal year end) on the page',
        null,
      );
    const amend = this.boxes(/If Amendment, Date of?\s*Original Filed/i)[0];
    if (amend) {
      const cv = this.cell(amend);
      this.filing.dateOfOriginalSubmission = cv.raw == null ? absent() : this.dateField(cv, 'Date of original filing');
    }
  }

  // ---- reporting owners ----------------------------------------------------------------------------------

  private readOwnerBlock(box: HtmlElement): ReportingOwner {
    const o = emptyOwner();
    o.span = { start: box.start, end: box.end };
    const tables = elements(box, (e) => e.name === 'table');
    const a = elements(box, (e) => e.name === 'a')[0];
    if (a) {
      o.name = this.textField(this.cell(a));
      o.cik = this.hrefCik(a);
    } else if (tables[0]) {
      const td = elements(tables[0], (e) => e.name === 'td')[0];
      if (td) o.name = this.textField(this.cell(td));
    }
    const labelPos = (re: RegExp): number => {
      for (const el of elements(box, (e) => hasClass(e, LABEL_CLASS))) if (re.test(this.label(el))) return el.start;
      return -1;
    };
    const lastPos = labelPos(/^\(Last\)$/);
    const streetPos = labelPos(/^\(Street\)$/);
    const cityPos = labelPos(/^\(City\)$/);
    if (streetPos >= 0) {
      const street = tables.filter(
        (t) => t.start > lastPos && t.end <= streetPos && !elements(t, (e) => hasClass(e, LABEL_CLASS)).length,
      );
      const lines = street.flatMap((t) =>
        rowsOf(t)
          .map((r) => cellsOf(r)[0])
          .filter((c): c is HtmlElement => !!c),
      );
      if (lines[0]) o.street1 = this.textField(this.cell(lines[0]));
      if (lines[1]) o.street2 = this.textField(this.cell(lines[1]));
      const csz = tables.find((t) => t.start > streetPos && (cityPos < 0 || t.end <= cityPos));
      if (csz) {
        const cells = rowsOf(csz).flatMap((r) => cellsOf(r));
        if (cells[0]) o.city = this.textField(this.cell(cells[0]));
        if (cells[1]) o.state = this.textField(this.cell(cells[1]));
        if (cells[2]) o.zipCode = this.textField(this.cell(cells[2]));
      }
    }
    return o;
  }

  private readRelationship(o: ReportingOwner): void {
    const box = this.boxes(/Relationship of Reporting Person/i)[0];
    if (!box) return;
    const table = elements(box, (e) => e.name === 'table')[0];
    if (!table) return;
    const flags: [RegExp, 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'][] = [
      [/^Director$/i, 'isDirector'],
      [/^10% Owner$/i, 'isTenPercentOwner'],
      [/^Officer/i, 'isOfficer'],
      [/^Other/i, 'isOther'],
    ];
    const rows = rowsOf(table);
    let lastFlagRow = -1;
    rows.forEach((r, ri) => {
      const cells = cellsOf(r);
      cells.forEach((c, ci) => {
        const t = this.label(c);
        const hit = flags.find(([re]) => re.test(t));
        if (!hit || ci === 0) return;
        const mark = this.cell(cells[ci - 1]);
        o[hit[1]] = makeField<boolean>(mark.raw, mark.raw != null && isCheckMark(mark.raw), mark.span ?? mark.place);
        lastFlagRow = ri;
      });
    });
    const titleRow = rows[lastFlagRow + 1];
    if (lastFlagRow < 0 || !titleRow) return;
    const cells = cellsOf(titleRow);
    if (cells.length >= 4) {
      o.officerTitle = this.textField(this.cell(cells[1]));
      o.otherText = this.textField(this.cell(cells[3]));
      return;
    }
    // Older stylesheet: one cell with a span per text (officer title, then other text).
    const cell = cells[0];
    if (!cell) return;
    const spans = elements(cell, (e) => e.name === 'span').map((s) => this.cell(s));
    const filled = spans.filter((s) => s.raw != null);
    if (spans.length === 0) {
      const cv = this.cell(cell);
      if (cv.raw != null) filled.push(cv);
    }
    if (spans.length >= 2) {
      o.officerTitle = this.textField(spans[0]);
      o.otherText = this.textField(spans[1]);
    } else if (filled.length === 1) {
      // One text: it belongs to whichever of Officer / Other is checked.
      if (o.isOther.value && !o.isOfficer.value) o.otherText = this.textField(filled[0]);
      else o.officerTitle = this.textField(filled[0]);
    }
  }

  private readOwners(ownerBoxes: HtmlElement[]): void {
    if (ownerBoxes.length === 0) {
      this.finding('html-box-missing', 'warning', 'No "Name and Address of Reporting Person" box on the page', null);
    } else {
      const first = this.readOwnerBlock(ownerBoxes[0]);
      this.readRelationship(first);
      this.filing.reportingOwners.push(first);
      // Joint filings: the page repeats a name-and-address block for every reporting person after Table II.
      const rest = ownerBoxes.slice(1).map((b) => this.readOwnerBlock(b));
      const same = (a: ReportingOwner, b: ReportingOwner) =>
        a.cik.value != null && b.cik.value != null ? a.cik.value === b.cik.value : a.name.value === b.name.value;
      if (rest.length && same(rest[0], first)) rest.shift();
      const key = (o: ReportingOwner) => (o.cik.value != null ? `cik:${o.cik.value}` : `name:${o.name.value ?? ''}`);
      const seen = new Set([key(first)]);
      for (const o of rest) {
        if (seen.has(key(o))) continue;
        seen.add(key(o));
        this.filing.reportingOwners.push(o);
      }
    }
    this.readOwnersTable();
    this.checkJointFiling();
  }

  /** Box 6 (individual or joint filing) has no field; it checks the number of owners read. */
  private checkJointFiling(): void {
    const box = this.boxes(/Individual or Joint\/Group Filing/i)[0];
    if (!box) return;
    let claim: 'one' | 'more' | null = null;
    let where: Span | null = null;
    for (const tr of elements(box, (e) => e.name === 'tr')) {
      const cells = cellsOf(tr);
      const idx = cells.findIndex((c) => /^Form filed by (One|More than One) Reporting Person$/i.test(this.label(c)));
      if (idx <= 0) continue;
      const mark = this.cell(cells[idx - 1]);
      if (mark.raw != null && isCheckMark(mark.raw)) {
        claim = /More than One/i.test(this.label(cells[idx])) ? 'more' : 'one';
        where = mark.span;
      }
    }
    const n = this.filing.reportingOwners.length;
    if ((claim === 'one' && n > 1) || (claim === 'more' && n < 2))
      this.finding(
        'extraction-uncertain',
        'info',
        `box 6 says the form is filed by ${claim === 'one' ? 'one reporting person' : 'more than one reporting person'}, but ${n} ${n === 1 ? 'was' : 'were'} read`,
        where,
      );
  }

  /**
   * Some renderings list joint filers in a "Reporting Owners" table: name and address in the first cell,
   * then Director / 10% Owner / Officer / Other columns. Read it when present.
   */
  private readOwnersTable(): void {
    const head = this.labelCells(/^Reporting Owner Name\s*\/\s*Address$/i)[0];
    if (!head || !head.parent) return;
    let table: HtmlElement | null = head.parent;
    while (table && table.name !== 'table') table = table.parent;
    if (!table) return;
    const rows = rowsOf(table);
    // Column positions from the header row holding Director / 10% Owner / Officer / Other.
    const colOf: Partial<Record<'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', number>> = {};
    let headerIdx = -1;
    rows.forEach((r, ri) => {
      const texts = cellsOf(r).map((c) => this.label(c));
      const d = texts.findIndex((t) => /^Director$/i.test(t));
      if (d < 0 || headerIdx >= 0) return;
      headerIdx = ri;
      // The name column spans the header's first cell (rowspan): data rows have one more leading cell.
      const shift = texts.some((t) => /Reporting Owner Name/i.test(t)) ? 0 : 1;
      texts.forEach((t, ci) => {
        if (/^Director$/i.test(t)) colOf.isDirector = ci + shift;
        else if (/^10% Owner$/i.test(t)) colOf.isTenPercentOwner = ci + shift;
        else if (/^Officer$/i.test(t)) colOf.isOfficer = ci + shift;
        else if (/^Other$/i.test(t)) colOf.isOther = ci + shift;
      });
    });
    if (headerIdx < 0) return;
    const owners: ReportingOwner[] = [];
    const splitNotes = new Map<ReportingOwner, Span>();
    for (const r of rows.slice(headerIdx + 1)) {
      const cells = cellsOf(r);
      if (cells.length < 2) continue;
      const first = cells[0];
      const o = emptyOwner();
      o.span = { start: r.start, end: r.end };
      const a = elements(first, (e) => e.name === 'a')[0];
      // Lines of the first cell, split at <br>.
      const lines: Piece[][] = [[]];
      const stack = [...first.children].reverse();
      while (stack.length) {
        const n = stack.pop()!;
        if (n.kind === 'text') lines[lines.length - 1].push({ text: n.text, map: n.map, node: n });
        else if (n.name === 'br') lines.push([]);
        else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
      }
      const lineFields = lines
        .map((ps) => ({ raw: collapse(ps.map((p) => p.text).join('')), span: spanOfPieces(ps), pieces: ps }))
        .filter((l) => l.raw.length > 0);
      if (!lineFields.length) continue;
      o.name = makeField(lineFields[0].raw, lineFields[0].raw, lineFields[0].span);
      if (a) o.cik = this.hrefCik(a);
      const addr = lineFields.slice(1);
      // Last line "CITY, ST ZIP"; lines before it are street lines.
      const last = addr.length ? addr[addr.length - 1] : null;
      // The last line "CITY, ST ZIP" (read on the line's own text, so each part keeps its exact span).
      const src = last ? this.sourcePositions(last.pieces) : null;
      const lineText = src ? src.text.replace(/[\s\u00a0]+$/, '') : '';
      const m =
        src && lineText.length < 200
          ? /^([\s\u00a0]*)(\S.*?),?[ \u00a0]+([A-Z][A-Z0-9])[ \u00a0]+([0-9A-Z][0-9A-Z -]{2,9})$/.exec(lineText)
          : null;
      const streets = m ? addr.slice(0, -1) : addr;
      if (streets[0]) o.street1 = makeField(streets[0].raw, streets[0].raw, streets[0].span);
      if (streets[1]) o.street2 = makeField(streets[1].raw, streets[1].raw, streets[1].span);
      if (m && src) {
        const part = (text: string, at: number): Field => {
          const v = collapse(text);
          return makeField(v, v, { start: src.pos[at], end: src.pos[at + text.length - 1] + 1 }, [], true);
        };
        const cityAt = m[1].length;
        const zipAt = lineText.length - m[4].length;
        const stateAt = lineText.lastIndexOf(m[3], zipAt - 1);
        o.city = part(m[2], cityAt);
        o.state = part(m[3], stateAt);
        o.zipCode = part(m[4], zipAt);
        splitNotes.set(o, { start: src.pos[cityAt], end: src.pos[lineText.length - 1] + 1 });
      }
      for (const key of ['isDirector', 'isTenPercentOwner', 'isOfficer', 'isOther'] as const) {
        const ci = colOf[key];
        if (ci == null || !cells[ci]) continue;
        const cv = this.cell(cells[ci]);
        const checked = cv.raw != null && cv.raw.length > 0;
        o[key] = makeField<boolean>(cv.raw, checked, cv.span ?? cv.place);
        if (key === 'isOfficer' && checked && !isCheckMark(cv.raw!))
          o.officerTitle = makeField(cv.raw, cv.raw, cv.span);
        if (key === 'isOther' && checked && !isCheckMark(cv.raw!)) o.otherText = makeField(cv.raw, cv.raw, cv.span);
      }
      owners.push(o);
    }
    if (!owners.length) return;
    // The table is the complete list: it replaces name-only blocks, keeping their exact address fields.
    const previous = this.filing.reportingOwners;
    this.filing.reportingOwners = owners.map((o) => {
      const match = previous.find((p) =>
        p.cik.value && o.cik.value ? p.cik.value === o.cik.value : p.name.value === o.name.value,
      );
      if (!match) {
        const sp = splitNotes.get(o);
        if (sp)
          this.finding(
            'extraction-uncertain',
            'info',
            `Reporting owner ${o.name.raw}: city, state and ZIP split from one line of the owners table`,
            sp,
          );
        return o;
      }
      return {
        ...o,
        street1: match.street1,
        street2: match.street2,
        city: match.city,
        state: match.state,
        zipCode: match.zipCode,
        span: match.span,
      };
    });
  }

  // ---- Tables I and II -----------------------------------------------------------------------------------

  private formTables(): { el: HtmlElement; table: 'nonDerivative' | 'derivative' }[] {
    const out: { el: HtmlElement; table: 'nonDerivative' | 'derivative' }[] = [];
    for (const t of elements(this.root, (e) => e.name === 'table')) {
      const rows = rowsOf(t);
      const first = rows[0] ? this.label(rows[0]) : '';
      if (/^Table II\s*-/i.test(first)) out.push({ el: t, table: 'derivative' });
      else if (/^Table I\s*-/i.test(first)) out.push({ el: t, table: 'nonDerivative' });
    }
    return out;
  }

  /** Column keys of a table from its header rows (title row excluded), honouring colspan and rowspan. */
  private columns(headerRows: HtmlElement[]): ColumnKey[] {
    const grid: (string | null)[][] = headerRows.map(() => []);
    headerRows.forEach((r, ri) => {
      let col = 0;
      for (const c of cellsOf(r)) {
        while (grid[ri][col] !== undefined) col++;
        const cs = Math.max(1, Math.min(50, parseInt(c.attrs['colspan'] ?? '1', 10) || 1));
        const rs = Math.max(1, Math.min(5, parseInt(c.attrs['rowspan'] ?? '1', 10) || 1));
        const label = this.label(c);
        for (let y = ri; y < Math.min(grid.length, ri + rs); y++)
          for (let x = col; x < col + cs; x++) grid[y][x] = y === ri ? label : null;
        col += cs;
      }
    });
    const width = Math.max(0, ...grid.map((g) => g.length));
    const keys: ColumnKey[] = [];
    for (let x = 0; x < width; x++) {
      const group = grid[0]?.[x] ?? '';
      let sub = '';
      for (let y = 1; y < grid.length; y++) if (grid[y][x]) sub = grid[y][x]!;
      keys.push(classifyColumn(group ?? '', sub));
    }
    return keys;
  }

  private readTable(table: HtmlElement, name: 'nonDerivative' | 'derivative', form3: boolean): void {
    const rows = rowsOf(table);
    const headerRows = rows.slice(1).filter((r) => cellsOf(r).length > 0 && cellsOf(r).every((c) => c.name === 'th'));
    const cols = this.columns(headerRows);
    const tableLabel = name === 'derivative' ? 'Table II' : 'Table I';
    for (const r of rows.slice(1)) {
      const cells = cellsOf(r);
      if (!cells.length || cells.every((c) => c.name === 'th')) continue;
      const target = name === 'derivative' ? this.filing.derivative : this.filing.nonDerivative;
      const index = target.length;
      const row: Row =
        name === 'derivative' ? emptyRow('derivative', 'holding', index) : emptyRow('nonDerivative', 'holding', index);
      row.span = { start: r.start, end: r.end };
      let col = 0;
      let acquired: CellValue | null = null;
      let disposed: CellValue | null = null;
      const where = `${tableLabel} row ${index + 1}`;
      for (const c of cells) {
        const key = cols[col] ?? null;
        col += Math.max(1, Math.min(50, parseInt(c.attrs['colspan'] ?? '1', 10) || 1));
        const cv = this.cell(c);
        if (!key) {
          if (cv.raw != null)
            this.finding(
              'html-unknown-column',
              'info',
              `${where}: a value in a column this reader does not know: "${cv.raw}"`,
              cv.span,
            );
          continue;
        }
        this.assign(row, key, cv, where, (a, d) => {
          if (a) acquired = a;
          if (d) disposed = d;
        });
      }
      this.assignShares(row, acquired, disposed, where);
      const isTx =
        !form3 &&
        (row.transactionDate.value != null ||
          row.transactionCode.raw != null ||
          row.transactionShares.raw != null ||
          row.transactionAcquiredDisposedCode.raw != null);
      row.kind = isTx ? 'transaction' : 'holding';
      if (row.table === 'derivative') this.filing.derivative.push(row as DerivativeRow);
      else this.filing.nonDerivative.push(row as NonDerivativeRow);
    }
  }

  private assignShares(row: Row, acquired: CellValue | null, disposed: CellValue | null, where: string): void {
    const a = acquired as CellValue | null;
    const d = disposed as CellValue | null;
    const hasA = !!a && (a.raw != null || a.refs.length > 0);
    const hasD = !!d && (d.raw != null || d.refs.length > 0);
    if (!hasA && !hasD) return;
    if (hasA && hasD)
      this.finding(
        'html-ambiguous-value',
        'warning',
        `${where}: both the (A) and the (D) column hold a value`,
        a!.span,
      );
    const cv = (hasA ? a : d)!;
    const code = hasA ? 'A' : 'D';
    if (cv.dollar && row.table === 'derivative')
      row.transactionTotalValue = this.numberField(cv, `${where} total value`);
    else row.transactionShares = this.numberField(cv, `${where} number of securities`);
    row.transactionAcquiredDisposedCode = makeField(null, code, cv.span ?? cv.place);
  }

  private assign(
    row: Row,
    key: Exclude<ColumnKey, null>,
    cv: CellValue,
    where: string,
    shares: (a: CellValue | null, d: CellValue | null) => void,
  ): void {
    const d = row.table === 'derivative' ? (row as DerivativeRow) : null;
    switch (key) {
      case 'securityTitle':
        row.securityTitle = this.textField(cv);
        return;
      case 'conversionOrExercisePrice':
        if (d) d.conversionOrExercisePrice = this.numberField(cv, `${where} conversion or exercise price`);
        return;
      case 'transactionDate':
        row.transactionDate = this.dateField(cv, `${where} transaction date`);
        return;
      case 'deemedExecutionDate':
        row.deemedExecutionDate = this.dateField(cv, `${where} deemed execution date`);
        return;
      case 'transactionCode':
      case 'codeAndV': {
        row.codingSpan = cv.span ?? cv.place;
        row.codingFootnotes = cv.refs;
        if (cv.raw == null) return;
        const code = cv.raw.toUpperCase();
        row.transactionCode = makeField(cv.raw, code, cv.span);
        return;
      }
      case 'timelinessV':
        if (cv.raw == null) return;
        // The form's "V" column: voluntarily reported earlier than required = timeliness "E".
        row.transactionTimeliness = makeField(
          cv.raw,
          /^V$/i.test(cv.raw) ? 'E' : cv.raw.toUpperCase(),
          cv.span,
          cv.refs,
        );
        return;
      case 'transactionShares':
        row.transactionShares = this.numberField(cv, `${where} amount`);
        return;
      case 'sharesAcquired':
        shares(cv, null);
        return;
      case 'sharesDisposed':
        shares(null, cv);
        return;
      case 'securitiesAcquiredDisposed':
        return;
      case 'transactionAcquiredDisposedCode': {
        if (cv.raw == null) {
          row.transactionAcquiredDisposedCode = emptyBox(cv.place, cv.refs);
          return;
        }
        const v = normalizeAcquiredDisposed(cv.raw);
        if (v == null) this.finding('value-unreadable', 'warning', `${where}: "(A) or (D)" is "${cv.raw}"`, cv.span);
        row.transactionAcquiredDisposedCode = makeField(cv.raw, v, cv.span, cv.refs);
        return;
      }
      case 'transactionPricePerShare':
        row.transactionPricePerShare = this.numberField(cv, `${where} price`);
        return;
      case 'exerciseDate':
        if (d) d.exerciseDate = this.dateField(cv, `${where} date exercisable`);
        return;
      case 'expirationDate':
        if (d) d.expirationDate = this.dateField(cv, `${where} expiration date`);
        return;
      case 'underlyingSecurityTitle':
        if (d) d.underlyingSecurityTitle = this.textField(cv);
        return;
      case 'underlyingSecurityShares':
        if (!d) return;
        if (cv.dollar) d.underlyingSecurityValue = this.numberField(cv, `${where} underlying value`);
        else d.underlyingSecurityShares = this.numberField(cv, `${where} underlying amount`);
        return;
      case 'sharesOwnedFollowingTransaction':
        if (cv.dollar) row.valueOwnedFollowingTransaction = this.numberField(cv, `${where} value owned`);
        else row.sharesOwnedFollowingTransaction = this.numberField(cv, `${where} amount owned`);
        return;
      case 'directOrIndirectOwnership': {
        if (cv.raw == null) {
          row.directOrIndirectOwnership = emptyBox(cv.place, cv.refs);
          return;
        }
        const v = normalizeDirectIndirect(cv.raw);
        if (v == null)
          this.finding('value-unreadable', 'warning', `${where}: ownership form is "${cv.raw}", not D or I`, cv.span);
        row.directOrIndirectOwnership = makeField(cv.raw, v, cv.span, cv.refs);
        return;
      }
      case 'natureOfOwnership':
        row.natureOfOwnership = this.textField(cv);
        return;
      case 'exerciseAndExpiration':
      case 'underlyingTitleAndAmount':
        return;
    }
  }

  // ---- footnotes, remarks, signatures --------------------------------------------------------------------

  private readFootnotesAndRemarks(): void {
    const head = this.labelCells(/^Explanation of Responses:?$/i)[0];
    if (!head || !head.parent) return;
    let table: HtmlElement | null = head.parent;
    while (table && table.name !== 'table') table = table.parent;
    if (!table) return;
    const rows = rowsOf(table);
    const start = rows.indexOf(head.parent);
    let inRemarks = false;
    const remarks: Piece[] = [];
    let remarksSpan: Span | null = null;
    for (const r of rows.slice(start + 1)) {
      const c = cellsOf(r)[0];
      if (!c) continue;
      const t = collapse(textOf(c));
      if (/^Remarks:?$/i.test(t)) {
        inRemarks = true;
        continue;
      }
      const pieces: Piece[] = textNodes(c).map((n) => ({ text: n.text, map: n.map, node: n }));
      if (inRemarks) {
        if (remarks.length) remarks.push({ text: ' ', map: [c.start, c.start], node: pieces[0]?.node });
        remarks.push(...pieces);
        const sp = spanOfPieces(pieces);
        if (sp) remarksSpan = remarksSpan ? { start: remarksSpan.start, end: sp.end } : sp;
        continue;
      }
      if (!t) continue;
      const m = /^(\d{1,3})\s*[.)]\s*/.exec(t);
      const whole = spanOfPieces(pieces);
      if (!m) {
        // A line that does not start with a number continues the previous footnote.
        const last = this.filing.footnotes[this.filing.footnotes.length - 1];
        if (last && last.text.raw != null) {
          last.text.raw = `${last.text.raw} ${t}`;
          last.text.value = last.text.raw;
          if (whole && last.text.span) last.text.span = { start: last.text.span.start, end: whole.end };
          if (whole && last.span) last.span = { start: last.span.start, end: whole.end };
        } else
          this.finding(
            'html-unknown-footnote',
            'info',
            `Explanation line without a footnote number: "${t.slice(0, 80)}"`,
            whole,
          );
        continue;
      }
      // Span of the number and of the text after "n. ".
      const src = this.sourcePositions(pieces);
      const numStart = src.firstNonSpace;
      const digits = m[1];
      const idSpan = numStart >= 0 ? { start: src.pos[numStart], end: src.pos[numStart + digits.length] } : null;
      const textStart = numStart >= 0 ? numStart + this.prefixLength(src.text.slice(numStart)) : -1;
      const body = collapse(t.slice(m[0].length));
      const bodySpan = textStart >= 0 && whole ? { start: src.pos[textStart], end: whole.end } : whole;
      const id = `F${Number(digits)}`;
      this.filing.footnotes.push({
        id: makeField(digits, id, idSpan),
        text: makeField(body, body, bodySpan),
        span: whole,
      });
    }
    const raw = collapse(remarks.map((p) => p.text).join(''));
    if (raw) this.filing.remarks = makeField(raw, raw, remarksSpan);
  }

  private sourcePositions(pieces: Piece[]): { text: string; pos: number[]; firstNonSpace: number } {
    let text = '';
    const pos: number[] = [];
    for (const p of pieces) {
      text += p.text;
      for (let k = 0; k < p.text.length; k++) pos.push(p.map[k]);
    }
    pos.push(pieces.length ? pieces[pieces.length - 1].map.at(-1)! : 0);
    const firstNonSpace = text.search(/[^\s\u00a0]/);
    return { text, pos, firstNonSpace };
  }

  private prefixLength(s: string): number {
    const m = /^\d{1,3}\s*[.)][\s\u00a0]*/.exec(s);
    return m ? m[0].length : 0;
  }

  private readSignatures(): void {
    const label = this.labelCells(/^\*\*\s*Signature of Reporting Person$/i)[0];
    if (!label || !label.parent) return;
    let table: HtmlElement | null = label.parent;
    while (table && table.name !== 'table') table = table.parent;
    if (!table) return;
    const rows = rowsOf(table);
    const end = rows.indexOf(label.parent);
    for (const r of rows.slice(0, Math.max(0, end))) {
      const cells = cellsOf(r);
      if (cells.length < 2) continue;
      const nameCv = this.cell(cells[cells.length - 2]);
      const dateCv = this.cell(cells[cells.length - 1]);
      if (nameCv.raw == null && dateCv.raw == null) continue;
      this.filing.signatures.push({
        name: this.textField(nameCv),
        date: this.dateField(dateCv, 'Signature date'),
        span: { start: r.start, end: r.end },
      });
    }
  }
}
