/**
 * The filing as JSON: exactly the shape of docs/JSON-MODEL.md (`form4 inspect --json`), a public interface.
 * Key order follows that document; numbers are strings as normalized by the parsers; dates YYYY-MM-DD.
 *
 * Choices where the document is silent (kept stable from here on):
 * - Every value is the model's normalized `value`; a value that is absent, empty or could not be read is `null`
 *   (the raw text stays in the model and in the findings that complain about it).
 * - Booleans of boxes that may simply be left out are `false` when absent or unreadable: `notSubjectToSection16`,
 *   `isDirector`, `isOfficer`, `isTenPercentOwner`, `isOther`, `equitySwapInvolved`. `aff10b5One` is `null` when the
 *   document has no such element (older schemas, Forms 3 and 5) or its value cannot be read, else true/false.
 * - `documentType`, `issuer.name`, `securityTitle`, `directOrIndirectOwnership` and the like are `null` when absent
 *   (a PDF or OCR text can miss them), although the document's example shows only strings.
 * - `noSecuritiesOwned` is Form 3's box: true/false as written, false when a Form 3 leaves it out (the box is
 *   unchecked), null on Forms 4 and 5 unless they carry the element.
 * - `reportingOwners[].address` holds the rptOwner address elements (each null when absent or empty); the object is
 *   null when the filing gives none of them.
 * - `natureOfOwnership` is the text of `<natureOfOwnership><value>` (entities decoded), or null.
 * - `footnotes[].id` is the id attribute as written ("F1"); `text` is the footnote's text with white space collapsed.
 * - `signatures[].name` is `<signatureName>` as written (often "/s/ ..."), `date` its `<signatureDate>`.
 * - `submission` is null unless the file is an EDGAR submission (its ownership XML, or a form filed as text before 2003,
 *   read from it); it holds the three values the document names.
 * - `findings[]`: `line`/`column`/`endLine`/`endColumn` are 1-based, from the finding's span in the file's text (the end
 *   column is the column just after the last character, as in VS Code ranges); all four null when the finding has no
 *   span. `page` is the 1-based page for PDF sources, else null.
 * - `derived` (an addition to the document, always the LAST key so consumers of the documented keys are unaffected):
 *   the figures of src/core/derived.ts (row values and changes, per-holding totals), numbers as exact decimal strings.
 */
import type { Field, Filing, Finding, ReportingOwner, Row, SourceKind } from './model';
import { rowFootnoteIds } from './model';
import { LineIndex } from './positions';
import { derive, type Derived } from './derived';

export interface JsonIssuer {
  cik: string | null;
  name: string | null;
  tradingSymbol: string | null;
}

export interface JsonReportingOwner {
  cik: string | null;
  name: string | null;
  isDirector: boolean;
  isOfficer: boolean;
  isTenPercentOwner: boolean;
  isOther: boolean;
  officerTitle: string | null;
  otherText: string | null;
  /** The owner's mailing address as the filing gives it; null when it gives none of these fields. */
  address: JsonAddress | null;
}

export interface JsonAddress {
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  stateDescription: string | null;
}

