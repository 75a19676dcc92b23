/**
 * The holdings timeline as its views take it: a pair's summary and detail for the webview, the pair it shows first,
 * and one flat record per point for CSV and JSON (`form4 timeline`).
 */
import type { TimelineData, TimelineGroup } from './timeline';

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
