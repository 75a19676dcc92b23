/**
 * EDGAR Ownership XML (Forms 3, 4, 5 and amendments, schemas X0101..X0508 and X0609) into the model,
 * with the exact position of every value, footnote citation and finding.
 *
 * The XML is read by the position-aware scanner in `../xml/scan` (fast-xml-parser cannot report
 * positions). On a well-formedness problem the scanner recovers and this module still maps whatever
 * can be read; fast-xml-parser's validator is consulted only then, as a cross-check.
 *
 * Findings it emits: xml-malformed (error, one per document, at the first break), xml-limit (error: depth or
 * size bound reached), xml-doctype-ignored (info), xml-unknown-entity (info, once), xml-unknown-element (info,
 * once per name and place; also an injected <script>), xml-duplicate-element, xml-footnote-id-missing,
 * xml-footnote-misplaced, xml-unexpected-element (warnings), schema-version-unknown (info).
 */
import { XMLValidator } from 'fast-xml-parser';
import type { ParseOutcome } from '../model';
import {
  absent,
  emptyFiling,
  emptyOwner,
  emptyRow,
  type Field,
  type Filing,
  type Finding,
  type FootnoteRef,
  type ReportingOwner,
  type Row,
  type RowBase,
  type Severity,
  type SourceKind,
  type Span,
} from '../model';
import { isWs, scanXml, type XmlElement, type XmlScan } from '../xml/scan';
import { attr, textOf, textSpan } from '../xml/element';
import { LineIndex } from '../positions';
import { MAX_DECIMAL_LENGTH } from '../decimal';
import { decodeEntities } from '../xml/entities';
import {
  DERIVATIVE_ONLY_FIELDS,
  DOC_FIELDS,
  ISSUER_IGNORED,
  KNOWN_SCHEMAS,
  OWNER_FIELDS,
  OWNER_GROUPS,
  OWNER_IGNORED,
  ROW_FIELDS,
  ROW_GROUPS,
  kids,
  normalize,
  type DocKey,
  type Norm,
} from './xml-vocabulary';
import { collapseWs } from '../xml/normalize';

export { KNOWN_SCHEMAS };

export interface XmlParseOptions {
  /** Only `text.slice(range.start, range.end)` is the XML (e.g. inside an EDGAR submission); spans still index `text`. */
  range?: Span;
  source?: SourceKind;
}

/** More findings of one rule than this are counted, not listed. */
const MAX_FINDINGS_PER_RULE = 100;

function span(el: XmlElement): Span {
  return { start: el.start, end: el.end };
}

class Mapper {
  readonly findings: Finding[] = [];
  private unknownEntityReported = false;
  private readonly unknownElements = new Set<string>();
  private readonly onUnknown = (offset: number, length: number): void => {
    if (this.unknownEntityReported) return;
    this.unknownEntityReported = true;
    const ref = this.text.slice(offset, offset + length);
    this.add(
      'xml-unknown-entity',
      'info',
      length > 1
        ? `Entity reference ${ref} is not a known entity; it is kept as written`
        : 'A "&" that does not start an entity reference (write &amp;); it is kept as written',
      { start: offset, end: offset + length },
    );
  };

  private lines: LineIndex | null = null;
  /** Findings per rule, to keep a hostile file from producing millions of them. */
  private readonly perRule = new Map<string, number>();
  private readonly suppressed = new Map<string, { severity: Severity; count: number }>();

  constructor(readonly text: string) {}

