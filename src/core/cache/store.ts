/**
 * A bounded, validated cache of per-file results on disk, for re-checks that only redo what changed.
 *
 * One cache file per scope (say, the set of folders a check was given), keyed inside by file path and stamped with
 * the file's size and modification time: an entry is used only when both still match and the cache's key (the rule
 * set's version and the options that change results) is the same. A cache file that is not ours, of another key,
 * whose bytes do not match the checksum in its header, or with an entry that fails the caller's validation is
 * ignored as a whole (with a note), never partly trusted; a value's tail, read only when used, is validated then.
 * The folder is bounded: on save, the least recently used cache files are removed until the total fits.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const FORMAT = 'form4-result-cache';
const FORMAT_VERSION = 2;

/** Total bytes of the cache folder after a save (default): the least recently used cache files go first. */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

export interface Stamp {
  size: number;
  mtimeMs: number;
}

/**
 * A value as written: its JSON, and optionally a tail, JSON kept apart on the same line and read only when used (a
 * folder's chain summaries are most of its cache, and a re-check that reuses its cross-filing findings needs none).
 */
export interface Encoded {
  head: string;
  tail: string | null;
}

export interface CacheOptions<T> {
  /** The cache folder (created on save). */
  dir: string;
  /** What this cache file covers (hashed into its name), e.g. the absolute paths a check was given. */
  scope: string;
  /** Results depend on it: the rule set's version and the options that change results. */
  key: string;
  /** Whether a stored head has the shape of a result (a value that fails makes the whole file untrusted). */
  validate: (value: unknown) => value is T;
  /** How a value is written (default: all of it as the head). */
  encode?: (value: T) => Encoded;
  /** The value from its validated head and its tail's text, to be read (and validated) on first use. */
  attach?: (head: T, tail: () => string) => T;
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

/** Bytes hashed between two turns of the event loop when the cache is opened asynchronously. */
const HASH_SLICE = 1 << 20;

const NL = 0x0a;
const TAB = 0x09;

/** A stored line: its text as read (written back unchanged) or as made in this run. */
type Line = Buffer | string;

interface Header {
  format: string;
  version: number;
  key: string;
  /** sha256 of every byte after the header line: a tail is read only when used, so the file is checked whole. */
  sha256: string;
  /** What the caller kept beside the entries (see `memo`). */
  memo?: unknown;
}

/**
 * One entry's line, `[file,size,mtimeMs,head]`, then a tab and the tail when there is one (JSON text never holds a
 * raw tab, so the first one ends the head).
 */
function lineOf(file: string, stamp: Stamp, enc: Encoded): string {
  const head = `[${JSON.stringify(file)},${stamp.size},${stamp.mtimeMs},${enc.head}]`;
  return enc.tail === null ? head : `${head}\t${enc.tail}`;
}

/** The file's bytes, the header line and then SLICE_LINES lines at a time. */
function* chunks(header: string, lines: Iterable<Line>): Generator<Buffer> {
  const newline = Buffer.from('\n');
  let parts: Buffer[] = [Buffer.from(header), newline];
  for (const line of lines) {
    parts.push(typeof line === 'string' ? Buffer.from(line) : line, newline);
    if (parts.length >= 2 * SLICE_LINES) {
      yield Buffer.concat(parts);
      parts = [];
    }
  }
  if (parts.length) yield Buffer.concat(parts);
}

export class ResultCache<T> {
  private readonly stored = new Map<string, { size: number; mtimeMs: number; value: T; line: Line }>();
  private readonly next = new Map<string, Line>();
  private changed = false;
  private loadNote: string | null = null;
  private storedMemo: unknown = undefined;
  private nextMemo: unknown = undefined;
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
      let bytes: Buffer | Error;
      try {
        bytes = fs.readFileSync(this.file);
      } catch (e) {
        bytes = e as Error;
      }
      const parsing = this.parse(bytes);
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
    let bytes: Buffer | Error;
    try {
      bytes = await fs.promises.readFile(cache.file);
    } catch (e) {
      bytes = e as Error;
    }
    const parsing = cache.parse(bytes);
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

  /** What the last run kept beside its entries (the caller validates it), or undefined. */
  get memo(): unknown {
    return this.storedMemo;
  }

  /** Keeps `value` beside the entries at the next save (undefined: nothing). */
  setMemo(value: unknown): void {
    this.nextMemo = value;
    this.changed = true;
  }

