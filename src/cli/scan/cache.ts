/** Where and how `form4 check` keeps its per-file results between runs. */
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultCache, rulesetKey } from '../../core/cache';
import type { CachedOutcome, FileResult } from './file';

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

function isEntry(v: unknown): boolean {
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
    validate: isCachedOutcome,
  });
}