  /** 1-based line of an offset (the line index is built on first use: most filings never need it). */
  line(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset).line;
  }

  add(rule: string, severity: Severity, message: string, s: Span | null): void {
    const n = (this.perRule.get(rule) ?? 0) + 1;
    this.perRule.set(rule, n);
    if (n > MAX_FINDINGS_PER_RULE) {
      const sup = this.suppressed.get(rule) ?? { severity, count: 0 };
      sup.count++;
      this.suppressed.set(rule, sup);
      return;
    }
    this.findings.push({ rule, severity, message, span: s });
  }

  /** One closing note per rule whose findings were cut off. */
  finish(): void {
    for (const [rule, { severity, count }] of this.suppressed)
      this.findings.push({
        rule,
        severity,
        message: `${count} more ${rule} finding${count === 1 ? '' : 's'} not listed`,
        span: null,
      });
  }

  unknown(el: XmlElement, where: string): void {
    const key = `${where}/${el.local}`;
    if (this.unknownElements.has(key)) return;
    this.unknownElements.add(key);
    const what = el.local === 'script' ? 'A <script> element (never run)' : `Unknown element <${el.name}>`;
    this.add('xml-unknown-element', 'info', `${what} in <${where}> is ignored (line ${this.line(el.start)})`, span(el));
  }

  /** `kids()` with a warning when a well-formed document nests an element where the schema cannot have it. */
  kids(el: XmlElement): readonly XmlElement[] {
    return kids(el, (moved, from) => {
      if (!from.closed) return; // a malformed document: the xml-malformed finding already says where it broke
      this.add(
        'xml-unexpected-element',
        'warning',
        `<${moved.name}> (line ${this.line(moved.start)}) stands inside <${from.name}>, which holds only a value; it is read as if it followed it`,
        span(moved),
      );
    });
  }

  footnoteRef(el: XmlElement): FootnoteRef | null {
    const a = attr(el, 'id');
    if (!a) {
      this.add(
        'xml-footnote-id-missing',
        'warning',
        `<footnoteId> without an id attribute (line ${this.line(el.start)})`,
        span(el),
      );
      return null;
    }
    const id = decodeEntities(this.text, a.valueStart, a.valueEnd, this.onUnknown).trim();
    return { id, span: trimmedSpan(this.text, a.valueStart, a.valueEnd) };
  }

  /** A value-bearing element: its `<value>` child (or its own text) and its `<footnoteId>`s. */
  field<T = string>(el: XmlElement, norm: Norm): Field<T> {
    const footnotes: FootnoteRef[] = [];
    let valueEl: XmlElement | null = null;
    for (const ch of el.children) {
      if (ch.local === 'footnoteId') {
        const ref = this.footnoteRef(ch);
        if (ref) footnotes.push(ref);
      } else if (ch.local === 'value') {
        if (!valueEl) valueEl = ch;
        else
          this.add(
            'xml-duplicate-element',
            'warning',
            `<${el.local}> has a second <value> (line ${this.line(ch.start)}); the first is used`,
            span(ch),
          );
      }
    }
    const holder = valueEl ?? el;
    // A footnote cited inside <value> (not the schema's place, but unambiguous) still counts.
    let deep = false;
    if (valueEl)
      for (const ch of valueEl.children) {
        if (ch.local !== 'footnoteId') deep = true;
        else {
          const ref = this.footnoteRef(ch);
          if (ref) footnotes.push(ref);
        }
      }
    // Markup inside a <value> (<value><b>5</b></value>) is not in the schema; its text still counts. A plain
    // element (<rptOwnerCik>) keeps its own text only: children there come from a broken tag, not from the filer.
    const ts = deep ? trimmedSpan(this.text, holder.contentStart, holder.contentEnd) : textSpan(this.text, holder);
    const elementSpan = span(el);
    if (!ts || ts.start === ts.end)
      return { raw: null, value: null, present: true, footnotes, span: elementSpan, elementSpan };
    const raw = textOf(this.text, holder, deep, this.onUnknown).trim();
    if (raw.length === 0) return { raw: null, value: null, present: true, footnotes, span: elementSpan, elementSpan };
    const value = normalize(raw, norm);
    if (norm === 'decimal' && typeof value === 'string' && value.length > MAX_DECIMAL_LENGTH)
      // Kept as written, but no rule computes with it: say so where it stands, or the tally is silently off.
      this.add(
        'read-limit',
        'warning',
        `<${el.local}> holds a number of ${value.length.toLocaleString('en-US')} characters, more than the ${MAX_DECIMAL_LENGTH} the checks compute with (line ${this.line(ts.start)}): it is kept as written, and the running tally cannot check its row`,
        ts,
      );
    return { raw, value: value as T | null, present: true, footnotes, span: ts, elementSpan };
  }

  /** Keep the first occurrence of a single-valued element; report a repeat. */
  once<T>(current: Field<T>, el: XmlElement, norm: Norm): Field<T> {
    if (current.present) {
      const again = this.field<T>(el, norm);
      const say = (f: Field<T>): string =>
        f.raw === null ? 'empty' : `"${f.raw.length > 60 ? f.raw.slice(0, 59) + '…' : f.raw}"`;
      this.add(
        'xml-duplicate-element',
        'warning',
        `<${el.local}> appears more than once (line ${this.line(el.start)}): the first (${say(current)}) is used, this one (${say(again)}) is not`,
        span(el),
      );
      return current;
    }
    return this.field<T>(el, norm);
  }

  issuer(filing: Filing, el: XmlElement): void {
    const iss = filing.issuer;
    if (iss.span) {
      this.add(
        'xml-duplicate-element',
        'warning',
        `<issuer> appears more than once (line ${this.line(el.start)}); the first is used`,
        span(el),
      );
      return;
    }
    iss.span = span(el);
    for (const ch of this.kids(el)) {
      if (ch.local === 'issuerCik') iss.cik = this.once(iss.cik, ch, 'text');
      else if (ch.local === 'issuerName') iss.name = this.once(iss.name, ch, 'text');
      else if (ch.local === 'issuerTradingSymbol') iss.tradingSymbol = this.once(iss.tradingSymbol, ch, 'text');
      else if (!ISSUER_IGNORED.has(ch.local)) this.unknown(ch, 'issuer');
    }
  }

  owner(el: XmlElement): ReportingOwner {
    const o = emptyOwner();
    o.span = span(el);
    const rec = o as unknown as Record<string, Field<unknown>>;
    for (const group of this.kids(el)) {
      if (!OWNER_GROUPS.has(group.local)) {
        // Tolerate owner fields written without their group.
        const spec = OWNER_FIELDS.get(group.local);
        if (spec) rec[spec[0]] = this.once(rec[spec[0]], group, spec[1]);
        else if (!OWNER_IGNORED.has(group.local)) this.unknown(group, 'reportingOwner');
        continue;
      }
      for (const ch of this.kids(group)) {
        const spec = OWNER_FIELDS.get(ch.local);
        if (spec) rec[spec[0]] = this.once(rec[spec[0]], ch, spec[1]);
        else if (!OWNER_IGNORED.has(ch.local)) this.unknown(ch, group.local);
      }
    }
    return o;
  }

  row(table: 'nonDerivative' | 'derivative', kind: 'transaction' | 'holding', index: number, el: XmlElement): Row {
    const row: Row =
      table === 'derivative' ? emptyRow('derivative', kind, index) : emptyRow('nonDerivative', kind, index);
    row.span = span(el);
    // The row's children, and the children of its grouping elements, in document order.
    for (const top of this.kids(el)) {
      if (ROW_GROUPS.has(top.local)) for (const ch of this.kids(top)) this.rowChild(row, table, el, ch);
      else this.rowChild(row, table, el, top);
    }
    return row;
  }

  private rowChild(row: Row, table: 'nonDerivative' | 'derivative', el: XmlElement, ch: XmlElement): void {
    const rec = row as unknown as Record<string, Field<unknown>>;
    const name = ch.local;
    const norm = ROW_FIELDS.get(name) ?? (table === 'derivative' ? DERIVATIVE_ONLY_FIELDS.get(name) : undefined);
    if (norm) {
      rec[name] = this.once(rec[name], ch, norm);
    } else if (name === 'transactionCoding') {
      this.coding(row, ch);
    } else if (name === 'footnoteId') {
      const ref = this.footnoteRef(ch);
      if (ref)
        this.add(
          'xml-footnote-misplaced',
          'warning',
          `Footnote ${ref.id} is cited by <${ch.parent?.local}> itself, not by a value in it (line ${this.line(ch.start)}); the spec attaches footnotes to values`,
          ref.span,
        );
    } else if (table === 'nonDerivative' && DERIVATIVE_ONLY_FIELDS.has(name)) {
      const f = this.field(ch, DERIVATIVE_ONLY_FIELDS.get(name)!);
      this.add(
        'xml-unexpected-element',
        'warning',
        `<${name}> belongs to Table II, not to a Table I row (line ${this.line(ch.start)}); its value ${f.raw === null ? '(empty)' : `"${f.raw}"`} is not used`,
        span(ch),
      );
    } else {
      this.unknown(ch, ch.parent?.local ?? el.local);
    }
  }

  coding(row: RowBase, el: XmlElement): void {
    if (row.codingSpan) {
      this.add(
        'xml-duplicate-element',
        'warning',
        `<transactionCoding> appears more than once (line ${this.line(el.start)}); the first is used`,
        span(el),
      );
      return;
    }
    row.codingSpan = span(el);
    for (const ch of this.kids(el)) {
      switch (ch.local) {
        case 'transactionFormType':
          row.transactionFormType = this.once(row.transactionFormType, ch, 'code');
          break;
        case 'transactionCode':
          row.transactionCode = this.once(row.transactionCode, ch, 'code');
          break;
        case 'equitySwapInvolved':
          row.equitySwapInvolved = this.once(row.equitySwapInvolved, ch, 'bool');
          break;
        case 'footnoteId': {
          const ref = this.footnoteRef(ch);
          if (ref) row.codingFootnotes.push(ref);
          break;
        }
        default:
          this.unknown(ch, 'transactionCoding');
      }
    }
  }

  table(filing: Filing, el: XmlElement, table: 'nonDerivative' | 'derivative'): void {
    const rows: Row[] = table === 'derivative' ? filing.derivative : filing.nonDerivative;
    const prefix = table === 'derivative' ? 'derivative' : 'nonDerivative';
    for (const ch of this.kids(el)) {
      let kind: 'transaction' | 'holding' | null = null;
      if (ch.local === `${prefix}Transaction`) kind = 'transaction';
      else if (ch.local === `${prefix}Holding`) kind = 'holding';
      else if (ch.local === `${prefix}Security`) {
        // Early schemas (X0101): one element for both; a row with transaction data is a transaction.
        kind = ch.children.some(
          (c) => c.local === 'transactionCoding' || c.local === 'transactionAmounts' || c.local === 'transactionDate',
        )
          ? 'transaction'
          : 'holding';
      }
      if (!kind) {
        this.unknown(ch, el.local);
        continue;
      }
      rows.push(this.row(table, kind, rows.length, ch));
    }
  }

  footnotes(filing: Filing, el: XmlElement): void {
    for (const ch of this.kids(el)) {
      if (ch.local !== 'footnote') {
        this.unknown(ch, 'footnotes');
        continue;
      }
      const a = attr(ch, 'id');
      let id: Field = absent();
      if (a) {
        const raw = decodeEntities(this.text, a.valueStart, a.valueEnd, this.onUnknown).trim();
        const s = trimmedSpan(this.text, a.valueStart, a.valueEnd);
        id =
          raw.length > 0
            ? { raw, value: raw, present: true, footnotes: [], span: s }
            : { raw: null, value: null, present: true, footnotes: [], span: s };
      } else {
        this.add(
          'xml-footnote-id-missing',
          'warning',
          `<footnote> without an id attribute (line ${this.line(ch.start)})`,
          span(ch),
        );
      }
      // An unclosed footnote that swallowed the next ones (read as siblings by kids()) ends where they begin.
      const next = ch.children.find((c) => c.local === 'footnote');
      const until = next ? next.start : ch.contentEnd;
      const own: Span = { start: ch.start, end: next ? next.start : ch.end };
      const ts = trimmedSpan(this.text, ch.contentStart, until);
      const raw = textOf(this.text, ch, true, this.onUnknown, until).trim();
      const textField: Field =
        raw.length > 0
          ? { raw, value: collapseWs(raw), present: true, footnotes: [], span: ts, elementSpan: own }
          : { raw: null, value: null, present: true, footnotes: [], span: own, elementSpan: own };
      filing.footnotes.push({ id, text: textField, span: own });
    }
  }

  signature(filing: Filing, el: XmlElement): void {
    const sig = { name: absent(), date: absent(), span: span(el) };
    for (const ch of this.kids(el)) {
      if (ch.local === 'signatureName') sig.name = this.once(sig.name, ch, 'text');
      else if (ch.local === 'signatureDate') sig.date = this.once(sig.date, ch, 'date');
      else this.unknown(ch, 'ownerSignature');
    }
    filing.signatures.push(sig);
  }

  document(filing: Filing, doc: XmlElement): void {
    const rec = filing as unknown as Record<DocKey, Field<unknown>>;
    for (const ch of this.kids(doc)) {
      const name = ch.local;
      const norm = DOC_FIELDS.get(name);
      if (norm) {
        rec[name as DocKey] = this.once(rec[name as DocKey], ch, norm);
        continue;
      }
      switch (name) {
        case 'issuer':
          this.issuer(filing, ch);
          break;
        case 'reportingOwner':
          filing.reportingOwners.push(this.owner(ch));
          break;
        case 'nonDerivativeTable':
          this.table(filing, ch, 'nonDerivative');
          break;
        case 'derivativeTable':
          this.table(filing, ch, 'derivative');
          break;
        case 'footnotes':
          this.footnotes(filing, ch);
          break;
        case 'ownerSignature':
          this.signature(filing, ch);
          break;
        default:
          this.unknown(ch, 'ownershipDocument');
      }
    }
    this.schema(filing, doc);
  }

  schema(filing: Filing, doc: XmlElement): void {
    const sv = filing.schemaVersion;
    if (!sv.present || sv.value === null) {
      this.add(
        'schema-version-unknown',
        'info',
        sv.present
          ? 'schemaVersion is empty; read with the current (X0609) layout'
          : 'No schemaVersion; read with the current (X0609) layout',
        sv.span ?? { start: doc.start, end: doc.startTagEnd },
      );
      return;
    }
    const v = sv.value.toUpperCase();
    if (KNOWN_SCHEMAS.has(v)) return;
    this.add(
      'schema-version-unknown',
      'info',
      `Unknown schema version "${sv.raw}"; read with the current (X0609) layout`,
      sv.span,
    );
  }
}

