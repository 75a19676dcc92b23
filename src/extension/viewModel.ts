/**
 * Derives the preview's view model (plain data, see src/shared/previewProtocol.ts) from a `Filing`.
 * No `vscode` import: this runs in plain Node for unit tests too.
 *
 * Derived values use exact decimal arithmetic (big.js): the value of a transaction is shares x price, shown in
 * dollars and cents (core/format.ts), and the net change per security is the sum of acquisitions minus dispositions.
 */
import Big from 'big.js';
import { MAX_DECIMAL_LENGTH } from '../core/decimal';
import { baseName, fmtAmount, fmtFieldValue, fmtMoney } from '../core/format';
import {
  columnOf,
  fieldLabel as columnLabel,
  fieldsInFormOrder,
  isRowField,
  isNumeric,
  isPrinted,
  isTransactionField,
  tableFields,
  type TableName,
} from '../core/form/layout';
import type { Field, FootnoteRef, Filing, Finding, Row, Span } from '../core/model';
import { citations } from '../core/model';
import { summarize } from '../core/summary';
import type {
  ViewCell,
  ViewColumn,
  ViewFailure,
  ViewFinding,
  ViewFootnote,
  ViewFootnoteRef,
  ViewModel,
  ViewNetChange,
  ViewOwner,
  ViewRow,
  ViewSpan,
  ViewTable,
} from '../shared/previewProtocol';

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Exact product of two decimal strings, or null when either is not a plain decimal or is longer than the core
 * computes with (big.js multiplication is quadratic: a hostile 20,000-digit share count and price froze the
 * preview for a minute; fuzz fixture huge-decimals-shares-price).
 */
export function exactProduct(a: string | null, b: string | null): string | null {
  if (
    a === null ||
    b === null ||
    a.length > MAX_DECIMAL_LENGTH ||
    b.length > MAX_DECIMAL_LENGTH ||
    !DECIMAL.test(a) ||
    !DECIMAL.test(b)
  )
    return null;
  return new Big(a).times(b).toFixed();
}

/**
 * A citation path as the form names the place: "nonDerivative[2].transactionShares" -> { row: "Table I row 3",
 * field: "Amount" }; a document-level field has no row.
 */
export function pathParts(path: string): { row: string | null; field: string | null } {
  const m = /^(nonDerivative|derivative)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (m) {
    const table = m[1] === 'derivative' ? 'Table II' : 'Table I';
    return { row: `${table} row ${Number(m[2]) + 1}`, field: m[3] ? fieldLabel(m[3]) : null };
  }
  return { row: null, field: fieldLabel(path) };
}

/** Human label of a citation path: "nonDerivative[2].transactionShares" -> "Table I row 3 \u00b7 Amount". */
export function pathLabel(path: string): string {
  const { row, field } = pathParts(path);
  return [row, field].filter((x) => x !== null).join(' \u00b7 ');
}

