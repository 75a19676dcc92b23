/**
 * The holdings timeline of a set of filings: per reporting owner and issuer, one series per holding (security and
 * ownership form) with the amount owned after every transaction, every transaction a point, and the places where
 * the running tally breaks marked on the line. Plain data (JSON-safe), drawn by the timeline webview and printed by
 * `form4 timeline`.
 *
 * The series are the chains of the cross-filing reconciliation (src/core/reconcile.ts), with its keys: the FIRST
 * reporting owner of each filing (a joint filing's designated filer), the issuer, and the holding (table, security
 * title, D/I, nature of ownership with the text of its footnotes; in Table II also exercise price and expiration).
 * Duplicates of one filing count once and amendments replace the originals they amend (`selectFilings`). Where a
 * filing has no issuer CIK (OCR text, some PDFs) the issuer's name keys the chain; such filings get no cross-filing
 * check (the reconciliation needs a CIK) but are drawn.
 *
 * Breaks: `holdings-reconcile` findings of the filings themselves (within a filing) and the findings of the
 * cross-filing check (`holdings-reconcile-cross`, `holdings-changed-cross`), each on the point of the row it is about.
 * Numbers stay exact decimal strings; the webview converts them to floats only to draw.
 */
import type { Filing, Finding, Row, Span, TableName } from './model';
import { dec } from './decimal';
import { rowValue } from './derived';
import { crossKey, ownerOf, reconcileFilings, selectFilings, type CrossFinding } from './reconcile';
import { code, docType, filingDate, normCik, val } from './fields';
import { holdingLabel } from './holdings';
import { tallyFiling } from './tally';
import type { RuleOptions } from './rules';
import { ownerName } from './summary';

export interface TimelineBreak {
  rule: string;
  message: string;
  /** 'within': the filing's own running tally; 'cross': from the previous filing of the chain. */
  scope: 'within' | 'cross';
}

export interface TimelinePoint {
  /** Index into `TimelineData.filings`. */
  filing: number;
  table: TableName;
  /** 0-based row index in its table (the model's `Row.index`). */
  row: number;
  /** The model path of the row, for focusing the preview: "nonDerivative[2]". */
  path: string;
  /** The row in the file's text (null for PDFs). */
  span: Span | null;
  kind: 'transaction' | 'holding';
  /** Transaction date (YYYY-MM-DD); for a holding row, the filing's period of report. Null when neither is given. */
  date: string | null;
  code: string | null;
  acquiredDisposed: 'A' | 'D' | null;
  shares: string | null;
  price: string | null;
  /** Shares x price, exact (null when either is missing). */
  value: string | null;
  /** Amount owned after the row (the line's value), as written; null when not given or not a number. */
  owned: string | null;
  breaks: TimelineBreak[];
}

export interface TimelineSeries {
  /** Key of the series within the data: the group's key and the series' place in it ("...#2"). */
  key: string;
  table: TableName;
  security: string | null;
  ownership: string | null;
  nature: string | null;
  /** "Common Stock, direct" / "Stock Option (right to buy) at $12.50 expiring 2034-01-01, indirect (By Trust)". */
  label: string;
  /** In time order: date, then filing order, then the order the filing's running tally reconciles. */
  points: TimelinePoint[];
  /** Number of points with a break. */
  breaks: number;
}

export interface TimelineGroup {
  key: string;
  owner: { cik: string | null; name: string };
  issuer: { cik: string | null; name: string | null; symbol: string | null };
  series: TimelineSeries[];
}

export interface TimelineFiling {
  file: string;
  documentType: string | null;
  periodOfReport: string | null;
  /** Filing date (submission header or PDF metadata) when known. */
  filed: string | null;
}

export interface TimelineData {
  filings: TimelineFiling[];
  groups: TimelineGroup[];
  /** Filings given but not drawn, with the reason (duplicate, amended, no owner or issuer). */
  skipped: { file: string; reason: string }[];
  /** Points and breaks over all groups. */
  counts: { points: number; breaks: number; series: number };
}