/** [start, end) with surrounding XML white space removed (an empty range stays where it is). */
function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isWs(text.charCodeAt(s))) s++;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** The ownershipDocument element: the root, or (wrapped documents) the first one found below it. */
function findDocument(scan: XmlScan): XmlElement | null {
  for (const r of scan.roots) if (r.local === 'ownershipDocument') return r;
  const queue: XmlElement[] = [...scan.roots];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const el = queue[i];
    if (el.local === 'ownershipDocument') return el;
    for (const ch of el.children) queue.push(ch);
  }
  return null;
}

/** Word the scanner's first problem, cross-checked with fast-xml-parser's validator. */
function malformedFinding(text: string, range: Span, scan: XmlScan): Finding | null {
  const p = scan.problems.find((x) => x.kind === 'malformed');
  if (!p) return null;
  let message = p.message;
  try {
    // A submission's <XML> wrapper puts a line break before the declaration: start at the first tag.
    let from = range.start;
    while (from < range.end && isWs(text.charCodeAt(from))) from++;
    const v = XMLValidator.validate(text.slice(from, range.end), { allowBooleanAttributes: false });
    if (v !== true) {
      // The validator's line/col are relative to the slice; compare with ours.
      const lines = new LineIndex(text);
      const base = lines.position(from).line - 1;
      const ourLine = lines.position(p.start).line;
      const theirLine = v.err.line + base;
      const theirCol = v.err.line === 1 ? v.err.col + lines.position(from).column - 1 : v.err.col;
      // Unclosed-tag reports ('InvalidXml') carry no useful position; other codes point at a real break.
      if (theirLine < ourLine && v.err.code !== 'InvalidXml')
        message += `; a strict XML check finds a first problem earlier, on line ${theirLine} column ${theirCol}: ${v.err.msg}`;
    }
  } catch {
    // The validator is only a cross-check.
  }
  return { rule: 'xml-malformed', severity: 'error', message, span: { start: p.start, end: p.end } };
}

