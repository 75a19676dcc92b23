/**
 * Downloading filings into a folder, safely and resumably:
 * - each file is named by its accession number and written through a temporary file and a rename (./files.ts), so an
 *   interrupted run leaves no half-written filing;
 * - a file already there with the same bytes is left alone; one with different bytes is never overwritten unless the
 *   caller says so, and the outcome says which;
 * - the folder's manifest (./manifest.ts) records each file's EDGAR origin and hash, so a second run skips what it has
 *   without asking EDGAR, and later readers get the filing dates back;
 * - each document is read as a filing before it is written: an answer that is not an ownership filing is not kept,
 *   and a filing on which the entity has another role than the one asked (issuer or reporting owner) is skipped.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { normCik, val } from '../fields';
import type { EdgarSource, Filing, ParseOutcome } from '../model';
import type { EdgarClient } from './client';
import { describeError, isEdgarError } from './errors';
import { documentAddress, downloadName, fetchDocument, type DocumentFormat, type FilingRef } from './filings';
import { removeStaleTemporaries, writeAtomic } from './files';
import { Manifest, sha256Hex } from './manifest';
import { edgarDocumentId } from './source';

export type Role = 'issuer' | 'owner';

export interface DownloadItem {
  ref: FilingRef;
  /** Keep the filing only if this CIK is its issuer ('issuer') or one of its reporting owners ('owner'). */
  role?: { cik: string; as: Role } | null;
}

