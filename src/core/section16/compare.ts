/**
 * What an amendment (4/A, 3/A, 5/A) changed against its original: the rows added, removed and changed (field by
 * field), the footnotes and remarks changed, and the changes to the report's own boxes (period of report, owners'
 * relationships, the Form 5 and Rule 10b5-1 boxes, signatures). Values compare as the model normalizes them
 * ("1.50" equals "1.5"); a change of the footnotes a value cites is a change of that value.
 *
 * Rows are paired, per table, first with a row that is the same in every field, then with one of the same kind,
 * security, date and code, then with one of the same kind and security in order; what is left was added (amendment)
 * or removed (original).
 */
import type { Field, Filing, Loc, Row, TableName } from '../model';
import { rowFields } from '../model';
import { fieldLabel, isNumeric, type RowFieldName } from '../form/layout';
import { canonical } from '../decimal';
import { fmtFieldValue } from '../format';
import { locOf, rowLabel, val } from '../fields';
import { normTitle } from '../holdings';
import { normName } from './parties';

export interface Change {
  /** What changed, stable for keys: "periodOfReport", "nonDerivative[2].transactionShares", "footnotes.F1". */
  path: string;
  /** For a person: "Period of report", "Price", "Footnote F1". */
  label: string;
  /** The value as written with the footnotes it cites ("$52.10 (F1)"); null when absent on that side. */
  before: string | null;
  after: string | null;
  /** Where it is in the original and in the amendment (null on the side it is absent from). */
  beforeLoc: Loc | null;
  afterLoc: Loc | null;
}

export type RowStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface RowDiff {
  status: RowStatus;
  table: TableName;
  /** The original's row (null when added). */
  before: Row | null;
  /** The amendment's row (null when removed). */
  after: Row | null;
  /** The fields that differ (changed rows), or every field with a value (added and removed rows). */
  changes: Change[];
}

export interface Comparison {
  original: Filing;
  amendment: Filing;
  /** The report's own boxes. */
  document: Change[];
  /** Table I then Table II; in each, the amendment's rows in its order, then the rows it removed. */
  rows: RowDiff[];
  footnotes: Change[];
  remarks: Change | null;
  counts: Record<RowStatus, number>;
}

/** Footnote ids a value cites, as the form prints them after it. */
function markers(ids: readonly string[]): string {
  return ids.length ? ` (${ids.join(', ')})` : '';
}

/**
 * A value as a person reads it, with the footnotes it cites: "$52.10 (F1)", "10,000", "Common Stock"; a row's
 * numeric field (`numericField`) formatted as the preview shows it. null when there is nothing at all.
 */
export function shownText(
  field: Field<unknown>,
  extraIds: readonly string[] = [],
  numericField?: RowFieldName,
): string | null {
  const ids = [...field.footnotes.map((f) => f.id), ...extraIds];
  const v = val(field) ?? (field.raw !== null && field.raw.trim() !== '' ? field.raw.trim() : null);
  if (v === null && ids.length === 0) return null;
  const text =
    v === null ? '(footnote only)' : numericField && val(field) !== null ? fmtFieldValue(numericField, v) : v;
  return `${text}${markers(ids)}`;
}

/** The value as compared: normalized (decimals numerically) and the footnote ids it cites, sorted. */
function comparable(field: Field<unknown>, numeric: boolean, extraIds: readonly string[] = []): string {
  const v = val(field);
  const value = v === null ? '' : numeric ? canonical(v) : v.replace(/\s+/g, ' ');
  const ids = [...field.footnotes.map((f) => f.id), ...extraIds].sort();
  return `${value}\u0001${ids.join(',')}`;
}

function change(
  path: string,
  label: string,
  before: Field<unknown> | null,
  after: Field<unknown> | null,
  beforeLoc: Loc | null,
  afterLoc: Loc | null,
  numericField?: RowFieldName,
  extra: { before?: string[]; after?: string[] } = {},
): Change | null {
  const a = before ? comparable(before, !!numericField, extra.before) : '\u0001';
  const b = after ? comparable(after, !!numericField, extra.after) : '\u0001';
  if (a === b) return null;
  return {
    path,
    label,
    before: before ? shownText(before, extra.before, numericField) : null,
    after: after ? shownText(after, extra.after, numericField) : null,
    beforeLoc: before ? beforeLoc : null,
    afterLoc: after ? afterLoc : null,
  };
}

const ROW_LABELS: Partial<Record<RowFieldName, string>> = {
  transactionTimeliness: 'Timeliness (V)',
  transactionCode: 'Code',
  transactionShares: 'Amount',
  sharesOwnedFollowingTransaction: 'Amount owned following',
  directOrIndirectOwnership: 'Ownership form (D/I)',
};

