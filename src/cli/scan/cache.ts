/** Where and how `form4 check` keeps its per-file results between runs. */
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultCache, rulesetKey, type CacheOptions, type Encoded } from '../../core/cache';
import type { CachedOutcome, FileOutcome, FileResult } from './file';
import type { ChainSummary, CrossFinding } from '../../core/reconcile';

/** The user's cache folder for form4: $XDG_CACHE_HOME (when absolute, as the spec asks), else the platform's. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'form4');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'form4', 'cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'form4');
  return path.join(os.homedir(), '.cache', 'form4');
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNums = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isFinite(n));
const isSpan = (v: unknown) => v === null || (isObj(v) && Number.isFinite(v.start) && Number.isFinite(v.end));
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isFinding(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.rule) &&
    isStr(v.severity) &&
    SEVERITIES.has(v.severity) &&
    isStr(v.message) &&
    isSpan(v.span) &&
    (v.related === undefined ||
      (Array.isArray(v.related) && v.related.every((r) => isObj(r) && isStr(r.message) && isSpan(r.span))))
  );
}

function isChainRow(v: unknown): boolean {
  return isObj(v) && isStr(v.table) && isStr(v.label) && isStr(v.holding) && isObj(v.loc) && isSpan(v.loc.span);
}

export function isEntry(v: unknown): boolean {
  if (!Array.isArray(v) || v.length !== 2 || !isStr(v[0]) || !isObj(v[1])) return false;
  const e = v[1];
  return (
    isStr(e.source) &&
    isStr(e.order) &&
    isStr(e.filed) &&
    Array.isArray(e.firstBlock) &&
    e.firstBlock.every(
      (it) =>
        isObj(it) &&
        isChainRow(it.row) &&
        isStr(it.date) &&
        isStr(it.sharesText) &&
        isStr(it.ownedText) &&
        (it.sign === 1 || it.sign === -1),
    ) &&
    (e.last === null || (isObj(e.last) && isStr(e.last.text) && isStr(e.last.date) && isChainRow(e.last.row))) &&
    (e.holding === null || (isObj(e.holding) && isStr(e.holding.text) && isChainRow(e.holding.row)))
  );
}

/** Whether a stored value has the shape of a FileResult (down to the fields the check reads). */
export function isFileResult(v: unknown): v is FileResult {
  if (!isObj(v) || !isStr(v.file) || !isStr(v.source) || !Array.isArray(v.findings) || !v.findings.every(isFinding))
    return false;
  const s = v.summary;
  const p = v.places;
  return (
    isObj(s) &&
    isStr(s.file) &&
    isStr(s.signature) &&
    isStr(s.amendKey) &&
    typeof s.isAmendment === 'boolean' &&
    (s.owner === null || isStr(s.owner)) &&
    (s.issuer === null || isStr(s.issuer)) &&
    Array.isArray(s.entries) &&
    s.entries.every(isEntry) &&
    isObj(p) &&
    isNums(p.offsets) &&
    isNums(p.lines) &&
    isNums(p.columns) &&
    p.offsets.length === p.lines.length &&
    p.lines.length === p.columns.length
  );
}

/** Whether a stored value is a result or the reason a file is not a filing. */
export function isCachedOutcome(v: unknown): v is CachedOutcome {
  if (!isObj(v)) return false;
  if (v.ok === false) return isStr(v.reason) && Object.keys(v).length === 2;
  return v.ok === true && isFileResult(v);
}

/**
 * A file's outcome as written to the cache and sent from a scan worker: the chain summary's entries (most of it) as
 * a tail of their own, so that a re-check whose cross-filing findings are unchanged never parses them.
 */
export function encodeOutcome(o: CachedOutcome | FileOutcome): Encoded {
  if (!o.ok) return { head: JSON.stringify(o), tail: null };
  const { entries } = o.summary;
  return { head: JSON.stringify({ ...o, summary: { ...o.summary, entries: [] } }), tail: JSON.stringify(entries) };
}

/** The outcome again from its head (validated) and its tail, whose entries are parsed and validated on first use. */
export function attachTail<T extends CachedOutcome | FileOutcome>(head: T, tail: () => string): T {
  if (!head.ok) return head;
  const summary = head.summary;
  let entries: ChainSummary['entries'] | null = null;
  Object.defineProperty(summary, 'entries', {
    enumerable: true,
    configurable: true,
    get() {
      if (entries === null) {
        const v: unknown = JSON.parse(tail());
        // Only a cache crafted to match its checksum gets here: never used, and said plainly.
        if (!Array.isArray(v) || !v.every(isEntry))
          throw new Error(`a cached result of ${summary.file} has entries of the wrong shape; run with --no-cache`);
        entries = v as ChainSummary['entries'];
      }
      return entries;
    },
    set(v: ChainSummary['entries']) {
      entries = v;
    },
  });
  return head;
}

/**
 * What a check keeps beside the per-file results: its cross-filing findings, partition by partition, and the digest
 * of the inputs they were found over (see CheckStats.inputs).
 */
export interface CrossMemo {
  inputs: string;
  cross: CrossFinding[][];
}

/** The stored cross-filing findings when they are of exactly these inputs (and of the shape of findings). */
export function crossMemo(v: unknown, inputs: string | undefined): CrossFinding[][] | null {
  if (!isObj(v) || inputs === undefined || v.inputs !== inputs || !Array.isArray(v.cross)) return null;
  const ok = v.cross.every(
    (part) => Array.isArray(part) && part.every((c) => isObj(c) && isStr(c.file) && isFinding(c.finding)),
  );
  return ok ? (v.cross as CrossFinding[][]) : null;
}

/** The file outcome cache's validation and encoding, for the check and the extension's workspace scan. */
export const OUTCOME_CODEC: Pick<CacheOptions<CachedOutcome>, 'validate' | 'encode' | 'attach'> = {
  validate: isCachedOutcome,
  encode: encodeOutcome,
  attach: attachTail,
};

/** The cache of a check of `paths` (as given, from the current folder when any is relative). */
export function openCheckCache(
  paths: string[],
  programVersion: string,
  severities: Record<string, string>,
  dir = cacheDir(),
): ResultCache<CachedOutcome> {
  const scope = JSON.stringify([paths.some((p) => !path.isAbsolute(p)) ? process.cwd() : '', paths]);
  return new ResultCache<CachedOutcome>({
    dir,
    scope,
    key: rulesetKey(programVersion, severities),
    ...OUTCOME_CODEC,
  });
}