export interface TimelineOptions {
  /** Cross-filing findings already computed for these filings (else they are computed here). */
  cross?: CrossFinding[];
  /** Severities for the cross-filing check when it runs here (a rule set to 'off' marks no breaks). */
  rules?: RuleOptions;
}

function normText(s: string | null): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function rowAt(filing: Filing, loc: { span: Span | null; page?: number | null }, message: string): Row | null {
  const rows = [...filing.nonDerivative, ...filing.derivative];
  if (loc.span) {
    const s = loc.span;
    const exact = rows.find(
      (r) => r.sharesOwnedFollowingTransaction.span && r.sharesOwnedFollowingTransaction.span.start === s.start,
    );
    if (exact) return exact;
    const inside = rows.find((r) => r.span && r.span.start <= s.start && s.end <= r.span.end);
    if (inside) return inside;
  }
  // PDFs and rows without spans: the message names the row ("Table I row 3 ...").
  const m = /^Table (I|II) row (\d+)\b/.exec(message);
  if (!m) return null;
  const list = m[1] === 'I' ? filing.nonDerivative : filing.derivative;
  return list[Number(m[2]) - 1] ?? null;
}

const WITHIN_RULES = new Set(['holdings-reconcile']);

/** The timeline of the given filings (any order; unreadable inputs are simply not passed in). Never throws on data. */
export function buildTimeline(filings: Filing[], options: TimelineOptions = {}): TimelineData {
  const selected = selectFilings(filings);
  const chosen = new Set(selected);
  const skipped: TimelineData['skipped'] = [];
  for (const f of filings)
    if (!chosen.has(f))
      skipped.push({ file: f.file, reason: 'the same filing given twice, or an original replaced by its amendment' });

  // Breaks by filing and row.
  const breaks = new Map<Row, TimelineBreak[]>();
  const addBreak = (row: Row | null, b: TimelineBreak) => {
    if (!row) return;
    const l = breaks.get(row);
    if (l) l.push(b);
    else breaks.set(row, [b]);
  };
  const byFile = new Map<string, Filing>();
  for (const f of selected) if (!byFile.has(f.file)) byFile.set(f.file, f);
  for (const f of selected)
    for (const x of f.findings as Finding[])
      if (WITHIN_RULES.has(x.rule))
        addBreak(rowAt(f, x, x.message), { rule: x.rule, message: x.message, scope: 'within' });
  const cross = options.cross ?? reconcileFilings(selected, options.rules);
  for (const c of cross) {
    const f = byFile.get(c.file);
    if (!f || c.finding.rule === 'internal-error') continue;
    addBreak(rowAt(f, c.finding, c.finding.message), {
      rule: c.finding.rule,
      message: c.finding.message,
      scope: 'cross',
    });
  }

  const filingOut: TimelineFiling[] = [];
  const groups = new Map<
    string,
    TimelineGroup & { seriesMap: Map<string, TimelineSeries & { sort: string[] }>; nameDate: string }
  >();
  for (const f of selected) {
    const owner = f.reportingOwners[0];
    const ownerKey = ownerOf(f);
    const issuerCik = normCik(val(f.issuer.cik));
    const issuerKey = issuerCik ?? (val(f.issuer.name) ? 'name:' + normText(val(f.issuer.name)) : null);
    if (!owner || ownerKey === null || issuerKey === null) {
      skipped.push({
        file: f.file,
        reason: !owner || ownerKey === null ? 'no reporting owner named' : 'no issuer CIK or name',
      });
      continue;
    }
    const fi = filingOut.length;
    const filed = filingDate(f)?.date ?? null;
    const period = val(f.periodOfReport);
    filingOut.push({ file: f.file, documentType: docType(f), periodOfReport: period, filed });
    const gKey = `${ownerKey}|${issuerKey}`;
    let g = groups.get(gKey);
    const when = period ?? '';
    if (!g) {
      g = {
        key: gKey,
        owner: { cik: val(owner.cik), name: ownerName(f, owner) },
        issuer: { cik: val(f.issuer.cik), name: val(f.issuer.name), symbol: val(f.issuer.tradingSymbol) },
        series: [],
        seriesMap: new Map(),
        nameDate: when,
      };
      groups.set(gKey, g);
    } else if (when >= g.nameDate) {
      // The latest filing names owner and issuer (names and symbols change over the years).
      g.nameDate = when;
      const name = ownerName(f, owner);
      if (name !== '(name not given)') g.owner.name = name;
      g.issuer.name = val(f.issuer.name) ?? g.issuer.name;
      g.issuer.symbol = val(f.issuer.tradingSymbol) ?? g.issuer.symbol;
    }
    // Order of rows within the filing: the tally's reconciled order per holding, then the rows it could not check.
    const pos = new Map<Row, number>();
    for (const t of tallyFiling(f)) {
      t.ordered.forEach((it, i) => pos.set(it.row, i));
      t.skipped.forEach((r, i) => pos.set(r, t.ordered.length + i));
    }
    const order = `${filed ?? '9999-99-99'}|${f.file}`;
    for (const row of [...f.nonDerivative, ...f.derivative]) {
      const sKey = crossKey(f, row);
      let s = g.seriesMap.get(sKey);
      if (!s) {
        s = {
          key: '',
          table: row.table,
          security: val(row.securityTitle),
          ownership: val(row.directOrIndirectOwnership),
          nature: val(row.natureOfOwnership),
          label: holdingLabel(row),
          points: [],
          breaks: 0,
          sort: [],
        };
        g.seriesMap.set(sKey, s);
      }
      const date =
        row.kind === 'transaction' ? (val(row.transactionDate)?.slice(0, 10) ?? null) : (period?.slice(0, 10) ?? null);
      const owned = val(row.sharesOwnedFollowingTransaction);
      const ad = code(row.transactionAcquiredDisposedCode);
      const v = rowValue(row);
      const b = breaks.get(row) ?? [];
      const p: TimelinePoint = {
        filing: fi,
        table: row.table,
        row: row.index,
        path: `${row.table}[${row.index}]`,
        span: row.span,
        kind: row.kind,
        date,
        code: row.kind === 'transaction' ? code(row.transactionCode) : null,
        acquiredDisposed: ad === 'A' || ad === 'D' ? ad : null,
        shares: val(row.transactionShares),
        price: val(row.transactionPricePerShare),
        value: v ? v.toFixed() : null,
        owned: owned !== null && dec(owned) !== null ? owned : null,
        breaks: b,
      };
      s.points.push(p);
      // Holding rows sort after the transactions of their date; a row's place in its tally breaks same-date ties.
      s.sort.push(
        `${date ?? '9999-99-99'}|${order}|${row.kind === 'holding' ? 1 : 0}|${String(pos.get(row) ?? row.index).padStart(6, '0')}`,
      );
    }
  }

  const out: TimelineGroup[] = [];
  let points = 0;
  let nBreaks = 0;
  let nSeries = 0;
  for (const g of groups.values()) {
    const list = [...g.seriesMap.values()];
    for (const s of list) {
      const idx = s.points
        .map((_, i) => i)
        .sort((a, b) => (s.sort[a] < s.sort[b] ? -1 : s.sort[a] > s.sort[b] ? 1 : 0));
      s.points = idx.map((i) => s.points[i]);
      s.breaks = s.points.filter((p) => p.breaks.length).length;
      points += s.points.length;
      nBreaks += s.breaks;
      nSeries++;
    }
    out.push({ key: g.key, owner: g.owner, issuer: g.issuer, series: list.map(({ sort: _sort, ...rest }) => rest) });
  }
  // Groups by owner name then issuer name; series by table (I before II) then label.
  out.sort(
    (a, b) => a.owner.name.localeCompare(b.owner.name) || (a.issuer.name ?? '').localeCompare(b.issuer.name ?? ''),
  );
  for (const g of out) {
    g.series.sort(
      (a, b) => (a.table === b.table ? 0 : a.table === 'nonDerivative' ? -1 : 1) || a.label.localeCompare(b.label),
    );
    g.series.forEach((s, i) => (s.key = `${g.key}#${i + 1}`));
  }
  return { filings: filingOut, groups: out, skipped, counts: { points, breaks: nBreaks, series: nSeries } };
}

