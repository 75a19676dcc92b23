/**
 * Chain summaries of a large folder held with their recurring strings shared: row labels, holdings, dates and
 * sources repeat across thousands of filings. Parsed from JSON, every one of them would be a copy of its own.
 */
import type { ChainSummary } from '../../core/reconcile';

type Entry = ChainSummary['entries'][number][1];
type Row = Entry['firstBlock'][number]['row'];

export class Interner {
  private readonly strings = new Map<string, string>();
  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }
}

function row(r: Row, intern: Interner): void {
  r.table = intern.get(r.table) as Row['table'];
  r.label = intern.get(r.label);
  r.holding = intern.get(r.holding);
}

/** The same summary (changed in place) with its recurring strings shared. */
export function compactSummary(s: ChainSummary, intern: Interner): ChainSummary {
  for (const pair of s.entries) {
    pair[0] = intern.get(pair[0]);
    const e = pair[1];
    e.source = intern.get(e.source) as Entry['source'];
    e.filed = intern.get(e.filed);
    for (const it of e.firstBlock) {
      it.date = intern.get(it.date);
      row(it.row, intern);
    }
    if (e.last) {
      e.last.date = intern.get(e.last.date);
      row(e.last.row, intern);
    }
    if (e.holding) row(e.holding.row, intern);
  }
  return s;
}
