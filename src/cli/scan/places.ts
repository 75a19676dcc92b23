/**
 * Line and column of the few offsets a file's results point at, computed where the text is (a worker thread) so
 * the main thread keeps neither the text nor a full line index for the thousands of files of a folder.
 */
import type { Finding, Loc } from '../../core/model';
import type { ChainSummary } from '../../core/reconcile';
import type { LineIndex } from '../../core/positions';

/** Parallel arrays, sorted by offset (plain data: it crosses threads and is stored in the cache as it is). */
export interface Places {
  offsets: number[];
  lines: number[];
  columns: number[];
}

function addLoc(into: Set<number>, loc: Loc | undefined | null): void {
  if (loc?.span) {
    into.add(loc.span.start);
    into.add(loc.span.end);
  }
}

/** The places of every span the findings and the chain summary mention. */
export function placesOf(lines: LineIndex | null, findings: Finding[], summary: ChainSummary): Places {
  const out: Places = { offsets: [], lines: [], columns: [] };
  if (!lines) return out;
  const offsets = new Set<number>();
  for (const f of findings) {
    addLoc(offsets, f);
    for (const r of f.related ?? []) if (!r.file) addLoc(offsets, r);
  }
  for (const [, e] of summary.entries) {
    for (const it of e.firstBlock) addLoc(offsets, it.row.loc);
    addLoc(offsets, e.last?.row.loc);
    addLoc(offsets, e.holding?.row.loc);
  }
  for (const o of [...offsets].sort((a, b) => a - b)) {
    const p = lines.position(o);
    out.offsets.push(o);
    out.lines.push(p.line);
    out.columns.push(p.column);
  }
  return out;
}

/** Answers `position(offset)` for the offsets recorded in `places` (the shape of LineIndex that outputs use). */
export class PlaceIndex {
  constructor(private readonly places: Places) {}
  position(offset: number): { line: number; column: number } {
    const { offsets } = this.places;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (offsets.length === 0) return { line: 1, column: 1 };
    // An offset not recorded (none should be): the nearest recorded place before it, on its line.
    return { line: this.places.lines[lo], column: this.places.columns[lo] + Math.max(0, offset - offsets[lo]) };
  }
}