export type DownloadOutcome =
  /** Written now (`replaced`: over a file with other bytes, as the caller allowed). */
  | { status: 'written' | 'replaced'; file: string; bytes: number; fromCache: boolean }
  /** The same bytes were there already. */
  | { status: 'present'; file: string }
  /** A file with other bytes is there and was kept. */
  | { status: 'conflict'; file: string; reason: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface DownloadOptions {
  dir: string;
  /**
   * How a document is read, without rules (to see that it is an ownership filing and whose): `inspectBytes` in this
   * thread (the CLI), or the extension's reading worker, which keeps the parsers off the extension host's thread.
   */
  read: (bytes: Uint8Array, file: string, edgar: EdgarSource | null) => Promise<ParseOutcome>;
  format: DocumentFormat;
  /** Replace a file that has other bytes (it is reported as `replaced`). */
  overwrite?: boolean;
  signal?: AbortSignal;
  /** Called after each filing, in order. */
  onItem?: (done: number, total: number, item: DownloadItem, outcome: DownloadOutcome) => void;
}

export interface DownloadResult {
  outcomes: { item: DownloadItem; outcome: DownloadOutcome }[];
  /** Cancelled before every item was done. */
  cancelled: boolean;
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function roleMismatch(filing: Filing, role: NonNullable<DownloadItem['role']>): string | null {
  const cik = normCik(role.cik);
  if (role.as === 'issuer') {
    const issuer = normCik(val(filing.issuer.cik));
    return issuer === cik ? null : `CIK ${cik} is not the issuer of this filing (the issuer is CIK ${issuer ?? '?'})`;
  }
  return filing.reportingOwners.some((o) => normCik(val(o.cik)) === cik)
    ? null
    : `CIK ${cik} is not a reporting owner on this filing`;
}

async function downloadOne(
  client: EdgarClient,
  item: DownloadItem,
  options: DownloadOptions,
  manifest: Manifest,
): Promise<DownloadOutcome> {
  const { ref } = item;
  // Already downloaded (as the format asked, or as the full submission an earlier run fell back to): no request.
  const formats: DocumentFormat[] = documentAddress(ref, options.format).format === 'xml' ? ['xml', 'txt'] : ['txt'];
  for (const format of formats) {
    const file = path.join(options.dir, downloadName(ref, format));
    const recorded = manifest.get(path.basename(file));
    const existing = recorded ? await readIfExists(file) : null;
    if (!existing || recorded!.sha256 !== sha256Hex(existing)) continue;
    if (!item.role) return { status: 'present', file };
    const out = await options.read(existing, file, null);
    const mismatch = out.ok ? roleMismatch(out.filing, item.role) : null;
    return mismatch ? { status: 'skipped', reason: mismatch } : { status: 'present', file };
  }
  const doc = await fetchDocument(client, ref, options.format, options.signal);
  const name = downloadName(ref, doc.format);
  const file = path.join(options.dir, name);
  const recorded = manifest.get(name);
  const existing = await readIfExists(file);
  const out = await options.read(doc.bytes, edgarDocumentId(doc.source), doc.source);
  if (!out.ok) return { status: 'failed', reason: `EDGAR's document is not an ownership filing (${out.reason})` };
  const mismatch = item.role ? roleMismatch(out.filing, item.role) : null;
  if (mismatch) return { status: 'skipped', reason: mismatch };
  const entry = {
    ...doc.source,
    sha256: sha256Hex(doc.bytes),
    bytes: doc.bytes.length,
    fetchedAt: new Date().toISOString(),
  };
  if (existing) {
    if (existing.equals(doc.bytes)) {
      if (!recorded || recorded.sha256 !== entry.sha256) await manifest.set(name, entry);
      return { status: 'present', file };
    }
    if (!options.overwrite)
      return {
        status: 'conflict',
        file,
        reason: `${name} is already there with other content; it was kept as it is (EDGAR's copy was not written)`,
      };
  }
  await writeAtomic(file, doc.bytes);
  await manifest.set(name, entry);
  return { status: existing ? 'replaced' : 'written', file, bytes: doc.bytes.length, fromCache: doc.fromCache };
}

/**
 * Download the filings into `options.dir` (made if missing), one after another at the client's pace. A cancelled run
 * stops after the file under way; SEC's block or a missing User-Agent stops it with that error, since nothing more
 * could succeed; any other failure is that filing's outcome and the run goes on.
 */
export async function downloadFilings(
  client: EdgarClient,
  items: readonly DownloadItem[],
  options: DownloadOptions,
): Promise<DownloadResult> {
  await fsp.mkdir(options.dir, { recursive: true });
  await removeStaleTemporaries(options.dir);
  const manifest = await Manifest.open(options.dir);
  const outcomes: DownloadResult['outcomes'] = [];
  for (const [i, item] of items.entries()) {
    if (options.signal?.aborted) return { outcomes, cancelled: true };
    let outcome: DownloadOutcome;
    try {
      outcome = await downloadOne(client, item, options, manifest);
    } catch (e) {
      if (isEdgarError(e) && e.code === 'cancelled') return { outcomes, cancelled: true };
      if (isEdgarError(e) && (e.code === 'blocked' || e.code === 'user-agent' || e.code === 'address')) throw e;
      outcome = { status: 'failed', reason: describeError(e) };
      if (!isEdgarError(e) && (e as NodeJS.ErrnoException).code)
        outcome = { status: 'failed', reason: `could not write into ${options.dir}: ${describeError(e)}` };
    }
    outcomes.push({ item, outcome });
    options.onItem?.(i + 1, items.length, item, outcome);
  }
  return { outcomes, cancelled: false };
}

/** How many downloads ended each way. */
export function countOutcomes(
  outcomes: readonly { outcome: DownloadOutcome }[],
): Record<DownloadOutcome['status'], number> {
  const n: Record<DownloadOutcome['status'], number> = {
    written: 0,
    replaced: 0,
    present: 0,
    conflict: 0,
    skipped: 0,
    failed: 0,
  };
  for (const { outcome } of outcomes) n[outcome.status]++;
  return n;
}

/** One line per kind of outcome: "11 written, 3 already there, 1 skipped, 2 failed". */
export function summarizeOutcomes(outcomes: readonly { outcome: DownloadOutcome }[]): string {
  const n = countOutcomes(outcomes);
  const parts = [`${n.written} written`];
  if (n.replaced) parts.push(`${n.replaced} replaced`);
  if (n.present) parts.push(`${n.present} already there`);
  if (n.conflict) parts.push(`${n.conflict} kept (a different file has the name)`);
  if (n.skipped) parts.push(`${n.skipped} skipped`);
  if (n.failed) parts.push(`${n.failed} failed`);
  return parts.join(', ');
}
