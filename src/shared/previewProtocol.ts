/**
 * The typed message protocol between the extension (Node) and the preview webview (browser, src/webview/preview),
 * both ways, and the view model the preview renders. Plain data only (structured-clone safe: no functions, no Maps):
 * the extension derives a `ViewModel` from a `Filing` (src/extension/viewModel.ts) and posts it.
 *
 * Both sides import this file with `import type` (eslint enforces it), so it never adds code to either bundle.
 */
import type { PdfMetadata, Severity, SourceKind } from '../core/model';

/** Offsets into the filing's text (same meaning as `Span` in the core model). */
export interface ViewSpan {
  start: number;
  end: number;
}

/** A footnote marker on a value: the id and whether the footnote exists. */
export interface ViewFootnoteRef {
  id: string;
  /** False when the filing cites an id it never defines. */
  defined: boolean;
  /** Span of the `<footnoteId>` element in the text, when known. */
  span: ViewSpan | null;
}

/** One finding attached to a cell (an index into `ViewModel.findings`). */
export type FindingIndex = number;

/** One value as the preview shows it. */
export interface ViewCell {
  /** Stable key of the value in the filing, e.g. "nonDerivative[2].transactionShares" (also the DOM id suffix). */
  path: string;
  /** What to show (normalized value, numbers grouped; booleans as true/false); null = box left empty. */
  text: string | null;
  /** The text as written in the filing, when it differs from `text` (shown as a tooltip). */
  raw: string | null;
  present: boolean;
  span: ViewSpan | null;
  page: number | null;
  footnotes: ViewFootnoteRef[];
  findings: FindingIndex[];
  uncertain: boolean;
  /** Derived value shown as secondary text (e.g. "= $16,949.58" under a price). */
  secondary: string | null;
}

export interface ViewFinding {
  rule: string;
  severity: Severity;
  message: string;
  span: ViewSpan | null;
  page: number | null;
  /** The cell the finding belongs to, when it sits on one value. */
  path: string | null;
  /** The row it sits in, when any ("nonDerivative[2]"). */
  rowPath: string | null;
}

export interface ViewOwner {
  path: string;
  span: ViewSpan | null;
  name: ViewCell;
  cik: ViewCell;
  address: ViewCell[];
  isDirector: ViewCell;
  isOfficer: ViewCell;
  isTenPercentOwner: ViewCell;
  isOther: ViewCell;
  officerTitle: ViewCell;
  otherText: ViewCell;
}

export interface ViewColumn {
  /** The model field name ("transactionShares"). */
  key: string;
  /** The SEC form's column number ("4", "2A") or '' for a value the paper form has no box for. */
  number: string;
  label: string;
  /** Right-aligned numbers. */
  numeric: boolean;
}

export interface ViewRow {
  path: string;
  index: number;
  kind: 'transaction' | 'holding';
  span: ViewSpan | null;
  page: number | null;
  cells: Record<string, ViewCell>;
  /** Footnotes cited by `<transactionCoding>` itself. */
  codingFootnotes: ViewFootnoteRef[];
  /** Findings on the row as a whole (not on one value). */
  findings: FindingIndex[];
}

export interface ViewNetChange {
  security: string;
  ownership: string;
  /** Signed exact decimal, grouped ("+1,200", "-7,402.5"). */
  net: string;
  acquired: string;
  disposed: string;
  rows: number;
}

export interface ViewTable {
  name: 'nonDerivative' | 'derivative';
  title: string;
  columns: ViewColumn[];
  rows: ViewRow[];
  netChanges: ViewNetChange[];
}

export interface ViewFootnote {
  id: string;
  path: string;
  span: ViewSpan | null;
  page: number | null;
  text: ViewCell;
  /** Every value that cites this footnote, in document order. */
  /** The cells citing the footnote, in form order: `row` ("Table I row 3", null for a document field), `field`. */
  citedBy: { path: string; label: string; row: string | null; field: string | null; span: ViewSpan | null }[];
}

export interface ViewSignature {
  name: ViewCell;
  date: ViewCell;
}