/** A row field's name for a person. */
export function rowFieldLabel(name: RowFieldName): string {
  return ROW_LABELS[name] ?? fieldLabel(name);
}

/** Footnotes cited by the transaction coding itself, shown with the code. */
export function codingIds(row: Row, name: RowFieldName): string[] {
  return name === 'transactionCode' ? row.codingFootnotes.map((f) => f.id) : [];
}

/** The field-by-field changes from row `a` to row `b` (either may be null: then every field with a value). */
export function rowChanges(a: Row | null, b: Row | null): Change[] {
  const ref = (b ?? a)!;
  const out: Change[] = [];
  const fa = a ? new Map(rowFields(a).map((x) => [x.name, x.field])) : null;
  const fb = b ? new Map(rowFields(b).map((x) => [x.name, x.field])) : null;
  const names = rowFields(ref).map((x) => x.name);
  for (const name of names) {
    const x = fa?.get(name) ?? null;
    const y = fb?.get(name) ?? null;
    const c = change(
      `${ref.table}[${(b ?? a)!.index}].${name}`,
      rowFieldLabel(name),
      x && (x.present || x.footnotes.length || (a && codingIds(a, name).length)) ? x : null,
      y && (y.present || y.footnotes.length || (b && codingIds(b, name).length)) ? y : null,
      a && x ? locOf(x, a) : null,
      b && y ? locOf(y, b) : null,
      isNumeric(name) ? name : undefined,
      { before: a ? codingIds(a, name) : [], after: b ? codingIds(b, name) : [] },
    );
    if (c) out.push(c);
  }
  return out;
}

/** Every field of a row as compared: two rows with the same signature are the same row. */
export function rowSignature(row: Row): string {
  return rowFields(row)
    .map(({ name, field }) => comparable(field, isNumeric(name), codingIds(row, name)))
    .join('\u0002');
}

function identity(row: Row, withDateAndCode: boolean): string {
  const parts = [row.kind, normTitle(val(row.securityTitle))];
  if (withDateAndCode) parts.push(val(row.transactionDate) ?? '', (val(row.transactionCode) ?? '').toUpperCase());
  return parts.join('\u0001');
}

/** Pairs the rows of one table (see the module comment). */
function pairRows(table: TableName, before: readonly Row[], after: readonly Row[]): RowDiff[] {
  const partner = new Map<Row, Row>();
  const taken = new Set<Row>();
  const pass = (key: (r: Row) => string) => {
    const free = new Map<string, Row[]>();
    for (const r of before) {
      if (taken.has(r)) continue;
      const k = key(r);
      const list = free.get(k);
      if (list) list.push(r);
      else free.set(k, [r]);
    }
    for (const r of after) {
      if (partner.has(r)) continue;
      const match = free.get(key(r))?.shift();
      if (!match) continue;
      partner.set(r, match);
      taken.add(match);
    }
  };
  pass(rowSignature);
  pass((r) => identity(r, true));
  pass((r) => identity(r, false));
  const out: RowDiff[] = [];
  for (const r of after) {
    const o = partner.get(r) ?? null;
    const changes = rowChanges(o, r);
    out.push({ status: !o ? 'added' : changes.length ? 'changed' : 'unchanged', table, before: o, after: r, changes });
  }
  for (const o of before)
    if (!taken.has(o)) out.push({ status: 'removed', table, before: o, after: null, changes: rowChanges(o, null) });
  return out;
}

