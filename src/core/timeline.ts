/**
 * The holdings timeline of a set of filings: per reporting owner and issuer, one series per holding (security and
 * ownership form) with the amount owned after every transaction, every transaction a point, and the places where
 * the running tally breaks marked on the line. Plain data (JSON-safe), drawn by the timeline webview and printed by
 * `form4 timeline`.
 *
 * Memory: a `TimelineBuilder` takes the filings one at a time and keeps of each only a `TimelineEntry` (its points,
 * its identity and the cross-filing check's `ChainSummary`: small plain data with every string copied out of the
 * filing's text), so a folder of 20,000 filings is charted in the memory `form4 check` needs, never holding the
 * filings themselves. `buildTimeline(filings)` is the same for filings already in memory.
 *
 * The series are the chains of the cross-filing reconciliation (src/core/reconcile.ts), with its keys: the FIRST
 * reporting owner of each filing (a joint filing's designated filer), the issuer, and the holding (table, security
 * title, D/I, nature of ownership with the text of its footnotes; in Table II also exercise price and expiration).
 *
 * One entry per owner and issuer: by CIK when known. A filing read without CIKs (OCR text, some PDFs) joins the pair
 * whose owner and issuer it names (the owner's name as the summary puts it, the issuer's symbol or name) when exactly
 * one pair does; else it gets a pair keyed by those names. One filing counts once: given twice (identical), read
 * from two sources (its XML and its OCR text: same form, period and rows) the better source is kept, and an
 * amendment replaces the original it amends. Every input left out is listed in `skipped` with the reason.
 *
 * Breaks: `holdings-reconcile` findings of the filings themselves (within a filing) and the findings of the
 * cross-filing check (`holdings-reconcile-cross`, `holdings-changed-cross`), each on the point of the row it is about.
 * Numbers stay exact decimal strings; the webview converts them to floats only to draw.
 */
import type { Filing, Row, SourceKind, Span, TableName } from './model';
import { canonical, dec } from './decimal';
import { rowValue } from './derived';
import { chainSummary, crossKey, reconcileSummaries, type ChainSummary, type CrossFinding } from './reconcile';
import { code, docType, filingDate, normCik, val } from './fields';
import { baseName } from './format';
import { holdingLabel } from './holdings';
import { tallyFiling } from './tally';
import type { RuleOptions } from './rules';
import { detached, digest } from './strings';
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

/** An input the timeline does not draw, and why (a duplicate, an amended original, not a filing, no owner...). */
export interface TimelineSkip {
  file: string;
  reason: string;
}

