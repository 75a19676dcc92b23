/**
 * The chain summaries of a check, held in memory for a folder of ordinary size and spilled to temporary files,
 * partitioned by issuer and owner, for a large one: every cross-filing comparison (duplicates, amendments, chains)
 * is between filings of one owner and one issuer, so each partition is reconciled on its own and memory holds one
 * partition at a time. The same filing given twice is kept once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nextTurn } from '../../core/cache';
import { reconcileSummaries, type ChainSummary, type CrossFinding } from '../../core/reconcile';
import type { RuleOptions } from '../../core/rules';
import { compactSummary, Interner } from './compact';

/** Summaries kept in memory before the rest go to disk. */
export const SPILL_FROM = 4096;
// Many, so that one partition (read back whole to be reconciled) stays small in a folder of 100,000 filings.
const PARTITIONS = 256;
/** Bytes buffered per partition before they are appended to its file. */
const FLUSH_AT = 64 * 1024;

/**
 * The partition of a chain summary: by issuer and owner, since every chain is one owner's holding of one issuer's
 * security, an amendment names the owner and issuer of its original, and a duplicate names the same ones (so one
 * issuer's thousands of filings, over many insiders, do not make one huge partition).
 */
function partitionOf(issuer: string, owner: string | null): number {
  const key = `${issuer}\u0002${owner ?? ''}`;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return (h >>> 0) % PARTITIONS;
}

export class SummaryStore {
  private readonly held: ChainSummary[] = [];
  private readonly seen = new Set<string>();
  private readonly intern = new Interner();
  private dir: string | null = null;
  private readonly buffers: string[] = new Array<string>(PARTITIONS).fill('');

  constructor(private readonly spillFrom = SPILL_FROM) {}

  /**
   * Keeps `s` for reconciling; false when it is a filing given before, whose copy no cross-filing finding can
   * concern: reconciliation keeps the first of equal signatures and drops the rest (selectBy in core/reconcile.ts),
   * so dropping them here gives the same findings without holding or spilling the copies.
   */
  add(s: ChainSummary): boolean {
    // The signature is a digest: two filings with the same one are the same filing given twice.
    if (this.seen.has(s.signature)) return false;
    this.seen.add(s.signature);
    if (!this.dir && this.held.length < this.spillFrom) {
      this.held.push(compactSummary(s, this.intern));
      return true;
    }
    if (!this.dir) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-check-'));
      for (const h of this.held.splice(0)) this.spill(h);
    }
    this.spill(s);
    return true;
  }

  private spill(s: ChainSummary): void {
    // A filing without an issuer has no chains and can stand in for no other filing: nothing to compare.
    if (s.issuer === null) return;
    const p = partitionOf(s.issuer, s.owner);
    this.buffers[p] += `${JSON.stringify(s)}\n`;
    if (this.buffers[p].length >= FLUSH_AT) this.flush(p);
  }

  private flush(p: number): void {
    if (!this.dir || !this.buffers[p]) return;
    fs.appendFileSync(path.join(this.dir, String(p)), this.buffers[p]);
    this.buffers[p] = '';
  }

  /** The cross-filing findings: over the held summaries, or partition by partition from disk. */
  reconcile(options: RuleOptions): CrossFinding[] {
    const out: CrossFinding[] = [];
    this.reconcileEach(options, (cross) => out.push(...cross));
    return out;
  }

  /**
   * The cross-filing findings handed to `each` as they are found: all at once for the held summaries, else one
   * partition at a time (read back with their recurring strings shared), so none is kept after it is handed on.
   */
  reconcileEach(options: RuleOptions, each: (cross: CrossFinding[]) => void): void {
    if (!this.dir) {
      if (this.held.length > 1) each(reconcileSummaries(this.held, options));
      return;
    }
    try {
      for (const part of this.spilled()) if (part.length > 1) each(reconcileSummaries(part, options));
    } finally {
      this.dispose();
    }
  }

  /**
   * reconcile() a partition at a time, letting the event loop turn between partitions (for the extension host,
   * whose thread must keep answering the editor); held summaries go in the partitions they would be spilled to.
   */
  async reconcileAsync(options: RuleOptions): Promise<CrossFinding[]> {
    const out: CrossFinding[] = [];
    try {
      for (const part of this.dir ? this.spilled() : this.heldPartitions()) {
        if (part.length > 1) out.push(...reconcileSummaries(part, options));
        await nextTurn();
      }
    } finally {
      this.dispose();
    }
    return out;
  }

  /** The spilled partitions, each flushed and read back in turn. */
  private *spilled(): Generator<ChainSummary[]> {
    for (let p = 0; p < PARTITIONS; p++) {
      this.flush(p);
      const file = path.join(this.dir!, String(p));
      if (fs.existsSync(file)) yield this.readPartition(fs.readFileSync(file, 'utf8'));
    }
  }

  /** The held summaries by the partition they would be spilled to (a filing without an issuer in one of its own). */
  private heldPartitions(): Iterable<ChainSummary[]> {
    const parts = new Map<number, ChainSummary[]>();
    for (const s of this.held.splice(0)) {
      const p = s.issuer === null ? -1 : partitionOf(s.issuer, s.owner);
      const list = parts.get(p);
      if (list) list.push(s);
      else parts.set(p, [s]);
    }
    return parts.values();
  }

  private readPartition(text: string): ChainSummary[] {
    const intern = new Interner();
    const out: ChainSummary[] = [];
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      at = end < 0 ? text.length : end + 1;
      if (line !== '') out.push(compactSummary(JSON.parse(line) as ChainSummary, intern));
    }
    return out;
  }

  dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