function documentChanges(a: Filing, b: Filing): Change[] {
  const out: Change[] = [];
  const push = (c: Change | null) => {
    if (c) out.push(c);
  };
  const doc = (path: string, label: string, x: Field<unknown>, y: Field<unknown>) =>
    push(change(path, label, x.present ? x : null, y.present ? y : null, locOf(x), locOf(y)));
  doc('periodOfReport', 'Period of report', a.periodOfReport, b.periodOfReport);
  doc('issuer.cik', 'Issuer CIK', a.issuer.cik, b.issuer.cik);
  doc('issuer.name', 'Issuer name', a.issuer.name, b.issuer.name);
  doc('issuer.tradingSymbol', 'Trading symbol', a.issuer.tradingSymbol, b.issuer.tradingSymbol);
  doc('notSubjectToSection16', 'No longer subject to Section 16', a.notSubjectToSection16, b.notSubjectToSection16);
  doc('aff10b5One', 'Rule 10b5-1 box', a.aff10b5One, b.aff10b5One);
  doc('noSecuritiesOwned', 'No securities beneficially owned', a.noSecuritiesOwned, b.noSecuritiesOwned);
  doc('form3HoldingsReported', 'Form 3 holdings reported', a.form3HoldingsReported, b.form3HoldingsReported);
  doc(
    'form4TransactionsReported',
    'Form 4 transactions reported',
    a.form4TransactionsReported,
    b.form4TransactionsReported,
  );
  // Owners are paired by CIK, else by name.
  const ownerKey = (o: Filing['reportingOwners'][number]) => val(o.cik)?.replace(/^0+/, '') || normName(val(o.name));
  const rest = new Map(b.reportingOwners.map((o, i) => [ownerKey(o), { o, i }]));
  a.reportingOwners.forEach((o, i) => {
    const k = ownerKey(o);
    const m = rest.get(k);
    const name = val(o.name) ?? `reporting owner ${i + 1}`;
    if (!m) {
      push(change(`reportingOwners[${i}]`, `Reporting owner ${name}`, o.name, null, locOf(o.name, o), null));
      return;
    }
    rest.delete(k);
    const fields: [keyof typeof o, string][] = [
      ['name', 'name'],
      ['isDirector', 'director'],
      ['isOfficer', 'officer'],
      ['isTenPercentOwner', '10% owner'],
      ['isOther', 'other'],
      ['officerTitle', 'officer title'],
      ['otherText', 'other (specify)'],
    ];
    for (const [f, label] of fields) {
      const x = o[f] as Field<unknown>;
      const y = m.o[f] as Field<unknown>;
      push(
        change(
          `reportingOwners[${m.i}].${String(f)}`,
          `${name}: ${label}`,
          x.present ? x : null,
          y.present ? y : null,
          locOf(x, o),
          locOf(y, m.o),
        ),
      );
    }
  });
  for (const { o, i } of rest.values())
    push(
      change(`reportingOwners[${i}]`, `Reporting owner ${val(o.name) ?? i + 1}`, null, o.name, null, locOf(o.name, o)),
    );
  const sigs = Math.max(a.signatures.length, b.signatures.length);
  for (let i = 0; i < sigs; i++) {
    const x = a.signatures[i];
    const y = b.signatures[i];
    push(
      change(
        `signatures[${i}].name`,
        `Signature ${i + 1}`,
        x?.name ?? null,
        y?.name ?? null,
        x ? locOf(x.name, x) : null,
        y ? locOf(y.name, y) : null,
      ),
    );
    push(
      change(
        `signatures[${i}].date`,
        `Signature ${i + 1} date`,
        x?.date ?? null,
        y?.date ?? null,
        x ? locOf(x.date, x) : null,
        y ? locOf(y.date, y) : null,
      ),
    );
  }
  return out;
}

function footnoteChanges(a: Filing, b: Filing): Change[] {
  const idOf = (f: Filing['footnotes'][number]) => f.id.value ?? f.id.raw ?? '';
  const mb = new Map(b.footnotes.map((f) => [idOf(f), f]));
  const out: Change[] = [];
  const seen = new Set<string>();
  for (const f of a.footnotes) {
    const id = idOf(f);
    if (seen.has(id)) continue;
    seen.add(id);
    const g = mb.get(id) ?? null;
    const c = change(
      `footnotes.${id}`,
      `Footnote ${id}`,
      f.text,
      g?.text ?? null,
      locOf(f.text, f),
      g ? locOf(g.text, g) : null,
    );
    if (c) out.push(c);
  }
  for (const g of b.footnotes) {
    const id = idOf(g);
    if (seen.has(id)) continue;
    seen.add(id);
    const c = change(`footnotes.${id}`, `Footnote ${id}`, null, g.text, null, locOf(g.text, g));
    if (c) out.push(c);
  }
  return out;
}

export function compareFilings(original: Filing, amendment: Filing): Comparison {
  const rows = [
    ...pairRows('nonDerivative', original.nonDerivative, amendment.nonDerivative),
    ...pairRows('derivative', original.derivative, amendment.derivative),
  ];
  const counts: Record<RowStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const r of rows) counts[r.status]++;
  const remarks = change(
    'remarks',
    'Remarks',
    original.remarks.present ? original.remarks : null,
    amendment.remarks.present ? amendment.remarks : null,
    locOf(original.remarks),
    locOf(amendment.remarks),
  );
  return {
    original,
    amendment,
    document: documentChanges(original, amendment),
    rows,
    footnotes: footnoteChanges(original, amendment),
    remarks,
    counts,
  };
}

/** "Table I row 3" of the amendment (or of the original for a removed row). */
export function rowDiffLabel(d: RowDiff): string {
  if (d.status === 'removed') return `${rowLabel(d.before!)} of the original`;
  if (d.status === 'added') return `${rowLabel(d.after!)} (added)`;
  const a = rowLabel(d.before!);
  const b = rowLabel(d.after!);
  return a === b ? b : `${b} (${a} of the original)`;
}