/** A reporting owner / issuer pair without its series (the list the timeline webview shows). */
export interface TimelineGroupSummary {
  key: string;
  owner: TimelineGroup['owner'];
  issuer: TimelineGroup['issuer'];
  series: number;
  points: number;
  breaks: number;
}

/** One pair with its series, and the file of every filing its points refer to (by `TimelinePoint.filing`). */
export interface TimelineGroupDetail {
  group: TimelineGroup;
  files: Record<number, string>;
}

/** A pair without its series. */
export function groupSummary(g: TimelineGroup): TimelineGroupSummary {
  let points = 0;
  let breaks = 0;
  for (const s of g.series) {
    points += s.points.length;
    breaks += s.breaks;
  }
  return { key: g.key, owner: g.owner, issuer: g.issuer, series: g.series.length, points, breaks };
}

/** A pair with its series and the files its points refer to. */
export function groupDetail(data: TimelineData, g: TimelineGroup): TimelineGroupDetail {
  const files: Record<number, string> = {};
  for (const s of g.series) for (const p of s.points) files[p.filing] ??= data.filings[p.filing]?.file ?? '';
  return { group: g, files };
}

/** The pair a timeline shows first: the one asked for, else the first with a break, else the first. */
export function firstGroup(data: TimelineData, wanted: string | null): TimelineGroup | undefined {
  return (
    data.groups.find((g) => g.key === wanted) ??
    data.groups.find((g) => g.series.some((x) => x.breaks > 0)) ??
    data.groups[0]
  );
}