export interface ViewModel {
  /** URI string of the filing. */
  file: string;
  /** Base name for the title. */
  fileName: string;
  source: SourceKind;
  /** "4", "4/A", ... as written, or null. */
  documentType: ViewCell;
  schemaVersion: ViewCell;
  periodOfReport: ViewCell;
  dateOfOriginalSubmission: ViewCell;
  notSubjectToSection16: ViewCell;
  noSecuritiesOwned: ViewCell;
  form3HoldingsReported: ViewCell;
  form4TransactionsReported: ViewCell;
  aff10b5One: ViewCell;
  issuer: { name: ViewCell; cik: ViewCell; tradingSymbol: ViewCell; span: ViewSpan | null };
  owners: ViewOwner[];
  tables: [ViewTable, ViewTable];
  footnotes: ViewFootnote[];
  remarks: ViewCell;
  signatures: ViewSignature[];
  submission: {
    accessionNumber: ViewCell;
    conformedSubmissionType: ViewCell;
    filedAsOf: ViewCell;
    acceptanceDateTime: ViewCell;
  } | null;
  findings: ViewFinding[];
  pdf: PdfMetadata | null;
  /** Where the filing came from on EDGAR (SEC.gov addresses only), when it was read from there. */
  edgar: {
    url: string;
    indexUrl: string | null;
    accessionNumber: string | null;
    filingDate: string | null;
    acceptanceDateTime: string | null;
  } | null;
  /** Whether values can be revealed in a text editor (false for PDFs). */
  revealable: boolean;
  /** The plain-language summary (src/core/summary/): one or two sentences per owner and security. */
  summary: string[];
}

/** What the preview shows when the file is not a filing or cannot be read. */
export interface ViewFailure {
  file: string;
  fileName: string;
  reason: string;
  findings: ViewFinding[];
}

/**
 * The first model, embedded in the page as JSON in a data block (`<script type="application/json">`, never run)
 * with this id, so the preview draws as soon as its script runs instead of after a round trip to the extension.
 * (A type, not a constant: both sides import this file with `import type` only.)
 */
export type InitialDataId = 'form4-initial';
export type InitialMessage = Extract<HostMessage, { type: 'update' | 'failure' }>;

/** Extension -> webview. */
export type HostMessage =
  /** `measure`: report the render's timing in the 'rendered' reply (asked only while the bench measures). */
  | { type: 'update'; version: number; model: ViewModel; measure?: boolean }
  | { type: 'failure'; version: number; failure: ViewFailure; measure?: boolean }
  /** Scroll to and flash a value or row (from the tree view); `soft`: mark it and scroll only if out of view (the editor's caret). */
  | { type: 'focus'; path: string; soft?: boolean };

/** Webview -> extension. */
export type WebviewMessage =
  /**
   * The script has started. `rendered`: the version of the model embedded in the page, already drawn (the host
   * then posts nothing until the filing changes).
   */
  | { type: 'ready'; rendered?: number }
  /** Sent after every render with the version drawn; `timing` only when the model asked for it (`measure`). */
  | { type: 'rendered'; version: number; timing?: RenderTiming }
  /** Show this span of the filing's text in a text editor beside the preview. */
  | { type: 'reveal'; span: ViewSpan; path: string | null }
  /** Uncaught errors in the webview, so they reach the extension's log. */
  | { type: 'error'; message: string };

/** What the webview keeps across hide/restore (`vscode.setState`). */
export interface WebviewState {
  scrollX: number;
  scrollY: number;
  file: string | null;
}

/** The webview's own clock on a render, for the bench. */
export interface RenderTiming {
  /** Building the DOM of the model (ms). */
  renderMs: number;
  /** On the page's first render only: how the page started. */
  startup?: WebviewStartup;
}

/**
 * The webview's start-up as epoch milliseconds: when its frame began to load, when that load could fetch (VS Code's
 * service worker for the webview had started), when the page's script began to run.
 */
export interface WebviewStartup {
  pageStart: number;
  fetchStart: number;
  scriptStart: number;
}