  /** Takes in the stored cache (or the error of reading it), pausing every SLICE_LINES lines; returns the note. */
  private *parse(bytes: Buffer | Error): Generator<void, string | null> {
    if (bytes instanceof Error)
      return (bytes as NodeJS.ErrnoException).code === 'ENOENT' ? null : `cache not read: ${bytes.message}`;
    const firstEnd = bytes.indexOf(NL);
    let header: unknown;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, firstEnd < 0 ? bytes.length : firstEnd));
    } catch {
      return `cache ${this.file} is not a form4 cache; ignored`;
    }
    const h = header as Partial<Header> | null;
    if (!h || typeof h !== 'object' || h.format !== FORMAT || h.version !== FORMAT_VERSION)
      return `cache ${this.file} is not a form4 cache of this version; ignored`;
    // Another rule set or options: not corrupt, just not for this run (no note).
    if (h.key !== this.options.key) return null;
    const body = firstEnd < 0 ? bytes.subarray(bytes.length) : bytes.subarray(firstEnd + 1);
    // Hashed a slice at a time too: tens of MB at once would hold the extension host's thread.
    const hash = crypto.createHash('sha256');
    for (let at = 0; at < body.length; at += HASH_SLICE) {
      if (at > 0) yield;
      hash.update(body.subarray(at, at + HASH_SLICE));
    }
    if (typeof h.sha256 !== 'string' || hash.digest('hex') !== h.sha256)
      return `cache ${this.file} is corrupt (its content does not match its checksum); ignored`;
    const entries = new Map<string, { size: number; mtimeMs: number; value: T; line: Line }>();
    const attach = this.options.attach;
    let at = 0;
    for (let n = 2; at < body.length; n++) {
      if (n % SLICE_LINES === 0) yield;
      let end = body.indexOf(NL, at);
      if (end < 0) end = body.length;
      const line = body.subarray(at, end);
      at = end + 1;
      if (line.length === 0) continue;
      const tab = line.indexOf(TAB);
      let e: unknown;
      try {
        e = JSON.parse(line.toString('utf8', 0, tab < 0 ? line.length : tab));
      } catch {
        return `cache ${this.file} is corrupt (line ${n}); ignored`;
      }
      if (
        !Array.isArray(e) ||
        e.length !== 4 ||
        typeof e[0] !== 'string' ||
        !Number.isFinite(e[1]) ||
        !Number.isFinite(e[2]) ||
        !this.options.validate(e[3]) ||
        (tab >= 0 && !attach)
      )
        return `cache ${this.file} has an entry of the wrong shape (line ${n}); ignored`;
      let value = e[3] as T;
      if (tab >= 0 && attach) {
        const tail = line.subarray(tab + 1);
        value = attach(value, () => tail.toString('utf8'));
      }
      entries.set(e[0] as string, { size: e[1] as number, mtimeMs: e[2] as number, value, line });
    }
    for (const [k, v] of entries) this.stored.set(k, v);
    this.storedMemo = h.memo;
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
   * Records a fresh result (`encoded`: the value already written, when the caller has it); only files seen in this
   * run are saved, so files gone from the folder drop out.
   */
  set(file: string, stamp: Stamp, value: T, encoded?: Encoded): void {
    const enc = encoded ?? this.options.encode?.(value) ?? { head: JSON.stringify(value), tail: null };
    this.next.set(file, lineOf(file, stamp, enc));
    this.changed = true;
  }

  /** The header line and the total size of the next save, or a note why there is none (null: nothing changed). */
  private plan(): { header: string } | { note: string | null } {
    if (!this.changed && this.next.size === this.stored.size) return { note: null };
    const max = this.options.maxBytes ?? DEFAULT_CACHE_BYTES;
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    for (const line of this.next.values()) {
      hash.update(line);
      hash.update('\n');
      bytes += (typeof line === 'string' ? Buffer.byteLength(line) : line.length) + 1;
    }
    const h: Header = { format: FORMAT, version: FORMAT_VERSION, key: this.options.key, sha256: hash.digest('hex') };
    if (this.nextMemo !== undefined) h.memo = this.nextMemo;
    const header = JSON.stringify(h);
    bytes += Buffer.byteLength(header) + 1;
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
        for (const chunk of chunks(plan.header, this.next.values())) fs.writeSync(fd, chunk);
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
        for (const chunk of chunks(plan.header, this.next.values())) await handle.write(chunk);
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
