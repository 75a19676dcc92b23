/**
 * The one model of an ownership filing (Forms 3, 3/A, 4, 4/A, 5, 5/A) that every parser produces
 * and every consumer (rules, CLI, extension, preview) reads.
 *
 * Positions: a `Span` is a pair of offsets into `Filing.text` (UTF-16 code units of the decoded file,
 * a leading byte-order mark removed, exactly as VS Code's `TextDocument.getText()` holds it), so that
 * `text.slice(span.start, span.end)` is the text the span claims. PDF fields have no span but a page
 * (and a box name); a field read with doubt is marked `uncertain`.
 *
 * This module never imports `vscode` (the extension layer turns spans into ranges).
 */
import { tableFields, type RowFieldName, type TableName } from './form/layout';

export type SourceKind = 'xml' | 'submission' | 'pdf' | 'text' | 'html';
export type Severity = 'error' | 'warning' | 'info';

export interface Span {
  start: number;
  end: number;
}

/** Where a value was found: a text span, or for PDFs a page (1-based) and the form box it sits in. */
export interface Loc {
  span: Span | null;
  page?: number | null;
  box?: string | null;
}

export interface FootnoteRef extends Loc {
  /** The id as written, e.g. "F1". */
  id: string;
}

/**
 * One value of the filing.
 * - `raw`: the text as written (entities decoded, surrounding white space kept out), or null when the element is absent or empty.
 * - `value`: the normalized value: decimals as digit strings without separators ("2.2900" stays "2.2900"),
 *   dates as YYYY-MM-DD (a zone suffix dropped), booleans as true/false, codes upper-cased where the spec has a pick list.
 *   null when absent or not readable (then `raw` still says what was written).
 * - `span`: the value's text (or, for an element with no value, the element) in `Filing.text`.
 * - `footnotes`: every footnote this element cites, in document order.
 * - `present`: whether the element exists at all (an empty `<value/>` is present with a null value).
 */
export interface Field<T = string> extends Loc {
  raw: string | null;
  value: T | null;
  present: boolean;
  footnotes: FootnoteRef[];
  /** Set by extractors that are not sure of the value (PDF, OCR text). */
  uncertain?: boolean;
  /** Span of the whole element (start tag to end tag) when it exists. */
  elementSpan?: Span | null;
}

export interface Issuer {
  cik: Field;
  name: Field;
  tradingSymbol: Field;
  span: Span | null;
}

export interface ReportingOwner {
  span: Span | null;
  cik: Field;
  ccc: Field;
  name: Field;
  street1: Field;
  street2: Field;
  city: Field;
  state: Field;
  zipCode: Field;
  stateDescription: Field;
  isDirector: Field<boolean>;
  isOfficer: Field<boolean>;
  isTenPercentOwner: Field<boolean>;
  isOther: Field<boolean>;
  officerTitle: Field;
  otherText: Field;
}

export type { TableName };
export type RowKind = 'transaction' | 'holding';

/** Fields shared by Table I and Table II rows. Absent elements are `Field`s with `present: false`. */
export interface RowBase {
  table: TableName;
  kind: RowKind;
  /** 0-based position in its table, in document order (transactions and holdings interleaved as written). */
  index: number;
  span: Span | null;
  page?: number | null;
  securityTitle: Field;
  transactionDate: Field;
  deemedExecutionDate: Field;
  /** transactionCoding */
  transactionFormType: Field;
  transactionCode: Field;
  equitySwapInvolved: Field<boolean>;
  /** Footnotes cited by `<transactionCoding>` itself. */
  codingFootnotes: FootnoteRef[];
  codingSpan: Span | null;
  transactionTimeliness: Field;
  transactionShares: Field;
  transactionPricePerShare: Field;
  transactionAcquiredDisposedCode: Field;
  sharesOwnedFollowingTransaction: Field;
  valueOwnedFollowingTransaction: Field;
  directOrIndirectOwnership: Field;
  natureOfOwnership: Field;
}

export interface NonDerivativeRow extends RowBase {
  table: 'nonDerivative';
}

export interface DerivativeRow extends RowBase {
  table: 'derivative';
  conversionOrExercisePrice: Field;
  transactionTotalValue: Field;
  exerciseDate: Field;
  expirationDate: Field;
  underlyingSecurityTitle: Field;
  underlyingSecurityShares: Field;
  underlyingSecurityValue: Field;
}

export type Row = NonDerivativeRow | DerivativeRow;

export interface Footnote {
  /** The id attribute (value "F1"), span on the attribute value. */
  id: Field;
  /** The footnote's text, entities decoded, white space collapsed. */
  text: Field;
  span: Span | null;
  page?: number | null;
}

export interface Signature {
  name: Field;
  date: Field;
  span: Span | null;
}