export function parseOwnershipXml(text: string, file: string, opts?: XmlParseOptions): ParseOutcome {
  const range: Span = opts?.range ?? { start: 0, end: text.length };
  const source: SourceKind = opts?.source ?? 'xml';
  const scan = scanXml(text, range.start, range.end);
  const doc = findDocument(scan);
  const findings: Finding[] = [];

  const mal = malformedFinding(text, range, scan);
  if (mal) findings.push(mal);
  for (const p of scan.problems)
    if (p.kind !== 'malformed')
      findings.push({ rule: 'xml-limit', severity: 'error', message: p.message, span: { start: p.start, end: p.end } });
  if (scan.doctype)
    findings.push({
      rule: 'xml-doctype-ignored',
      severity: 'info',
      message: 'The DOCTYPE declaration is ignored: entities it declares are not expanded and nothing external is read',
      span: scan.doctype,
    });

  if (!doc) {
    const root = scan.roots[0];
    const reason = root
      ? `XML, but not an ownership filing (root element <${root.name}>)`
      : 'No XML element found, so not an ownership filing';
    return { ok: false, reason, findings };
  }

  const filing = emptyFiling(file, source, text);
  filing.documentSpan = span(doc);
  const m = new Mapper(text);
  m.document(filing, doc);
  m.finish();
  filing.findings.push(...findings, ...m.findings);
  return { ok: true, filing };
}
