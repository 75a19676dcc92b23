/**
 * The client's on-disk cache of EDGAR answers, bounded in bytes: one body file and one metadata file per address
 * (named by the address's SHA-256), each written to a temporary file and renamed into place, so a crash leaves either
 * the old entry or the new one. The metadata holds the body's hash: an entry whose body does not match (a disk
 * error, a hand edit) is ignored and fetched again. When the cache grows past its bound, the entries used longest
 * ago go first.
 *
 * Where it lives is the caller's choice: the extension's global storage, the CLI's user cache folder
 * (src/cli/fetch.ts).
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from './files';

export interface CacheEntry {
  url: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** When EDGAR last confirmed this body (a 200 or a 304), ms since the epoch. */
  checkedAt: number;
  body: Buffer;
}

interface Meta extends Omit<CacheEntry, 'body'> {
  v: 1;
  sha256: string;
  size: number;
}

export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export class DiskCache {
  /** Entries by key with their size and last use, read from the folder on first need. */
  private index: Map<string, { size: number; used: number }> | null = null;
  private total = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_CACHE_BYTES,
  ) {}

  private key(url: string): string {
    return sha256(url);
  }

  private files(key: string): { meta: string; body: string } {
    const sub = path.join(this.dir, key.slice(0, 2));
    return { meta: path.join(sub, `${key}.json`), body: path.join(sub, `${key}.body`) };
  }

  async get(url: string): Promise<CacheEntry | null> {
    const key = this.key(url);
    const f = this.files(key);
    let meta: Meta;
    let body: Buffer;
    try {
      meta = JSON.parse(await fsp.readFile(f.meta, 'utf8')) as Meta;
      body = await fsp.readFile(f.body);
    } catch {
      return null;
    }
    if (meta?.v !== 1 || meta.url !== url || meta.size !== body.length || meta.sha256 !== sha256(body)) return null;
    const now = new Date();
    await fsp.utimes(f.body, now, now).catch(() => undefined);
    this.index?.set(key, { size: this.index.get(key)?.size ?? body.length + 512, used: now.getTime() });
    return {
      url,
      status: meta.status,
      etag: meta.etag,
      lastModified: meta.lastModified,
      contentType: meta.contentType,
      checkedAt: meta.checkedAt,
      body,
    };
  }

  async put(entry: CacheEntry): Promise<void> {
    if (entry.body.length > this.maxBytes / 4) return; // one answer may not push out most of the cache
    const key = this.key(entry.url);
    const f = this.files(key);
    await fsp.mkdir(path.dirname(f.body), { recursive: true });
    const meta: Meta = {
      v: 1,
      url: entry.url,
      status: entry.status,
      etag: entry.etag,
      lastModified: entry.lastModified,
      contentType: entry.contentType,
      checkedAt: entry.checkedAt,
      sha256: sha256(entry.body),
      size: entry.body.length,
    };
    await writeAtomic(f.body, entry.body);
    await writeAtomic(f.meta, JSON.stringify(meta));
    const index = await this.load();
    const size = entry.body.length + 512;
    this.total += size - (index.get(key)?.size ?? 0);
    index.set(key, { size, used: Date.now() });
    if (this.total > this.maxBytes) await this.evict();
  }

  /** EDGAR confirmed the cached body (304 Not Modified): record when. */
  async confirm(entry: CacheEntry, checkedAt: number): Promise<void> {
    await this.put({ ...entry, checkedAt });
  }

  private async load(): Promise<Map<string, { size: number; used: number }>> {
    if (this.index) return this.index;
    const index = new Map<string, { size: number; used: number }>();
    let total = 0;
    let subs: string[] = [];
    try {
      subs = await fsp.readdir(this.dir);
    } catch {
      /* not made yet */
    }
    for (const sub of subs) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      let names: string[] = [];
      try {
        names = await fsp.readdir(path.join(this.dir, sub));
      } catch {
        continue;
      }
      for (const name of names) {
        const m = /^([0-9a-f]{64})\.body$/.exec(name);
        if (!m) continue;
        try {
          const st = await fsp.stat(path.join(this.dir, sub, name));
          index.set(m[1], { size: st.size + 512, used: st.mtimeMs });
          total += st.size + 512;
        } catch {
          /* removed meanwhile */
        }
      }
    }
    this.index = index;
    this.total = total;
    return index;
  }

  /** Remove the entries used longest ago until the cache holds at most 90% of its bound. */
  private async evict(): Promise<void> {
    const index = await this.load();
    const order = [...index.entries()].sort((a, b) => a[1].used - b[1].used);
    for (const [key, { size }] of order) {
      if (this.total <= this.maxBytes * 0.9) break;
      const f = this.files(key);
      await fsp.rm(f.meta, { force: true }).catch(() => undefined);
      await fsp.rm(f.body, { force: true }).catch(() => undefined);
      index.delete(key);
      this.total -= size;
    }
  }

  /** Bytes the cache holds (bodies plus a fixed allowance per entry for its metadata). */
  async size(): Promise<number> {
    await this.load();
    return this.total;
  }
}