export interface SubmissionHeader {
  accessionNumber: Field;
  conformedSubmissionType: Field;
  /** FILED AS OF DATE, as YYYY-MM-DD. */
  filedAsOf: Field;
  /** ACCEPTANCE-DATETIME as YYYY-MM-DDTHH:MM:SS (Eastern time as EDGAR writes it). */
  acceptanceDateTime: Field;
  periodOfReport: Field;
  /** CIKs of the header's REPORTING-OWNER sections. */
  reportingOwnerCiks: Field[];
  /** CIK of the header's ISSUER section. */
  issuerCik: Field;
  /** FISCAL YEAR END of the header's ISSUER section, as MMDD ("1231"): EDGAR's record of the issuer's fiscal year end. */
  issuerFiscalYearEnd: Field;
  /** Every CIK the header names with its role, for cross-checks. */
  filers: { role: 'issuer' | 'reporting-owner' | 'filer' | 'subject-company' | 'other'; cik: Field; name: Field }[];
  span: Span | null;
}

/**
 * Where a filing read from EDGAR came from, kept on the filing (set by the EDGAR client's readers: src/core/edgar/).
 * Rules read the filing date from here when the input has no submission header (an ownership XML).
 */
export interface EdgarSource {
  /** The document's address on SEC.gov (https://www.sec.gov/Archives/edgar/data/...), never a replay server's. */
  url: string;
  /** The filing's index page on SEC.gov. */
  indexUrl: string | null;
  cik: string | null;
  accessionNumber: string | null;
  /** The form as EDGAR lists it ("4", "4/A"). */
  form: string | null;
  /** EDGAR's filing date, YYYY-MM-DD: the day the filing is deemed filed (a Form 4 accepted after 10 p.m. ET counts for the next business day). */
  filingDate: string | null;
  /**
   * EDGAR's acceptance time as EDGAR gave it: from the latest-filings feed with its offset ("2025-12-12T18:02:43-05:00"),
   * from the submissions API as "2024-08-07T18:30:15.000Z" (whose Z is UTC for some filers and Eastern time for others).
   */
  acceptanceDateTime: string | null;
}

export interface RelatedInfo extends Loc {
  message: string;
  /** Another file, for cross-filing findings; absent means the same file. */
  file?: string;
}

export interface Finding extends Loc {
  /** Stable kebab-case id, e.g. "holdings-reconcile". */
  rule: string;
  severity: Severity;
  message: string;
  related?: RelatedInfo[];
}

/** What a PDF's metadata says: EDGAR's PDFs give the filing date in the Subject and the accession number as the Title. */
export interface PdfMetadata {
  pages: number;
  producer: string | null;
  subject: string | null;
  filedOn: string | null;
  accession: string | null;
}

export interface Filing {
  /** Path as given (CLI) or URI string (extension). */
  file: string;
  source: SourceKind;
  /** The decoded text that spans index into; '' for PDFs. */
  text: string;
  /** Span of `<ownershipDocument>` within `text` (for submissions: inside the wrapper). */
  documentSpan: Span | null;
  schemaVersion: Field;
  documentType: Field;
  periodOfReport: Field;
  dateOfOriginalSubmission: Field;
  notSubjectToSection16: Field<boolean>;
  /** Form 3: no securities beneficially owned. */
  noSecuritiesOwned: Field<boolean>;
  /** Form 5: holdings / transactions previously reported boxes. */
  form3HoldingsReported: Field<boolean>;
  form4TransactionsReported: Field<boolean>;
  /** Rule 10b5-1 box (X0407 and later); not present before. */
  aff10b5One: Field<boolean>;
  issuer: Issuer;
  reportingOwners: ReportingOwner[];
  nonDerivative: NonDerivativeRow[];
  derivative: DerivativeRow[];
  footnotes: Footnote[];
  remarks: Field;
  signatures: Signature[];
  submission: SubmissionHeader | null;
  /** Findings from parsing and from the rules, in the order found. */
  findings: Finding[];
  /** PDF metadata and page count, when the source is a PDF. */
  pdf?: PdfMetadata | null;
  /** Where the filing came from on EDGAR, when it was read from there (null or absent otherwise). */
  edgar?: EdgarSource | null;
}

/** A field that is not in the filing. */
export function absent<T = string>(): Field<T> {
  return { raw: null, value: null, present: false, footnotes: [], span: null };
}

export { DERIVATIVE_FIELDS, NON_DERIVATIVE_FIELDS } from './form/layout';
export type { DerivativeFieldName, NonDerivativeFieldName, RowFieldName } from './form/layout';

/** The fields of a row, in spec order, with their names. */
export function rowFields(row: Row): { name: RowFieldName; field: Field<unknown> }[] {
  const names = tableFields(row.table);
  const rec = row as unknown as Record<string, Field<unknown>>;
  return names.map((name) => ({ name, field: rec[name] }));
}

/** One place where a footnote is cited. `path` names the element, e.g. "nonDerivative[2].transactionPricePerShare". */
export interface Citation {
  ref: FootnoteRef;
  path: string;
  /** The row it sits in, if any. */
  row: Row | null;
  /** Field name within the row or document ("transactionCoding" for coding footnotes). */
  fieldName: string;
}

