/** Expanding the CLI's file and folder arguments into the files to read. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_INPUT_BYTES, sizeLimitReason } from '../core/input';
import { MANIFEST_NAME } from '../core/edgar/manifest';

/** Extensions a folder scan picks up; files named explicitly are always read, whatever their name. */
export const SCAN_EXTENSIONS = new Set(['.xml', '.txt', '.nc', '.sgml', '.htm', '.html', '.pdf']);

export interface InputFile {
  path: string;
  /** True when the user named the file itself (an unreadable one is then an error, exit 2). */
  explicit: boolean;
  /**
   * Whether the file's folder held an EDGAR download manifest when the walk listed it (absent: not known, a file
   * named explicitly). A folder without one needs no look for it per file.
   */
  manifest?: boolean;
}

export type WalkItem = InputFile | { missing: string };

function* walkDir(dir: string): Generator<WalkItem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    yield { missing: dir };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const manifest = entries.some((e) => e.name === MANIFEST_NAME);
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkDir(p);
    else if (e.isFile() && SCAN_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
      yield { path: p, explicit: false, manifest };
  }
}

/**
 * Files under the given paths, folders walked recursively in sorted order (hidden folders and node_modules
 * skipped), yielded as the walk finds them: a folder check starts on the first files while the rest is listed.
 */
export function* walkInputs(args: string[]): Generator<WalkItem> {
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      yield { missing: a };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(a);
    else yield { path: a, explicit: true };
  }
}

/** The same, all at once. */
export function expandInputs(args: string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  for (const it of walkInputs(args)) {
    if ('missing' in it) missing.push(it.missing);
    else files.push(it);
  }
  return { files, missing };
}

/** What a path names when it is not a regular file, for the one-line refusal. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A buffer reused by one thread's reads (readInputFile's `scratch`): a folder check reads tens of thousands of files
 * one after the other, and a new buffer for each is memory the C allocator takes and keeps, per thread, beside the
 * JavaScript heaps. Buffers larger than MAX_SCRATCH are not kept.
 */
export interface ReadScratch {
  buf: Buffer | null;
}

const MAX_SCRATCH = 4 << 20;

/**
 * The bytes of one named input, or why it is not read. Only a regular file is read (after symbolic links): a FIFO,
 * /dev/zero or a terminal would block or never end, and their size says 0. It is opened without blocking (a FIFO
 * with no writer would block the open itself), and never more than `limit` + 1 bytes are read, whatever the size
 * said when it was looked at. With `scratch`, the bytes are a view of its buffer, valid until the next read with it.
 */
export function readInputFile(file: string, scratch?: ReadScratch): Uint8Array | string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return `cannot read: ${(e as Error).message}`;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return `not read: ${kindOf(st)}, not a regular file`;
    const early = sizeLimitReason(st.size);
    if (early) return early;
    // One byte more than the size said, to see the end; grown (up to the limit + 1) if the file grew meanwhile.
    const kept = scratch?.buf;
    let buf = kept && kept.length >= st.size + 1 ? kept : Buffer.allocUnsafe(st.size + 1);
    if (scratch && buf !== kept && buf.length <= MAX_SCRATCH) scratch.buf = buf;
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > MAX_INPUT_BYTES) return sizeLimitReason(got) ?? 'file is over the size limit';
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_INPUT_BYTES + 1));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) return buf.subarray(0, got);
      got += n;
    }
  } catch (e) {
    return `cannot read: ${(e as Error).message}`;
  } finally {
    fs.closeSync(fd);
  }
}
