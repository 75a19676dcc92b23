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
  const offsets = summaryOffsets(summary);
  for (const f of findings) {
    addLoc(offsets, f);
    for (const r of f.related ?? []) if (!r.file) addLoc(offsets, r);
  }
  for (const o of [...offsets].sort((a, b) => a - b)) {
    const p = lines.position(o);
    out.offsets.push(o);
    out.lines.push(p.line);
    out.columns.push(p.column);
  }
  return out;
}

/** The offsets a file's chain summary points at: the rows cross-filing findings can be placed on. */
export function summaryOffsets(summary: ChainSummary): Set<number> {
  const out = new Set<number>();
  for (const [, e] of summary.entries) {
    for (const it of e.firstBlock) addLoc(out, it.row.loc);
    addLoc(out, e.last?.row.loc);
    addLoc(out, e.holding?.row.loc);
  }
  return out;
}

/**
 * Answers `position(offset)` for the offsets recorded in `places` (the shape of LineIndex that outputs use), packed
 * in one typed array (offset, line, column) for the hundred thousand files of a large check.
 */
export class PlaceIndex {
  private readonly packed: Int32Array;
  constructor(places: Places) {
    this.packed = new Int32Array(places.offsets.length * 3);
    let j = 0;
    places.offsets.forEach((o, i) => {
      this.packed[j++] = o;
      this.packed[j++] = places.lines[i];
      this.packed[j++] = places.columns[i];
    });
  }
  position(offset: number): { line: number; column: number } {
    const p = this.packed;
    const n = p.length / 3;
    if (n === 0) return { line: 1, column: 1 };
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid * 3] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset not recorded (none should be): the nearest recorded place before it, on its line.
    return { line: p[lo * 3 + 1], column: p[lo * 3 + 2] + Math.max(0, offset - p[lo * 3]) };
  }
}