/** One CSV/flat record per point: the series' identity and the point's values. */
export interface TimelineRecord {
  owner: string;
  ownerCik: string;
  issuer: string;
  issuerCik: string;
  symbol: string;
  security: string;
  table: string;
  ownership: string;
  nature: string;
  date: string;
  kind: string;
  code: string;
  acquiredDisposed: string;
  shares: string;
  price: string;
  value: string;
  owned: string;
  file: string;
  row: string;
  breaks: string;
}

export const TIMELINE_COLUMNS: readonly (keyof TimelineRecord)[] = [
  'owner',
  'ownerCik',
  'issuer',
  'issuerCik',
  'symbol',
  'security',
  'table',
  'ownership',
  'nature',
  'date',
  'kind',
  'code',
  'acquiredDisposed',
  'shares',
  'price',
  'value',
  'owned',
  'file',
  'row',
  'breaks',
];

/** The timeline flattened, one record per point, in group, series and time order ("" for missing values). */
export function timelineRecords(data: TimelineData): TimelineRecord[] {
  const out: TimelineRecord[] = [];
  for (const g of data.groups)
    for (const s of g.series)
      for (const p of s.points)
        out.push({
          owner: g.owner.name,
          ownerCik: g.owner.cik ?? '',
          issuer: g.issuer.name ?? '',
          issuerCik: g.issuer.cik ?? '',
          symbol: g.issuer.symbol ?? '',
          security: s.security ?? '',
          table: s.table === 'derivative' ? 'II' : 'I',
          ownership: s.ownership ?? '',
          nature: s.nature ?? '',
          date: p.date ?? '',
          kind: p.kind,
          code: p.code ?? '',
          acquiredDisposed: p.acquiredDisposed ?? '',
          shares: p.shares ?? '',
          price: p.price ?? '',
          value: p.value ?? '',
          owned: p.owned ?? '',
          file: data.filings[p.filing]?.file ?? '',
          row: String(p.row + 1),
          breaks: p.breaks.map((b) => `${b.rule}: ${b.message}`).join(' | '),
        });
  return out;
}
