/**
 * The chain summaries of a check, held in memory for a folder of ordinary size and spilled to temporary files,
 * partitioned by issuer, for a large one: every cross-filing comparison (duplicates, amendments, chains) is between
 * filings of one issuer, so each partition is reconciled on its own and memory holds one partition at a time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reconcileSummaries, type ChainSummary, type CrossFinding } from '../../core/reconcile';
import type { RuleOptions } from '../../core/rules';
import { compactSummary, Interner } from './compact';

/** Summaries kept in memory before the rest go to disk. */
export const SPILL_FROM = 4096;
const PARTITIONS = 64;
/** Bytes buffered per partition before they are appended to its file. */
const FLUSH_AT = 64 * 1024;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function partitionOf(issuer: string): number {
  let h = 0;
  for (let i = 0; i < issuer.length; i++) h = (h * 31 + issuer.charCodeAt(i)) | 0;
  return (h >>> 0) % PARTITIONS;
}

export class SummaryStore {
  private readonly held: ChainSummary[] = [];
  private readonly intern = new Interner();
  private dir: string | null = null;
  private readonly buffers: string[] = new Array<string>(PARTITIONS).fill('');

  constructor(private readonly spillFrom = SPILL_FROM) {}

  add(s: ChainSummary): void {
    if (!this.dir && this.held.length < this.spillFrom) {
      this.held.push(compactSummary(s, this.intern));
      return;
    }
    if (!this.dir) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-check-'));
      for (const h of this.held.splice(0)) this.spill(h);
    }
    this.spill(s);
  }

  private spill(s: ChainSummary): void {
    // A filing without an issuer has no chains and can stand in for no other filing: nothing to compare.
    if (s.issuer === null) return;
    const p = partitionOf(s.issuer);
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
    if (!this.dir) return this.held.length > 1 ? reconcileSummaries(this.held, options) : [];
    const out: CrossFinding[] = [];
    try {
      for (let p = 0; p < PARTITIONS; p++) {
        this.flush(p);
        const file = path.join(this.dir, String(p));
        if (!fs.existsSync(file)) continue;
        const part = fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as ChainSummary);
        if (part.length > 1) out.push(...reconcileSummaries(part, options));
      }
    } finally {
      this.dispose();
    }
    return out;
  }

  /**
   * reconcile() a partition at a time, reading the spilled ones with the reads off the thread and letting the event
   * loop turn between partitions (for the extension host, whose thread must keep answering the editor).
   */
  async reconcileAsync(options: RuleOptions): Promise<CrossFinding[]> {
    const out: CrossFinding[] = [];
    try {
      if (!this.dir) {
        // The same partitions the spilled summaries go to (a filing without an issuer in a partition of its own).
        const parts = new Map<number, ChainSummary[]>();
        for (const s of this.held.splice(0)) {
          const p = s.issuer === null ? -1 : partitionOf(s.issuer);
          const list = parts.get(p);
          if (list) list.push(s);
          else parts.set(p, [s]);
        }
        for (const part of parts.values()) {
          if (part.length > 1) out.push(...reconcileSummaries(part, options));
          await nextTurn();
        }
        return out;
      }
      for (let p = 0; p < PARTITIONS; p++) {
        this.flush(p);
        const file = path.join(this.dir, String(p));
        let text: string;
        try {
          text = await fs.promises.readFile(file, 'utf8');
        } catch {
          continue;
        }
        const part = text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as ChainSummary);
        if (part.length > 1) out.push(...reconcileSummaries(part, options));
        await nextTurn();
      }
    } finally {
      this.dispose();
    }
    return out;
  }

  dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
