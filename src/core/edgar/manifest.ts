/**
 * The record a download keeps beside the filings it wrote (`form4-edgar.json` in the folder): for each file, where it
 * came from on EDGAR (address, accession number, form, filing date, acceptance time) and the SHA-256 of its bytes.
 * It lets a later run skip what is already there without a request, and lets whoever reads the folder later (the CLI)
 * give each filing its EDGAR origin back, so the late-filing checks have EDGAR's filing date. An entry applies only
 * to a file whose bytes still match its hash.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EdgarSource } from '../model';
import { writeAtomic } from './files';
import { edgarSource } from './source';

export const MANIFEST_NAME = 'form4-edgar.json';

export interface ManifestEntry extends EdgarSource {
  sha256: string;
  bytes: number;
  /** When it was written, ISO 8601. */
  fetchedAt: string;
}

interface ManifestFile {
  format: 'form4-edgar-manifest';
  version: 1;
  files: Record<string, ManifestEntry>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function empty(): ManifestFile {
  return { format: 'form4-edgar-manifest', version: 1, files: Object.create(null) as Record<string, ManifestEntry> };
}

function parse(text: string): ManifestFile {
  const j = JSON.parse(text) as Partial<ManifestFile>;
  const m = empty();
  if (j?.format !== 'form4-edgar-manifest' || !j.files || typeof j.files !== 'object') return m;
  for (const [name, e] of Object.entries(j.files)) {
    if (!e || typeof e !== 'object' || typeof e.sha256 !== 'string' || typeof e.url !== 'string') continue;
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) continue;
    m.files[name] = e;
  }
  return m;
}

/** The manifest of one download folder, read once and written after each file. */
export class Manifest {
  private constructor(
    readonly dir: string,
    private data: ManifestFile,
  ) {}

  static async open(dir: string): Promise<Manifest> {
    let data = empty();
    try {
      data = parse(await fs.promises.readFile(path.join(dir, MANIFEST_NAME), 'utf8'));
    } catch {
      /* none yet, or unreadable: start afresh */
    }
    return new Manifest(dir, data);
  }

  get(name: string): ManifestEntry | undefined {
    return this.data.files[name];
  }

  async set(name: string, entry: ManifestEntry): Promise<void> {
    this.data.files[name] = entry;
    await writeAtomic(path.join(this.dir, MANIFEST_NAME), `${JSON.stringify(this.data, null, 2)}\n`);
  }
}

const cache = new Map<string, { mtimeMs: number; data: ManifestFile }>();

/**
 * The EDGAR origin of a file a download wrote, from its folder's manifest, if the file's bytes are still the ones
 * recorded; null otherwise. Synchronous and cached per folder (by the manifest's modification time): called for every
 * file a CLI command reads.
 */
export function edgarSourceForFile(file: string, bytes: Uint8Array): EdgarSource | null {
  const dir = path.dirname(path.resolve(file));
  const mf = path.join(dir, MANIFEST_NAME);
  // Most folders have no manifest: asked without an exception (a thrown ENOENT per file showed in a folder check).
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(mf, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st) return null;
  let hit = cache.get(dir);
  if (!hit || hit.mtimeMs !== st.mtimeMs) {
    try {
      hit = { mtimeMs: st.mtimeMs, data: parse(fs.readFileSync(mf, 'utf8')) };
    } catch {
      hit = { mtimeMs: st.mtimeMs, data: empty() };
    }
    cache.set(dir, hit);
  }
  const e = hit.data.files[path.basename(file)];
  if (!e || e.bytes !== bytes.length || e.sha256 !== sha256Hex(bytes)) return null;
  if (!/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/\d+\/[^?#\s]+$/.test(e.url)) return null;
  const short = (v: unknown) => (typeof v === 'string' && v.length <= 40 ? v : null);
  return edgarSource(e.url, {
    form: short(e.form),
    filingDate: short(e.filingDate),
    acceptanceDateTime: short(e.acceptanceDateTime),
  });
}