export interface TimelineData {
  filings: TimelineFiling[];
  groups: TimelineGroup[];
  /** Inputs given but not drawn, with the reason. */
  skipped: TimelineSkip[];
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
    .slice(0, 400)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function keep(s: string | null): string | null {
  return s === null ? null : detached(s);
}

/**
 * A row as an entry keeps it: compact (a folder of 20,000 filings holds tens of thousands), without its filing's
 * index (given when the timeline is built) or its path (made from table and row).
 */
interface EntryPoint {
  /** Index into the entry's `series`. */
  series: number;
  table: TableName;
  row: number;
  kind: TimelinePoint['kind'];
  /** Place in the running tally of its holding (the order of same-day rows). */
  order: number;
  span: Span | null;
  /** Where the row's amount owned starts in the text: cross-filing findings point there. */
  ownedAt: number | null;
  date: string | null;
  code: string | null;
  acquiredDisposed: TimelinePoint['acquiredDisposed'];
  shares: string | null;
  price: string | null;
  value: string | null;
  owned: string | null;
  breaks: TimelineBreak[] | null;
}

interface EntrySeries {
  /** Digest of the holding's cross-filing key. */
  key: string;
  table: TableName;
  security: string | null;
  ownership: string | null;
  nature: string | null;
  label: string;
}

/** What the timeline keeps of one filing: plain data, no reference into the filing or its text. */
export interface TimelineEntry {
  file: string;
  source: SourceKind;
  documentType: string | null;
  periodOfReport: string | null;
  filed: string | null;
  /** `cik` normalized (the key), `cikText` as written (shown). */
  owner: { cik: string | null; cikText: string | null; name: string | null; display: string } | null;
  issuer: { cik: string | null; cikText: string | null; name: string | null; symbol: string | null };
  /** Digest of the form, period and rows, the same whatever the source (XML, submission, HTML, PDF, OCR text). */
  content: string;
  /** The cross-filing check's summary. */
  chain: ChainSummary;
  series: EntrySeries[];
  points: EntryPoint[];
}

function rowLocated(points: EntryPoint[], loc: { span: Span | null }, message: string): EntryPoint | null {
  if (loc.span) {
    const s = loc.span;
    const exact = points.find((p) => p.ownedAt === s.start);
    if (exact) return exact;
    const inside = points.find((p) => p.span && p.span.start <= s.start && s.end <= p.span.end);
    if (inside) return inside;
  }
  // PDFs and rows without spans: the message names the row ("Table I row 3 ...").
  const m = /^Table (I|II) row (\d+)\b/.exec(message);
  if (!m) return null;
  const table = m[1] === 'I' ? 'nonDerivative' : 'derivative';
  return points.find((p) => p.table === table && p.row === Number(m[2]) - 1) ?? null;
}

function addBreak(p: EntryPoint | null, b: TimelineBreak): void {
  if (!p) return;
  if (p.breaks) p.breaks.push(b);
  else p.breaks = [b];
}

const WITHIN_RULES = new Set(['holdings-reconcile']);

/** Exact sources before read ones: the one kept when one filing is given from two sources. */
const SOURCE_RANK: Record<SourceKind, number> = { xml: 0, submission: 1, html: 2, pdf: 3, text: 4 };
const SOURCE_NAME: Record<SourceKind, string> = {
  xml: 'its XML',
  submission: 'its submission text',
  html: 'its HTML',
  pdf: 'its PDF',
  text: 'its text',
};

/** One filing reduced to what the timeline keeps of it. */
export function timelineEntry(f: Filing): TimelineEntry {
  const owner = f.reportingOwners[0];
  const period = keep(val(f.periodOfReport));
  const type = keep(docType(f));
  const pos = new Map<Row, number>();
  for (const t of tallyFiling(f)) {
    t.ordered.forEach((it, i) => pos.set(it.row, i));
    t.skipped.forEach((r, i) => pos.set(r, t.ordered.length + i));
  }
  const seriesAt = new Map<string, number>();
  const series: EntrySeries[] = [];
  const points: EntryPoint[] = [];
  const content: string[] = [];
  for (const row of [...f.nonDerivative, ...f.derivative]) {
    const key = digest(crossKey(f, row));
    let si = seriesAt.get(key);
    if (si === undefined) {
      si = series.length;
      seriesAt.set(key, si);
      series.push({
        key,
        table: row.table,
        security: keep(val(row.securityTitle)),
        ownership: keep(val(row.directOrIndirectOwnership)),
        nature: keep(val(row.natureOfOwnership)),
        label: detached(holdingLabel(row)),
      });
    }
    const date =
      row.kind === 'transaction' ? (val(row.transactionDate)?.slice(0, 10) ?? null) : (period?.slice(0, 10) ?? null);
    const owned = val(row.sharesOwnedFollowingTransaction);
    const ad = code(row.transactionAcquiredDisposedCode);
    const v = rowValue(row);
    points.push({
      series: si,
      table: row.table,
      row: row.index,
      kind: row.kind,
      order: pos.get(row) ?? row.index,
      span: row.span ? { start: row.span.start, end: row.span.end } : null,
      ownedAt: row.sharesOwnedFollowingTransaction.span?.start ?? null,
      date: keep(date),
      code: row.kind === 'transaction' ? keep(code(row.transactionCode)) : null,
      acquiredDisposed: ad === 'A' || ad === 'D' ? ad : null,
      shares: keep(val(row.transactionShares)),
      price: keep(val(row.transactionPricePerShare)),
      value: v ? v.toFixed() : null,
      owned: owned !== null && dec(owned) !== null ? detached(owned) : null,
      breaks: null,
    });
    content.push([row.table, date, canonical(val(row.transactionShares)), ad, canonical(owned), row.kind].join('~'));
  }
  for (const x of f.findings)
    if (WITHIN_RULES.has(x.rule))
      addBreak(rowLocated(points, x, x.message), { rule: x.rule, message: detached(x.message), scope: 'within' });
  const chain = chainSummary(f);
  return {
    file: chain.file,
    source: f.source,
    documentType: type,
    periodOfReport: period,
    filed: keep(filingDate(f)?.date ?? null),
    owner: owner
      ? {
          cik: normCik(val(owner.cik)),
          cikText: keep(val(owner.cik)),
          name: keep(val(owner.name)),
          display: detached(ownerName(f, owner)),
        }
      : null,
    issuer: {
      cik: normCik(val(f.issuer.cik)),
      cikText: keep(val(f.issuer.cik)),
      name: keep(val(f.issuer.name)),
      symbol: keep(val(f.issuer.tradingSymbol)?.toUpperCase() ?? null),
    },
    content: digest([(type ?? '').toUpperCase(), period ?? '', ...content.sort()].join('|')),
    chain,
    series,
    points,
  };
}

/** A name for matching: case, punctuation and white space ignored. */
function nameKey(s: string | null | undefined): string | null {
  const k = normText(s ?? null);
  return k ? k : null;
}

/** Values of a map from a name to one CIK; a name that two CIKs share maps to null (ambiguous: no match by it). */
function addName(map: Map<string, string | null>, name: string | null, cik: string): void {
  if (!name) return;
  const had = map.get(name);
  if (had === undefined) map.set(name, cik);
  else if (had !== cik) map.set(name, null);
}

/**
 * Builds a timeline from filings given one at a time (`add`), keeping only their `TimelineEntry`s; `finish` makes
 * the `TimelineData`. Inputs that are not drawn at all (not a filing, unreadable) are reported with `skip`.
 */
export class TimelineBuilder {
  private readonly entries: TimelineEntry[] = [];
  private readonly skipped: TimelineSkip[] = [];
  /** The file kept for each filing signature: a copy of a filing already held costs a skip line, not an entry. */
  private readonly firstOf = new Map<string, string>();

