/**
 * A bounded, validated cache of per-file results on disk, for re-checks that only redo what changed.
 *
 * One cache file per scope (say, the set of folders a check was given), keyed inside by file path and stamped with
 * the file's size and modification time: an entry is used only when both still match and the cache's key (the rule
 * set's version and the options that change results) is the same. A cache file that is not ours, of another key, or
 * has an entry that fails the caller's validation is ignored as a whole (with a note), never partly trusted.
 * The folder is bounded: on save, the least recently used cache files are removed until the total fits.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const FORMAT = 'form4-result-cache';
const FORMAT_VERSION = 1;

/** Total bytes of the cache folder after a save (default): the least recently used cache files go first. */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

export interface Stamp {
  size: number;
  mtimeMs: number;
}

export interface CacheOptions<T> {
  /** The cache folder (created on save). */
  dir: string;
  /** What this cache file covers (hashed into its name), e.g. the absolute paths a check was given. */
  scope: string;
  /** Results depend on it: the rule set's version and the options that change results. */
  key: string;
  /** Whether a stored value has the shape of a result (a value that fails makes the whole file untrusted). */
  validate: (value: unknown) => value is T;
  maxBytes?: number;
}

export function hashText(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** Lines parsed (or written) between two turns of the event loop when the cache is opened (or saved) asynchronously. */
const SLICE_LINES = 200;

/** Resolves after the event loop's next turn (timers and I/O callbacks get to run). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class ResultCache<T> {
  private readonly stored = new Map<string, { size: number; mtimeMs: number; value: T; line: string }>();
  private readonly next = new Map<string, string>();
  private changed = false;
  private loadNote: string | null = null;
  readonly file: string;
  hits = 0;
  misses = 0;

  /** Reads the stored cache at once (a command-line check, which has no other work to let run meanwhile). */
  constructor(
    private readonly options: CacheOptions<T>,
    load = true,
  ) {
    this.file = path.join(options.dir, `${hashText(`${FORMAT}\u0000${options.scope}`).slice(0, 32)}.ndjson`);
    if (load) {
      let text: string | Error;
      try {
        text = fs.readFileSync(this.file, 'utf8');
      } catch (e) {
        text = e as Error;
      }
      const parsing = this.parse(text);
      let r = parsing.next();
      while (!r.done) r = parsing.next();
      this.loadNote = r.value;
    }
  }

  /**
   * Reads the stored cache a slice of lines at a time, letting the event loop turn between slices: the extension
   * host's thread answers hovers and the like while a cache of tens of MB is read.
   */
  static async open<T>(options: CacheOptions<T>): Promise<ResultCache<T>> {
    const cache = new ResultCache(options, false);
    let text: string | Error;
    try {
      text = await fs.promises.readFile(cache.file, 'utf8');
    } catch (e) {
      text = e as Error;
    }
    const parsing = cache.parse(text);
    for (let r = parsing.next(); ; r = parsing.next()) {
      if (r.done) {
        cache.loadNote = r.value;
        break;
      }
      await nextTurn();
    }
    return cache;
  }

  /** Why the stored cache was not used (corrupt, foreign), or null. */
  get note(): string | null {
    return this.loadNote;
  }

  /** Takes in the stored cache (or the error of reading it), pausing every SLICE_LINES lines; returns the note. */
  private *parse(text: string | Error): Generator<void, string | null> {
    if (text instanceof Error)
      return (text as NodeJS.ErrnoException).code === 'ENOENT' ? null : `cache not read: ${text.message}`;
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0]);
    } catch {
      return `cache ${this.file} is not a form4 cache; ignored`;
    }
    const h = header as { format?: unknown; version?: unknown; key?: unknown } | null;
    if (!h || typeof h !== 'object' || h.format !== FORMAT || h.version !== FORMAT_VERSION)
      return `cache ${this.file} is not a form4 cache of this version; ignored`;
    // Another rule set or options: not corrupt, just not for this run (no note).
    if (h.key !== this.options.key) return null;
    const entries = new Map<string, { size: number; mtimeMs: number; value: T; line: string }>();
    for (let i = 1; i < lines.length; i++) {
      if (i % SLICE_LINES === 0) yield;
      if (lines[i] === '') continue;
      let e: unknown;
      try {
        e = JSON.parse(lines[i]);
      } catch {
        return `cache ${this.file} is corrupt (line ${i + 1}); ignored`;
      }
      if (
        !Array.isArray(e) ||
        e.length !== 4 ||
        typeof e[0] !== 'string' ||
        !Number.isFinite(e[1]) ||
        !Number.isFinite(e[2]) ||
        !this.options.validate(e[3])
      )
        return `cache ${this.file} has an entry of the wrong shape (line ${i + 1}); ignored`;
      entries.set(e[0] as string, { size: e[1] as number, mtimeMs: e[2] as number, value: e[3] as T, line: lines[i] });
    }
    for (const [k, v] of entries) this.stored.set(k, v);
    return null;
  }

  /** The stored result for `file` when its size and modification time are unchanged. */
  get(file: string, stamp: Stamp): T | undefined {
    const e = this.stored.get(file);
    if (e && e.size === stamp.size && e.mtimeMs === stamp.mtimeMs) {
      this.hits++;
      // Kept for the next save as stored (no re-serialization).
      this.next.set(file, e.line);
      return e.value;
    }
    this.misses++;
    return undefined;
  }

  /**
   * Records a fresh result (`json`: the value already as JSON, when the caller has it); only files seen in this run
   * are saved, so files gone from the folder drop out.
   */
  set(file: string, stamp: Stamp, value: T, json = JSON.stringify(value)): void {
    this.next.set(file, `[${JSON.stringify(file)},${stamp.size},${stamp.mtimeMs},${json}]`);
    this.changed = true;
  }

  /** The header line and the total size of the next save, or a note why there is none (null: nothing changed). */
  private plan(): { header: string } | { note: string | null } {
    if (!this.changed && this.next.size === this.stored.size) return { note: null };
    const max = this.options.maxBytes ?? DEFAULT_CACHE_BYTES;
    const header = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, key: this.options.key });
    let bytes = header.length + 1;
    for (const line of this.next.values()) bytes += Buffer.byteLength(line) + 1;
    if (bytes > max) {
      fs.rmSync(this.file, { force: true });
      return {
        note: `cache not saved: ${Math.round(bytes / 1048576)} MB is over the cache's ${Math.round(max / 1048576)} MB`,
      };
    }
    return { header };
  }

  /** Writes the cache (atomically) when anything changed and bounds the folder; returns a note when it could not. */
  save(): string | null {
    const plan = this.plan();
    if ('note' in plan) return plan.note;
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, `${plan.header}\n`);
        for (const line of this.next.values()) fs.writeSync(fd, `${line}\n`);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.file);
      bound(this.options.dir, this.options.maxBytes ?? DEFAULT_CACHE_BYTES, this.file);
      return null;
    } catch (e) {
      return `cache not saved: ${(e as Error).message}`;
    }
  }

  /** save(), writing a slice of lines at a time with the writes off the thread (for the extension host). */
  async saveAsync(): Promise<string | null> {
    const plan = this.plan();
    if ('note' in plan) return plan.note;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(this.options.dir, { recursive: true });
      const handle = await fs.promises.open(tmp, 'w');
      try {
        let chunk = [plan.header];
        for (const line of this.next.values()) {
          chunk.push(line);
          if (chunk.length >= SLICE_LINES) {
            await handle.write(`${chunk.join('\n')}\n`);
            chunk = [];
          }
        }
        if (chunk.length) await handle.write(`${chunk.join('\n')}\n`);
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, this.file);
      bound(this.options.dir, this.options.maxBytes ?? DEFAULT_CACHE_BYTES, this.file);
      return null;
    } catch (e) {
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      return `cache not saved: ${(e as Error).message}`;
    }
  }
}

/** Removes the least recently written cache files of `dir` (never `keep`) until the folder holds at most `max` bytes. */
function bound(dir: string, max: number, keep: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ndjson') || n.endsWith('.tmp'))
    .map((n) => {
      const p = path.join(dir, n);
      try {
        const st = fs.statSync(p);
        return { p, size: st.size, mtime: st.mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((f): f is { p: string; size: number; mtime: number } => f !== null)
    .sort((a, b) => b.mtime - a.mtime);
  let total = 0;
  for (const f of files) {
    total += f.size;
    if (total > max && f.p !== keep) fs.rmSync(f.p, { force: true });
  }
}