export interface JsonNonDerivativeRow {
  kind: 'transaction' | 'holding';
  securityTitle: string | null;
  transactionDate: string | null;
  deemedExecutionDate: string | null;
  transactionCode: string | null;
  equitySwapInvolved: boolean;
  transactionShares: string | null;
  transactionPricePerShare: string | null;
  transactionAcquiredDisposedCode: string | null;
  sharesOwnedFollowingTransaction: string | null;
  valueOwnedFollowingTransaction: string | null;
  directOrIndirectOwnership: string | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface JsonDerivativeRow {
  kind: 'transaction' | 'holding';
  securityTitle: string | null;
  conversionOrExercisePrice: string | null;
  transactionDate: string | null;
  deemedExecutionDate: string | null;
  transactionCode: string | null;
  equitySwapInvolved: boolean;
  transactionShares: string | null;
  transactionTotalValue: string | null;
  transactionPricePerShare: string | null;
  transactionAcquiredDisposedCode: string | null;
  exerciseDate: string | null;
  expirationDate: string | null;
  underlyingSecurityTitle: string | null;
  underlyingSecurityShares: string | null;
  underlyingSecurityValue: string | null;
  sharesOwnedFollowingTransaction: string | null;
  valueOwnedFollowingTransaction: string | null;
  directOrIndirectOwnership: string | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface JsonFootnote {
  id: string | null;
  text: string | null;
}

export interface JsonSignature {
  name: string | null;
  date: string | null;
}

export interface JsonSubmission {
  accessionNumber: string | null;
  filedAsOf: string | null;
  acceptanceDateTime: string | null;
}

export interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  page: number | null;
}

export interface JsonFiling {
  file: string;
  source: SourceKind;
  documentType: string | null;
  schemaVersion: string | null;
  periodOfReport: string | null;
  dateOfOriginalSubmission: string | null;
  notSubjectToSection16: boolean;
  aff10b5One: boolean | null;
  noSecuritiesOwned: boolean | null;
  issuer: JsonIssuer;
  reportingOwners: JsonReportingOwner[];
  nonDerivative: JsonNonDerivativeRow[];
  derivative: JsonDerivativeRow[];
  footnotes: JsonFootnote[];
  remarks: string | null;
  signatures: JsonSignature[];
  submission: JsonSubmission | null;
  findings: JsonFinding[];
  /** Addition to docs/JSON-MODEL.md, always the last key: figures computed from the filing's numbers (src/core/derived.ts). */
  derived: Derived;
}

function str(f: Field<unknown> | undefined): string | null {
  if (!f || f.value === null || f.value === undefined) return null;
  return typeof f.value === 'string' ? f.value : String(f.value);
}

function flag(f: Field<boolean> | undefined): boolean {
  return f?.value === true;
}

function optFlag(f: Field<boolean> | undefined): boolean | null {
  return f && f.present && typeof f.value === 'boolean' ? f.value : null;
}

/** Form 3's box: unchecked (false) when a Form 3 leaves the element out; null on other forms unless they carry it. */
function noSecuritiesOwned(filing: Filing): boolean | null {
  const f = filing.noSecuritiesOwned;
  if (f.present && typeof f.value === 'boolean') return f.value;
  return /^3(\/A)?$/i.test(filing.documentType.value ?? '') ? false : null;
}

function address(o: ReportingOwner): JsonAddress | null {
  const a: JsonAddress = {
    street1: str(o.street1),
    street2: str(o.street2),
    city: str(o.city),
    state: str(o.state),
    zipCode: str(o.zipCode),
    stateDescription: str(o.stateDescription),
  };
  return Object.values(a).some((v) => v !== null) ? a : null;
}

function nonDerivativeRow(r: Row): JsonNonDerivativeRow {
  return {
    kind: r.kind,
    securityTitle: str(r.securityTitle),
    transactionDate: str(r.transactionDate),
    deemedExecutionDate: str(r.deemedExecutionDate),
    transactionCode: str(r.transactionCode),
    equitySwapInvolved: flag(r.equitySwapInvolved),
    transactionShares: str(r.transactionShares),
    transactionPricePerShare: str(r.transactionPricePerShare),
    transactionAcquiredDisposedCode: str(r.transactionAcquiredDisposedCode),
    sharesOwnedFollowingTransaction: str(r.sharesOwnedFollowingTransaction),
    valueOwnedFollowingTransaction: str(r.valueOwnedFollowingTransaction),
    directOrIndirectOwnership: str(r.directOrIndirectOwnership),
    natureOfOwnership: str(r.natureOfOwnership),
    footnoteIds: rowFootnoteIds(r),
  };
}

function derivativeRow(r: Row): JsonDerivativeRow {
  const d = r.table === 'derivative' ? r : undefined;
  return {
    kind: r.kind,
    securityTitle: str(r.securityTitle),
    conversionOrExercisePrice: str(d?.conversionOrExercisePrice),
    transactionDate: str(r.transactionDate),
    deemedExecutionDate: str(r.deemedExecutionDate),
    transactionCode: str(r.transactionCode),
    equitySwapInvolved: flag(r.equitySwapInvolved),
    transactionShares: str(r.transactionShares),
    transactionTotalValue: str(d?.transactionTotalValue),
    transactionPricePerShare: str(r.transactionPricePerShare),
    transactionAcquiredDisposedCode: str(r.transactionAcquiredDisposedCode),
    exerciseDate: str(d?.exerciseDate),
    expirationDate: str(d?.expirationDate),
    underlyingSecurityTitle: str(d?.underlyingSecurityTitle),
    underlyingSecurityShares: str(d?.underlyingSecurityShares),
    underlyingSecurityValue: str(d?.underlyingSecurityValue),
    sharesOwnedFollowingTransaction: str(r.sharesOwnedFollowingTransaction),
    valueOwnedFollowingTransaction: str(r.valueOwnedFollowingTransaction),
    directOrIndirectOwnership: str(r.directOrIndirectOwnership),
    natureOfOwnership: str(r.natureOfOwnership),
    footnoteIds: rowFootnoteIds(r),
  };
}

/** One finding as JSON; `lines` indexes the text its span points into (omit it for PDFs). */
export function findingToJson(f: Finding, lines: Pick<LineIndex, 'position'> | null, source: SourceKind): JsonFinding {
  let line: number | null = null;
  let column: number | null = null;
  let endLine: number | null = null;
  let endColumn: number | null = null;
  if (f.span && lines) {
    const a = lines.position(f.span.start);
    const b = lines.position(f.span.end);
    line = a.line;
    column = a.column;
    endLine = b.line;
    endColumn = b.column;
  }
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line,
    column,
    endLine,
    endColumn,
    page: source === 'pdf' ? (f.page ?? null) : null,
  };
}

