/**
 * The core never writes, and never loses data: every corpus file keeps its bytes (sha256), size and mtime after
 * being inspected through `inspectBytes` and through the CLI (`inspect --json` and `check` over the whole corpus
 * folder), and the CLI leaves no file behind, neither in the input folders nor in its working directory.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectBytes } from '../../src/core/inspect';
import { parsePdf } from '../../src/core/pdf';
import { CORPUS_DIR, corpusOrSkip } from '../helpers/shared';
import { buildCli } from './cli-build';

interface Entry {
  kind: 'file' | 'dir' | 'other';
  size: number;
  mtimeMs: number;
  sha256: string | null;
}

/** Every entry under `root` (hidden ones included), with the content hash of files. */
function snapshot(root: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(root, p);
      if (st.isDirectory()) {
        out.set(rel, { kind: 'dir', size: 0, mtimeMs: st.mtimeMs, sha256: null });
        walk(p);
      } else if (st.isFile()) {
        out.set(rel, {
          kind: 'file',
          size: st.size,
          mtimeMs: st.mtimeMs,
          sha256: crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'),
        });
      } else out.set(rel, { kind: 'other', size: st.size, mtimeMs: st.mtimeMs, sha256: null });
    }
  };
  walk(root);
  return out;
}

function differences(before: Map<string, Entry>, after: Map<string, Entry>): string[] {
  const diffs: string[] = [];
  for (const [k, a] of before) {
    const b = after.get(k);
    if (!b) diffs.push(`${k}: removed`);
    else if (a.sha256 !== b.sha256) diffs.push(`${k}: content changed`);
    else if (a.size !== b.size) diffs.push(`${k}: size ${a.size} -> ${b.size}`);
    else if (a.mtimeMs !== b.mtimeMs) diffs.push(`${k}: mtime changed`);
  }
  for (const k of after.keys()) if (!before.has(k)) diffs.push(`${k}: new entry`);
  return diffs;
}

describe('never write', function () {
  this.timeout(600_000);
  let initial: Map<string, Entry>;

  before(function () {
    corpusOrSkip(this);
    initial = snapshot(CORPUS_DIR);
  });

  it('the snapshot itself sees a change (a copy of a corpus file touched in a temporary folder)', () => {
    // Guards the check below against passing vacuously.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-nw-'));
    try {
      const [first] = [...initial].find(([, e]) => e.kind === 'file') ?? [];
      assert.ok(first);
      fs.copyFileSync(path.join(CORPUS_DIR, first), path.join(dir, 'f'));
      const a = snapshot(dir);
      fs.utimesSync(path.join(dir, 'f'), new Date(2001, 0, 1), new Date(2001, 0, 1));
      assert.deepEqual(differences(a, snapshot(dir)), ['f: mtime changed']);
      fs.appendFileSync(path.join(dir, 'f'), ' ');
      fs.writeFileSync(path.join(dir, 'g'), '');
      assert.deepEqual(differences(a, snapshot(dir)), ['f: content changed', 'g: new entry']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('inspectBytes on every corpus file changes no byte, size or mtime, and adds no file', async () => {
    let n = 0;
    for (const [rel, e] of initial) {
      if (e.kind !== 'file' || !/\.(xml|txt|nc|sgml|htm|html|pdf)$/i.test(rel)) continue;
      const p = path.join(CORPUS_DIR, rel);
      await inspectBytes(fs.readFileSync(p), p, { readPdf: parsePdf });
      n++;
    }
    assert.ok(n > 500, `only ${n} files inspected`);
    assert.deepEqual(differences(initial, snapshot(CORPUS_DIR)), []);
  });

  for (const args of [['inspect', '--json'], ['check']]) {
    it(`form4 ${args.join(' ')} over the whole corpus folder writes nothing into it or into its working directory`, () => {
      const cli = buildCli();
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-nw-cwd-'));
      // check's result cache goes here, not into the user's cache folder.
      const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-nw-cache-'));
      try {
        const r = spawnSync(process.execPath, [cli, ...args, CORPUS_DIR], {
          cwd,
          env: { ...process.env, XDG_CACHE_HOME: cacheHome },
          encoding: 'utf8',
          maxBuffer: 1024 * 1024 * 1024,
        });
        assert.equal(r.error, undefined);
        // 0/1: everything read (check: with or without errors); 2: some file in the folder is not a filing (skipped, noted).
        assert.ok([0, 1, 2].includes(r.status ?? -1), `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
        assert.ok(r.stdout.length > 10_000, 'the CLI produced its output');
        if (args.includes('--json')) {
          const docs = JSON.parse(r.stdout) as unknown[];
          assert.ok(docs.length > 400, `${docs.length} filings in the JSON`);
        }
        assert.deepEqual(differences(initial, snapshot(CORPUS_DIR)), []);
        assert.deepEqual(fs.readdirSync(cwd), [], 'nothing written into the working directory');
      } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
        fs.rmSync(cacheHome, { recursive: true, force: true });
      }
    });
  }
});