/** Every footnote citation in the filing, in document order (by span where known, else by walk order). */
export function citations(filing: Filing): Citation[] {
  const out: Citation[] = [];
  const docFields: [string, Field<unknown>][] = [
    ['periodOfReport', filing.periodOfReport],
    ['issuer.name', filing.issuer.name],
  ];
  for (const [name, f] of docFields)
    for (const ref of f.footnotes) out.push({ ref, path: name, row: null, fieldName: name });
  for (const row of [...filing.nonDerivative, ...filing.derivative]) {
    for (const { name, field } of rowFields(row)) {
      if (name === 'transactionCode') {
        for (const ref of row.codingFootnotes)
          out.push({ ref, path: `${row.table}[${row.index}].transactionCoding`, row, fieldName: 'transactionCoding' });
      }
      for (const ref of field.footnotes)
        out.push({ ref, path: `${row.table}[${row.index}].${name}`, row, fieldName: name });
    }
  }
  return out;
}

/** Sorted unique footnote ids cited anywhere in a row (the JSON model's `footnoteIds`). */
export function rowFootnoteIds(row: Row): string[] {
  const ids = new Set<string>();
  for (const ref of row.codingFootnotes) ids.add(ref.id);
  for (const { field } of rowFields(row)) for (const ref of field.footnotes) ids.add(ref.id);
  return [...ids].sort(compareFootnoteIds);
}

/** F2 before F10; ids that are not F<n> sort after, as strings. */
export function compareFootnoteIds(a: string, b: string): number {
  const ma = /^F(\d+)$/i.exec(a);
  const mb = /^F(\d+)$/i.exec(b);
  if (ma && mb) return Number(ma[1]) - Number(mb[1]) || a.localeCompare(b);
  if (ma) return -1;
  if (mb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What every reader returns: a filing, or a one-line reason why the input is not one (with what was found on the way). */
export type ParseOutcome = { ok: true; filing: Filing } | { ok: false; reason: string; findings: Finding[] };

/** A filing with nothing read yet: the starting point of every parser. */
export function emptyFiling(file: string, source: SourceKind, text: string): Filing {
  return {
    file,
    source,
    text,
    documentSpan: null,
    schemaVersion: absent(),
    documentType: absent(),
    periodOfReport: absent(),
    dateOfOriginalSubmission: absent(),
    notSubjectToSection16: absent<boolean>(),
    noSecuritiesOwned: absent<boolean>(),
    form3HoldingsReported: absent<boolean>(),
    form4TransactionsReported: absent<boolean>(),
    aff10b5One: absent<boolean>(),
    issuer: { cik: absent(), name: absent(), tradingSymbol: absent(), span: null },
    reportingOwners: [],
    nonDerivative: [],
    derivative: [],
    footnotes: [],
    remarks: absent(),
    signatures: [],
    submission: null,
    findings: [],
  };
}

/** An owner with every field absent. */
export function emptyOwner(): ReportingOwner {
  return {
    span: null,
    cik: absent(),
    ccc: absent(),
    name: absent(),
    street1: absent(),
    street2: absent(),
    city: absent(),
    state: absent(),
    zipCode: absent(),
    stateDescription: absent(),
    isDirector: absent<boolean>(),
    isOfficer: absent<boolean>(),
    isTenPercentOwner: absent<boolean>(),
    isOther: absent<boolean>(),
    officerTitle: absent(),
    otherText: absent(),
  };
}

/** A row of the given table with every field absent. */
export function emptyRow(table: 'nonDerivative', kind: RowKind, index: number): NonDerivativeRow;
export function emptyRow(table: 'derivative', kind: RowKind, index: number): DerivativeRow;
export function emptyRow(table: TableName, kind: RowKind, index: number): Row {
  const base: RowBase = {
    table,
    kind,
    index,
    span: null,
    securityTitle: absent(),
    transactionDate: absent(),
    deemedExecutionDate: absent(),
    transactionFormType: absent(),
    transactionCode: absent(),
    equitySwapInvolved: absent<boolean>(),
    codingFootnotes: [],
    codingSpan: null,
    transactionTimeliness: absent(),
    transactionShares: absent(),
    transactionPricePerShare: absent(),
    transactionAcquiredDisposedCode: absent(),
    sharesOwnedFollowingTransaction: absent(),
    valueOwnedFollowingTransaction: absent(),
    directOrIndirectOwnership: absent(),
    natureOfOwnership: absent(),
  };
  // The base is the row itself (a Form 4 has up to 60 rows, a folder millions): no copy of it is made.
  if (table === 'nonDerivative') return base as NonDerivativeRow;
  return Object.assign(base as DerivativeRow, {
    conversionOrExercisePrice: absent(),
    transactionTotalValue: absent(),
    exerciseDate: absent(),
    expirationDate: absent(),
    underlyingSecurityTitle: absent(),
    underlyingSecurityShares: absent(),
    underlyingSecurityValue: absent(),
  });
}