/** The filing as the JSON model of docs/JSON-MODEL.md. */
export function toJson(filing: Filing): JsonFiling {
  let lines: LineIndex | null = null;
  const index = (): LineIndex | null => (filing.text ? (lines ??= new LineIndex(filing.text)) : null);
  const sub = filing.submission ?? null;
  return {
    file: filing.file,
    source: filing.source,
    documentType: str(filing.documentType),
    schemaVersion: str(filing.schemaVersion),
    periodOfReport: str(filing.periodOfReport),
    dateOfOriginalSubmission: str(filing.dateOfOriginalSubmission),
    notSubjectToSection16: flag(filing.notSubjectToSection16),
    aff10b5One: optFlag(filing.aff10b5One),
    noSecuritiesOwned: noSecuritiesOwned(filing),
    issuer: {
      cik: str(filing.issuer.cik),
      name: str(filing.issuer.name),
      tradingSymbol: str(filing.issuer.tradingSymbol),
    },
    reportingOwners: filing.reportingOwners.map((o) => ({
      cik: str(o.cik),
      name: str(o.name),
      isDirector: flag(o.isDirector),
      isOfficer: flag(o.isOfficer),
      isTenPercentOwner: flag(o.isTenPercentOwner),
      isOther: flag(o.isOther),
      officerTitle: str(o.officerTitle),
      otherText: str(o.otherText),
      address: address(o),
    })),
    nonDerivative: filing.nonDerivative.map(nonDerivativeRow),
    derivative: filing.derivative.map(derivativeRow),
    footnotes: filing.footnotes.map((f) => ({ id: str(f.id) ?? f.id.raw, text: str(f.text) })),
    remarks: str(filing.remarks),
    signatures: filing.signatures.map((s) => ({ name: str(s.name), date: str(s.date) })),
    submission: sub
      ? {
          accessionNumber: str(sub.accessionNumber),
          filedAsOf: str(sub.filedAsOf),
          acceptanceDateTime: str(sub.acceptanceDateTime),
        }
      : null,
    findings: filing.findings.map((f) => findingToJson(f, f.span ? index() : null, filing.source)),
    derived: derive(filing),
  };
}