  constructor(private readonly options: TimelineOptions = {}) {}

  add(filing: Filing): void {
    this.addEntry(timelineEntry(filing));
  }

  /** An entry made elsewhere (a worker thread): plain data. */
  addEntry(entry: TimelineEntry): void {
    const first = this.firstOf.get(entry.chain.signature);
    if (first !== undefined) {
      this.skipped.push({ file: entry.file, reason: `the same filing as ${baseName(first)}` });
      return;
    }
    this.firstOf.set(entry.chain.signature, entry.file);
    this.entries.push(entry);
  }

  /** An input that is not drawn, with the reason (not a filing, could not be read). */
  skip(file: string, reason: string): void {
    this.skipped.push({ file: detached(file), reason: detached(reason) });
  }

  finish(): TimelineData {
    return finishTimeline(this.entries, this.skipped, this.options);
  }
}

/** The timeline of the given filings (any order; unreadable inputs are simply not passed in). Never throws on data. */
export function buildTimeline(filings: Filing[], options: TimelineOptions = {}): TimelineData {
  const b = new TimelineBuilder(options);
  for (const f of filings) b.add(f);
  return b.finish();
}

/** Duplicates (the same signature) and originals replaced by their amendments left out, each with its reason. */
function selectEntries(entries: TimelineEntry[], skipped: TimelineSkip[]): TimelineEntry[] {
  const seen = new Map<string, TimelineEntry>();
  const unique: TimelineEntry[] = [];
  for (const e of entries) {
    const first = seen.get(e.chain.signature);
    if (first) {
      skipped.push({ file: e.file, reason: `the same filing as ${baseName(first.file)}` });
      continue;
    }
    seen.set(e.chain.signature, e);
    unique.push(e);
  }
  const amendments = new Map<string, TimelineEntry>();
  for (const e of unique)
    if (e.chain.isAmendment && !amendments.has(e.chain.amendKey)) amendments.set(e.chain.amendKey, e);
  return unique.filter((e) => {
    const by = e.chain.isAmendment ? undefined : amendments.get(e.chain.amendKey);
    if (by) skipped.push({ file: e.file, reason: `replaced by its amendment ${baseName(by.file)}` });
    return !by;
  });
}

function finishTimeline(all: TimelineEntry[], given: TimelineSkip[], options: TimelineOptions): TimelineData {
  const skipped: TimelineSkip[] = [...given];
  const selected = selectEntries(all, skipped);

  // Owners and issuers by CIK, and the names that lead to exactly one CIK.
  const ownerByName = new Map<string, string | null>();
  const issuerByName = new Map<string, string | null>();
  for (const e of selected) {
    if (e.owner?.cik) {
      addName(ownerByName, nameKey(e.owner.display), e.owner.cik);
      addName(ownerByName, nameKey(e.owner.name), e.owner.cik);
    }
    if (e.issuer.cik) {
      addName(issuerByName, e.issuer.symbol ? `symbol:${e.issuer.symbol}` : null, e.issuer.cik);
      addName(issuerByName, nameKey(e.issuer.name), e.issuer.cik);
    }
  }
  const ownerId = (e: TimelineEntry): string | null => {
    if (!e.owner) return null;
    if (e.owner.cik) return e.owner.cik;
    for (const n of [nameKey(e.owner.display), nameKey(e.owner.name)]) {
      const cik = n ? ownerByName.get(n) : undefined;
      if (cik) return cik;
    }
    const n = nameKey(e.owner.display) ?? nameKey(e.owner.name);
    return n ? `name:${n}` : null;
  };
  const issuerId = (e: TimelineEntry): string | null => {
    if (e.issuer.cik) return e.issuer.cik;
    for (const n of [e.issuer.symbol ? `symbol:${e.issuer.symbol}` : null, nameKey(e.issuer.name)]) {
      const cik = n ? issuerByName.get(n) : undefined;
      if (cik) return cik;
    }
    const n = nameKey(e.issuer.name);
    return n ? `name:${n}` : e.issuer.symbol ? `symbol:${e.issuer.symbol}` : null;
  };

  // Entries by pair; within a pair, one filing read from two sources counts once (the exact source kept).
  const pairs = new Map<string, TimelineEntry[]>();
  for (const e of selected) {
    const o = ownerId(e);
    const i = issuerId(e);
    if (o === null || i === null) {
      skipped.push({ file: e.file, reason: o === null ? 'no reporting owner named' : 'no issuer CIK or name' });
      continue;
    }
    const key = `${o}|${i}`;
    const list = pairs.get(key);
    if (list) list.push(e);
    else pairs.set(key, [e]);
  }
  const drawn: { key: string; entries: TimelineEntry[] }[] = [];
  for (const [key, list] of pairs) {
    const byContent = new Map<string, TimelineEntry>();
    for (const e of [...list].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])) {
      const kept = byContent.get(e.content);
      if (kept) {
        skipped.push({
          file: e.file,
          reason: `the same filing as ${baseName(kept.file)} (read from ${SOURCE_NAME[kept.source]})`,
        });
        continue;
      }
      byContent.set(e.content, e);
    }
    drawn.push({ key, entries: list.filter((e) => byContent.get(e.content) === e) });
  }

  // Cross-filing breaks, on the points they are about.
  const byFile = new Map<string, TimelineEntry>();
  for (const d of drawn) for (const e of d.entries) if (!byFile.has(e.file)) byFile.set(e.file, e);
  const cross =
    options.cross ??
    reconcileSummaries(
      [...byFile.values()].map((e) => e.chain),
      options.rules,
    );
  for (const c of cross) {
    const e = byFile.get(c.file);
    if (!e || c.finding.rule === 'internal-error') continue;
    addBreak(rowLocated(e.points, c.finding, c.finding.message), {
      rule: c.finding.rule,
      message: c.finding.message,
      scope: 'cross',
    });
  }

  const filings: TimelineFiling[] = [];
  const out: TimelineGroup[] = [];
  let points = 0;
  let nBreaks = 0;
  let nSeries = 0;
  for (const d of drawn) {
    // The latest filing names owner and issuer (names and symbols change over the years).
    const latest = d.entries.reduce((a, b) => ((b.periodOfReport ?? '') >= (a.periodOfReport ?? '') ? b : a));
    const withCik = d.entries.find((e) => e.owner?.cik) ?? latest;
    const named =
      latest.owner && latest.owner.display !== '(name not given)'
        ? latest
        : (d.entries.find((e) => e.owner?.display !== '(name not given)') ?? latest);
    const group: TimelineGroup = {
      key: d.key,
      owner: { cik: withCik.owner?.cikText ?? null, name: named.owner?.display ?? '(name not given)' },
      issuer: {
        cik: d.entries.find((e) => e.issuer.cik)?.issuer.cikText ?? null,
        name: latest.issuer.name ?? d.entries.find((e) => e.issuer.name)?.issuer.name ?? null,
        symbol: latest.issuer.symbol ?? d.entries.find((e) => e.issuer.symbol)?.issuer.symbol ?? null,
      },
      series: [],
    };
    const seriesMap = new Map<string, TimelineSeries & { sort: string[] }>();
    for (const e of d.entries) {
      const fi = filings.length;
      filings.push({ file: e.file, documentType: e.documentType, periodOfReport: e.periodOfReport, filed: e.filed });
      const order = `${e.filed ?? '9999-99-99'}|${e.file}`;
      for (const p of e.points) {
        const meta = e.series[p.series];
        let s = seriesMap.get(meta.key);
        if (!s) {
          const { key: _key, ...m } = meta;
          s = { key: '', ...m, points: [], breaks: 0, sort: [] };
          seriesMap.set(meta.key, s);
        }
        s.points.push({
          filing: fi,
          table: p.table,
          row: p.row,
          path: `${p.table}[${p.row}]`,
          span: p.span,
          kind: p.kind,
          date: p.date,
          code: p.code,
          acquiredDisposed: p.acquiredDisposed,
          shares: p.shares,
          price: p.price,
          value: p.value,
          owned: p.owned,
          breaks: p.breaks ?? [],
        });
        // Holding rows sort after the transactions of their date; a row's place in its tally breaks same-date ties.
        s.sort.push(
          `${p.date ?? '9999-99-99'}|${order}|${p.kind === 'holding' ? 1 : 0}|${String(p.order).padStart(6, '0')}`,
        );
      }
    }
    for (const s of seriesMap.values()) {
      const idx = s.points
        .map((_, i) => i)
        .sort((a, b) => (s.sort[a] < s.sort[b] ? -1 : s.sort[a] > s.sort[b] ? 1 : 0));
      s.points = idx.map((i) => s.points[i]);
      s.breaks = s.points.filter((p) => p.breaks.length).length;
      points += s.points.length;
      nBreaks += s.breaks;
      nSeries++;
      const { sort: _sort, ...rest } = s;
      group.series.push(rest);
    }
    out.push(group);
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
  return { filings, groups: out, skipped, counts: { points, breaks: nBreaks, series: nSeries } };
}