/** Short label of a model field name. */
export function fieldLabel(name: string): string {
  if (name === 'transactionCoding') return 'Transaction coding';
  if (name === 'sharesOwnedFollowingTransaction') return 'Amount owned following';
  if (isRowField(name)) return columnLabel(name);
  const spaced = name.replace(/^issuer\./, 'issuer ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function spanOf(s: Span | null | undefined): ViewSpan | null {
  return s ? { start: s.start, end: s.end } : null;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Builds one view model; remembers every cell so that findings can be attached to the value they point at. */
class Builder {
  private readonly cells: ViewCell[] = [];
  private readonly cellBoxes = new Map<ViewCell, Field<unknown>>();
  private readonly rows: { row: ViewRow; span: Span }[] = [];
  private readonly defined: Set<string>;

  constructor(filing: Filing) {
    this.defined = new Set(filing.footnotes.map((f) => f.id.value ?? f.id.raw ?? '').filter((id) => id !== ''));
  }

  refs(refs: FootnoteRef[]): ViewFootnoteRef[] {
    return refs.map((r) => ({ id: r.id, defined: this.defined.has(r.id), span: spanOf(r.span) }));
  }

  cell(path: string, field: Field<unknown>, numeric = false): ViewCell {
    let text: string | null = null;
    if (field.value !== null && field.value !== undefined) {
      const v = String(field.value);
      text = numeric ? fmtFieldValue(path.slice(path.lastIndexOf('.') + 1), v) : v;
    }
    const raw = field.raw !== null && field.raw !== text ? field.raw : null;
    const c: ViewCell = {
      path,
      text,
      raw,
      present: field.present,
      span: spanOf(field.span),
      page: field.page ?? null,
      footnotes: this.refs(field.footnotes),
      findings: [],
      uncertain: field.uncertain === true,
      secondary: null,
    };
    this.cells.push(c);
    this.cellBoxes.set(c, field);
    return c;
  }

  row(row: Row): ViewRow {
    const path = `${row.table}[${row.index}]`;
    const rec = row as unknown as Record<string, Field<unknown>>;
    const names = tableFields(row.table);
    // Keyed by the layout's field names, never a filing's; a plain object so the model stays a plain clone.
    // eslint-disable-next-line no-restricted-syntax
    const cells: Record<string, ViewCell> = {};
    for (const name of names) cells[name] = this.cell(`${path}.${name}`, rec[name], isNumeric(name));
    const product = exactProduct(row.transactionShares.value, row.transactionPricePerShare.value);
    if (product !== null && row.kind === 'transaction')
      cells.transactionPricePerShare.secondary = `= ${fmtMoney(product)}`;
    const v: ViewRow = {
      path,
      index: row.index,
      kind: row.kind,
      span: spanOf(row.span),
      page: row.page ?? null,
      cells,
      codingFootnotes: this.refs(row.codingFootnotes),
      findings: [],
    };
    if (row.span) this.rows.push({ row: v, span: row.span });
    return v;
  }

  /** Attaches each finding to the smallest cell whose span holds it (or, for PDFs, the cell in the same box), else to its row. */
  attach(findings: Finding[]): ViewFinding[] {
    return findings.map((f, i) => {
      const vf: ViewFinding = {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        span: spanOf(f.span),
        page: f.page ?? null,
        path: null,
        rowPath: null,
      };
      let best: ViewCell | null = null;
      if (f.span) {
        const fs = f.span;
        for (const c of this.cells) {
          if (!c.span) continue;
          // The finding points at the value, or at the whole element around it (start tag to end tag).
          const el = this.cellBoxes.get(c)?.elementSpan ?? null;
          const hit = contains(c.span, fs) || (el !== null && contains(el, fs) && contains(fs, c.span));
          if (hit && (!best || !best.span || c.span.end - c.span.start < best.span.end - best.span.start)) best = c;
        }
        let bestRow: { row: ViewRow; span: Span } | null = null;
        for (const r of this.rows)
          if (contains(r.span, fs) && (!bestRow || r.span.end - r.span.start < bestRow.span.end - bestRow.span.start))
            bestRow = r;
        if (bestRow) vf.rowPath = bestRow.row.path;
        if (!best && bestRow) bestRow.row.findings.push(i);
      } else if (f.box) {
        for (const c of this.cells) {
          const loc = this.cellBoxes.get(c);
          if (loc && loc.box === f.box && (f.page == null || loc.page == null || loc.page === f.page)) {
            best = c;
            break;
          }
        }
      }
      if (best) {
        best.findings.push(i);
        vf.path = best.path;
        const m = /^((?:nonDerivative|derivative)\[\d+\])\./.exec(best.path);
        if (m) vf.rowPath = m[1];
      }
      return vf;
    });
  }
}

/**
 * The columns of a table as the form prints them (Form 3's own, Forms 4 and 5 numbered as Form 4). A table of
 * holdings only leaves out the transaction's columns; columns the form has no box for show only when a row says
 * something in them.
 */
function columnsFor(name: TableName, rows: Row[], form3: boolean): ViewColumn[] {
  const form = form3 ? '3' : '4';
  const holdingsOnly = rows.length > 0 && rows.every((r) => r.kind === 'holding');
  const out: ViewColumn[] = [];
  for (const key of fieldsInFormOrder(name)) {
    if (holdingsOnly && isTransactionField(key)) continue;
    // Form 3 has no "amount owned following" column in Table II (the underlying amount is the holding).
    if (
      form3 &&
      name === 'derivative' &&
      (key === 'sharesOwnedFollowingTransaction' || key === 'valueOwnedFollowingTransaction') &&
      !rows.some((r) => r.sharesOwnedFollowingTransaction.present || r.valueOwnedFollowingTransaction.present)
    )
      continue;
    if (!isPrinted(key)) {
      const used = rows.some((r) => {
        const f = (r as unknown as Record<string, Field<unknown>>)[key];
        // "0" / false form types and swaps are the default: show the column only when it says something.
        return (
          f &&
          f.present &&
          (f.raw ?? '') !== '' &&
          !(key === 'equitySwapInvolved' && f.value === false) &&
          !(key === 'transactionFormType' && (f.value === '4' || f.value === null))
        );
      });
      if (!used) continue;
    }
    // A table of holdings only has Form 3's heading for the amount (no transaction to follow).
    const label =
      holdingsOnly && key === 'sharesOwnedFollowingTransaction'
        ? (columnOf('3', 'nonDerivative', key)?.heading ?? columnLabel(key))
        : columnLabel(key);
    out.push({ key, number: columnOf(form, name, key)?.number ?? '', label, numeric: isNumeric(key) });
  }
  // Form 3's Table II orders its boxes differently (exercise dates and underlying before the exercise price).
  if (form3) out.sort((a, b) => (Number(a.number) || 99) - (Number(b.number) || 99));
  return out;
}

/** Net change per security (title, ownership form, nature and the footnotes the nature cites) over the table's transaction rows, exact. */
export function netChanges(rows: Row[]): ViewNetChange[] {
  const groups = new Map<string, { security: string; ownership: string; acquired: Big; disposed: Big; rows: number }>();
  for (const r of rows) {
    if (r.kind !== 'transaction') continue;
    const shares = r.transactionShares.value;
    const ad = r.transactionAcquiredDisposedCode.value?.toUpperCase();
    if (shares === null || !DECIMAL.test(shares) || (ad !== 'A' && ad !== 'D')) continue;
    const security = r.securityTitle.value ?? r.securityTitle.raw ?? '(no title)';
    const di = r.directOrIndirectOwnership.value ?? '';
    // Indirect holders often share a nature text ("See Footnote") and differ only in the footnote it cites.
    const natureRefs = r.natureOfOwnership.footnotes.map((f) => f.id);
    const nature = [r.natureOfOwnership.value ?? '', ...natureRefs.map((id) => `(${id.replace(/^F/i, '')})`)]
      .filter(Boolean)
      .join(' ');
    const ownership = di === 'I' ? `Indirect${nature ? `, ${nature}` : ''}` : di === 'D' ? 'Direct' : di;
    const key = JSON.stringify([security, di, r.natureOfOwnership.value ?? '', natureRefs]);
    let g = groups.get(key);
    if (!g) {
      g = { security, ownership, acquired: new Big(0), disposed: new Big(0), rows: 0 };
      groups.set(key, g);
    }
    if (ad === 'A') g.acquired = g.acquired.plus(shares);
    else g.disposed = g.disposed.plus(shares);
    g.rows++;
  }
  return [...groups.values()].map((g) => {
    const net = g.acquired.minus(g.disposed);
    const sign = net.gt(0) ? '+' : '';
    return {
      security: g.security,
      ownership: g.ownership,
      net: sign + fmtAmount(net),
      acquired: fmtAmount(g.acquired),
      disposed: fmtAmount(g.disposed),
      rows: g.rows,
    };
  });
}

/** The preview's view model of a filing. */
/** The summary sentences; a summary that fails never takes the preview down with it. */
function summaryOf(filing: Filing): string[] {
  try {
    return summarize(filing);
  } catch {
    return [];
  }
}

const SEC_ARCHIVES = /^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/[\w./-]+$/;

/** The filing's EDGAR origin for the preview's links: only SEC.gov Archives addresses become links. */
function edgarOf(filing: Filing): ViewModel['edgar'] {
  const e = filing.edgar;
  if (!e || !SEC_ARCHIVES.test(e.url)) return null;
  return {
    url: e.url,
    indexUrl: e.indexUrl && SEC_ARCHIVES.test(e.indexUrl) ? e.indexUrl : null,
    accessionNumber: e.accessionNumber,
    filingDate: e.filingDate,
    acceptanceDateTime: e.acceptanceDateTime,
  };
}

export function toViewModel(filing: Filing): ViewModel {
  const b = new Builder(filing);
  const form3 = /^3(\/A)?$/i.test((filing.documentType.value ?? '').trim());
  const owners: ViewOwner[] = filing.reportingOwners.map((o, i) => {
    const p = `reportingOwners[${i}]`;
    return {
      path: p,
      span: spanOf(o.span),
      name: b.cell(`${p}.name`, o.name),
      cik: b.cell(`${p}.cik`, o.cik),
      address: [o.street1, o.street2, o.city, o.state, o.zipCode, o.stateDescription].map((f, j) =>
        b.cell(`${p}.${['street1', 'street2', 'city', 'state', 'zipCode', 'stateDescription'][j]}`, f),
      ),
      isDirector: b.cell(`${p}.isDirector`, o.isDirector),
      isOfficer: b.cell(`${p}.isOfficer`, o.isOfficer),
      isTenPercentOwner: b.cell(`${p}.isTenPercentOwner`, o.isTenPercentOwner),
      isOther: b.cell(`${p}.isOther`, o.isOther),
      officerTitle: b.cell(`${p}.officerTitle`, o.officerTitle),
      otherText: b.cell(`${p}.otherText`, o.otherText),
    };
  });
  const tables: [ViewTable, ViewTable] = [
    {
      name: 'nonDerivative',
      title: 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      columns: columnsFor('nonDerivative', filing.nonDerivative, form3),
      rows: filing.nonDerivative.map((r) => b.row(r)),
      netChanges: netChanges(filing.nonDerivative),
    },
    {
      name: 'derivative',
      title:
        'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)',
      columns: columnsFor('derivative', filing.derivative, form3),
      rows: filing.derivative.map((r) => b.row(r)),
      netChanges: netChanges(filing.derivative),
    },
  ];
  const cites = citations(filing);
  const footnotes: ViewFootnote[] = filing.footnotes.map((f, i) => {
    const id = f.id.value ?? f.id.raw ?? '';
    return {
      id,
      path: `footnotes[${i}]`,
      span: spanOf(f.span),
      page: f.page ?? null,
      text: b.cell(`footnotes[${i}].text`, f.text),
      citedBy: cites
        .filter((c) => c.ref.id === id)
        .map((c) => ({ path: c.path, label: pathLabel(c.path), ...pathParts(c.path), span: spanOf(c.ref.span) })),
    };
  });
  const s = filing.submission;
  const model: ViewModel = {
    file: filing.file,
    fileName: baseName(filing.file),
    summary: summaryOf(filing),
    source: filing.source,
    documentType: b.cell('documentType', filing.documentType),
    schemaVersion: b.cell('schemaVersion', filing.schemaVersion),
    periodOfReport: b.cell('periodOfReport', filing.periodOfReport),
    dateOfOriginalSubmission: b.cell('dateOfOriginalSubmission', filing.dateOfOriginalSubmission),
    notSubjectToSection16: b.cell('notSubjectToSection16', filing.notSubjectToSection16),
    noSecuritiesOwned: b.cell('noSecuritiesOwned', filing.noSecuritiesOwned),
    form3HoldingsReported: b.cell('form3HoldingsReported', filing.form3HoldingsReported),
    form4TransactionsReported: b.cell('form4TransactionsReported', filing.form4TransactionsReported),
    aff10b5One: b.cell('aff10b5One', filing.aff10b5One),
    issuer: {
      name: b.cell('issuer.name', filing.issuer.name),
      cik: b.cell('issuer.cik', filing.issuer.cik),
      tradingSymbol: b.cell('issuer.tradingSymbol', filing.issuer.tradingSymbol),
      span: spanOf(filing.issuer.span),
    },
    owners,
    tables,
    footnotes,
    remarks: b.cell('remarks', filing.remarks),
    signatures: filing.signatures.map((sg, i) => ({
      name: b.cell(`signatures[${i}].name`, sg.name),
      date: b.cell(`signatures[${i}].date`, sg.date),
    })),
    submission: s
      ? {
          accessionNumber: b.cell('submission.accessionNumber', s.accessionNumber),
          conformedSubmissionType: b.cell('submission.conformedSubmissionType', s.conformedSubmissionType),
          filedAsOf: b.cell('submission.filedAsOf', s.filedAsOf),
          acceptanceDateTime: b.cell('submission.acceptanceDateTime', s.acceptanceDateTime),
        }
      : null,
    findings: [],
    pdf: filing.pdf ?? null,
    edgar: edgarOf(filing),
    revealable: filing.source !== 'pdf',
  };
  model.findings = b.attach(filing.findings);
  return model;
}

/**
 * The model path of the value (or row, footnote, owner) at an offset of the filing's text: the smallest span
 * holding it. Used to follow the text editor's caret in the preview.
 */
export function pathAt(filing: Filing, offset: number): string | null {
  let best: { path: string; size: number } | null = null;
  const consider = (path: string, ...spans: (Span | null | undefined)[]) => {
    for (const s of spans) {
      if (s && s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.size))
        best = { path, size: s.end - s.start };
    }
  };
  const field = (path: string, f: Field<unknown>) => consider(path, f.span, f.elementSpan);
  field('documentType', filing.documentType);
  field('periodOfReport', filing.periodOfReport);
  field('dateOfOriginalSubmission', filing.dateOfOriginalSubmission);
  field('issuer.name', filing.issuer.name);
  field('issuer.cik', filing.issuer.cik);
  field('issuer.tradingSymbol', filing.issuer.tradingSymbol);
  field('remarks', filing.remarks);
  filing.reportingOwners.forEach((o, i) => {
    consider(`reportingOwners[${i}]`, o.span);
    field(`reportingOwners[${i}].name`, o.name);
    field(`reportingOwners[${i}].cik`, o.cik);
  });
  for (const row of [...filing.nonDerivative, ...filing.derivative]) {
    const p = `${row.table}[${row.index}]`;
    consider(p, row.span);
    const rec = row as unknown as Record<string, Field<unknown>>;
    for (const name of tableFields(row.table)) field(`${p}.${name}`, rec[name]);
  }
  filing.footnotes.forEach((f, i) => {
    consider(`footnotes[${i}]`, f.span);
    field(`footnotes[${i}].text`, f.text);
  });
  filing.signatures.forEach((sg, i) => {
    field(`signatures[${i}].name`, sg.name);
    field(`signatures[${i}].date`, sg.date);
  });
  return (best as { path: string } | null)?.path ?? null;
}

/** The preview's message for a file that is not a filing (or could not be read). */
export function toViewFailure(file: string, reason: string, findings: Finding[]): ViewFailure {
  return {
    file,
    fileName: baseName(file),
    reason,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      span: spanOf(f.span),
      page: f.page ?? null,
      path: null,
      rowPath: null,
    })),
  };
}
