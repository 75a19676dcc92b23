/**
 * The folder check's result cache: a re-check of an unchanged folder parses nothing, a change to some files
 * re-parses exactly those, results from the cache equal fresh ones, and a cache that is corrupt, foreign, of
 * another rule set or too large is never trusted.
 */
import { strict as assert } from 'node:assert';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkInputs } from '../../src/cli/scan/check';
import { parseCount, type FileResult } from '../../src/cli/scan/file';
import { cacheDir, openCheckCache } from '../../src/cli/scan/cache';
import { ResultCache } from '../../src/core/cache';
import { chainSummary, reconcileSummaries, type ChainSummary } from '../../src/core/reconcile';
import { SummaryStore } from '../../src/cli/scan/spill';
import { inspectBytes, inspectText } from '../../src/core/inspect';

const EX = path.resolve(__dirname, '..', '..', 'examples');

/** A cache file of `lines` under `header` with the checksum of exactly those lines (a cache crafted to match it). */
function withChecksum(header: string, lines: string[]): string {
  const body = lines.map((l) => `${l}\n`).join('');
  const h = { ...(JSON.parse(header) as object), sha256: crypto.createHash('sha256').update(body).digest('hex') };
  return `${JSON.stringify(h)}\n${body}`;
}

/** The header of a cache of version 2 with the key 'k', before its checksum. */
const HEADER = '{"format":"form4-result-cache","version":2,"key":"k","sha256":""}';
const TIMELINE = path.resolve(__dirname, '..', 'fixtures', 'summary', 'timeline');

/** A check of `dir` in this thread; its results in order, the cross-filing findings and the parses it made. */
async function check(dir: string, cacheFolder: string | null, version = '1.0.0') {
  const cache = cacheFolder ? openCheckCache([dir], version, {}, cacheFolder) : null;
  const before = parseCount.value;
  const results: FileResult[] = [];
  const stats = await checkInputs(
    [dir],
    { inspect: {}, inspectFile: inspectBytes, workerScript: null, cache },
    {
      file: (_i, r) => results.push(r),
      unreadable: () => undefined,
      missing: () => undefined,
    },
  );
  const save = cache?.save() ?? null;
  const summaries: ChainSummary[] = results.map((r) => r.summary);
  return {
    results,
    cross: reconcileSummaries(summaries),
    parsed: parseCount.value - before,
    stats,
    note: cache?.note ?? null,
    save,
  };
}

describe('check: result cache', () => {
  let root: string;
  let dir: string;
  let cacheFolder: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cache-'));
    dir = path.join(root, 'filings');
    cacheFolder = path.join(root, 'cache');
    fs.mkdirSync(dir);
    const sources = [
      ...fs
        .readdirSync(EX)
        .filter((n) => n.endsWith('.xml'))
        .map((n) => path.join(EX, n)),
      ...fs.readdirSync(TIMELINE).map((n) => path.join(TIMELINE, n)),
    ];
    for (let i = 0; i < 30; i++) {
      const src = sources[i % sources.length];
      fs.copyFileSync(src, path.join(dir, `${String(i).padStart(2, '0')}-${path.basename(src)}`));
    }
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('re-checks an unchanged folder without parsing, and after 10 changes parses exactly those 10', async () => {
    const fresh = await check(dir, null);
    assert.equal(fresh.parsed, 30);
    const first = await check(dir, cacheFolder);
    assert.equal(first.parsed, 30);
    assert.equal(first.save, null);
    const again = await check(dir, cacheFolder);
    assert.equal(again.parsed, 0);
    assert.deepEqual(again.stats, { files: 30, parsed: 0, cached: 30, inputs: first.stats.inputs });
    // Results from the cache are the results.
    assert.deepEqual(again.results, fresh.results);
    assert.deepEqual(again.cross, fresh.cross);
    assert.ok(fresh.cross.length > 0, 'the fixtures chain across filings');

    const names = fs.readdirSync(dir).sort();
    const changed = names.filter((_n, i) => i % 3 === 0);
    assert.equal(changed.length, 10);
    for (const n of changed) fs.appendFileSync(path.join(dir, n), '\n<!-- edited -->\n');
    const after = await check(dir, cacheFolder);
    assert.equal(after.parsed, 10);
    assert.deepEqual({ ...after.stats, inputs: undefined }, { files: 30, parsed: 10, cached: 20, inputs: undefined });
    assert.notEqual(after.stats.inputs, first.stats.inputs, 'the changed files change the inputs digest');
    const expected = await check(dir, null);
    assert.deepEqual(after.results, expected.results);
    assert.deepEqual(after.cross, expected.cross);
  });

  it('a new program version or rule set starts from nothing', async () => {
    await check(dir, cacheFolder, '1.0.0');
    const other = await check(dir, cacheFolder, '1.0.1');
    assert.equal(other.parsed, 30);
    assert.equal(other.note, null);
  });

  it('a corrupt or foreign cache is ignored with a note, and replaced', async () => {
    await check(dir, cacheFolder);
    const [file] = fs.readdirSync(cacheFolder);
    const p = path.join(cacheFolder, file);
    const lines = fs.readFileSync(p, 'utf8').split('\n');
    const [head, tail] = lines[1].split('\t');
    // A well-formed line of the wrong shape: a finding whose message is not text.
    const entry = JSON.parse(head) as [string, number, number, FileResult];
    (entry[3].findings as unknown[]).push({ rule: 'x', severity: 'error', message: { toString: 1 }, span: null });
    const edited = [`${JSON.stringify(entry)}\t${tail}`, ...lines.slice(2)];
    fs.writeFileSync(p, [lines[0], ...edited].join('\n'));
    const changed = await check(dir, cacheFolder);
    assert.match(changed.note ?? '', /does not match its checksum\); ignored/);
    assert.equal(changed.parsed, 30);
    // The same line in a cache made to match its checksum: still refused, for its shape.
    fs.writeFileSync(p, withChecksum(lines[0], edited));
    const bad = await check(dir, cacheFolder);
    assert.match(bad.note ?? '', /wrong shape \(line 2\); ignored/);
    assert.equal(bad.parsed, 30);
    assert.equal((await check(dir, cacheFolder)).parsed, 0);

    // Entries (the tail, read when used) of the wrong shape in a cache that matches its checksum: never used.
    const good = fs.readFileSync(p, 'utf8').split('\n');
    const badTail = [`${good[1].split('\t')[0]}\t[["k",{"source":1}]]`, ...good.slice(2)];
    fs.writeFileSync(p, withChecksum(good[0], badTail));
    const crafted = openCheckCache([dir], '1.0.0', {}, cacheFolder);
    assert.equal(crafted.note, null);
    const hit = crafted.get(JSON.parse(good[1].split('\t')[0])[0] as string, {
      size: JSON.parse(good[1].split('\t')[0])[1] as number,
      mtimeMs: JSON.parse(good[1].split('\t')[0])[2] as number,
    });
    assert.ok(hit?.ok);
    assert.throws(() => hit.summary.entries, /entries of the wrong shape; run with --no-cache/);

    fs.writeFileSync(p, 'not json at all\n');
    const foreign = await check(dir, cacheFolder);
    assert.match(foreign.note ?? '', /is not a form4 cache; ignored/);
    assert.equal(foreign.parsed, 30);

    fs.writeFileSync(p, `${lines[0]}\n{"truncated": \n`);
    const cut = await check(dir, cacheFolder);
    assert.match(cut.note ?? '', /does not match its checksum\); ignored/);
    assert.equal(cut.parsed, 30);
  });

  it('the cache folder is bounded: a cache over the bound is not saved, older cache files go first', () => {
    const validate = (v: unknown): v is string => typeof v === 'string';
    const stamp = { size: 1, mtimeMs: 1 };
    const small = new ResultCache<string>({ dir: cacheFolder, scope: 'a', key: 'k', validate, maxBytes: 200 });
    small.set('/x', stamp, 'y'.repeat(300));
    assert.match(small.save() ?? '', /cache not saved: .* over the cache's/);
    assert.equal(fs.existsSync(small.file), false);

    const a = new ResultCache<string>({ dir: cacheFolder, scope: 'a', key: 'k', validate, maxBytes: 600 });
    a.set('/x', stamp, 'y'.repeat(150));
    assert.equal(a.save(), null);
    fs.utimesSync(a.file, new Date(1000), new Date(1000));
    const b = new ResultCache<string>({ dir: cacheFolder, scope: 'b', key: 'k', validate, maxBytes: 600 });
    b.set('/x', stamp, 'z'.repeat(150));
    assert.equal(b.save(), null);
    assert.equal(fs.existsSync(b.file), true);
    // Both fit: the older one stays.
    assert.equal(fs.existsSync(a.file), true);
    const c = new ResultCache<string>({ dir: cacheFolder, scope: 'c', key: 'k', validate, maxBytes: 600 });
    c.set('/x', stamp, 'w'.repeat(150));
    assert.equal(c.save(), null);
    assert.equal(fs.existsSync(c.file), true);
    assert.equal(fs.existsSync(a.file), false, 'the least recently written cache file is removed');
    assert.equal(
      new ResultCache<string>({ dir: cacheFolder, scope: 'c', key: 'k', validate }).get('/x', stamp),
      'w'.repeat(150),
    );
  });

  it('lives in $XDG_CACHE_HOME when it is an absolute path, else in the platform cache folder', () => {
    assert.equal(cacheDir({ XDG_CACHE_HOME: '/tmp/xdg' }), path.join('/tmp/xdg', 'form4'));
    assert.notEqual(cacheDir({ XDG_CACHE_HOME: 'relative/path' }), path.join('relative/path', 'form4'));
    assert.ok(path.isAbsolute(cacheDir({})));
  });
});

describe('check: summaries of a large folder', () => {
  it('reconciled partition by partition from disk give the findings of all of them at once', async () => {
    const files = [
      ...fs.readdirSync(TIMELINE).map((n) => path.join(TIMELINE, n)),
      ...fs
        .readdirSync(EX)
        .filter((n) => n.endsWith('.xml'))
        .map((n) => path.join(EX, n)),
    ];
    const summaries: ChainSummary[] = [];
    for (const f of files) {
      const out = await inspectBytes(fs.readFileSync(f), f, {});
      if (out.ok) summaries.push(chainSummary(out.filing));
    }
    const expected = reconcileSummaries(structuredClone(summaries));
    assert.ok(expected.length > 0);
    const held = new SummaryStore();
    const spilled = new SummaryStore(2);
    for (const s of summaries) {
      held.add(structuredClone(s));
      spilled.add(structuredClone(s));
    }
    const key = (c: { file: string; finding: { rule: string; message: string } }) =>
      `${c.file} ${c.finding.rule} ${c.finding.message}`;
    assert.deepEqual(held.reconcile({}), expected);
    assert.deepEqual(spilled.reconcile({}).map(key).sort(), expected.map(key).sort());
    // The extension's way, a partition at a time between turns of the event loop: the same findings.
    const heldAsync = new SummaryStore();
    const spilledAsync = new SummaryStore(2);
    for (const s of summaries) {
      heldAsync.add(structuredClone(s));
      spilledAsync.add(structuredClone(s));
    }
    assert.deepEqual((await heldAsync.reconcileAsync({})).map(key).sort(), expected.map(key).sort());
    assert.deepEqual((await spilledAsync.reconcileAsync({})).map(key).sort(), expected.map(key).sort());
  });

  it('keeps a filing given twice once, with the findings of reconciling every copy', () => {
    const summaries: ChainSummary[] = [];
    for (const f of fs.readdirSync(TIMELINE).map((n) => path.join(TIMELINE, n))) {
      const out = inspectText(fs.readFileSync(f, 'utf8'), f, {});
      if (out.ok) summaries.push(chainSummary(out.filing));
    }
    // Each filing again under another name, after all of them (a folder and its copy).
    const copies = summaries.map((s) => ({ ...structuredClone(s), file: `${s.file}.copy` }));
    const expected = reconcileSummaries(structuredClone([...summaries, ...copies]));
    assert.ok(expected.length > 0);
    const key = (c: { file: string; finding: { rule: string; message: string } }) =>
      `${c.file} ${c.finding.rule} ${c.finding.message}`;
    for (const store of [new SummaryStore(), new SummaryStore(2)]) {
      assert.deepEqual(
        summaries.map((s) => store.add(structuredClone(s))),
        // The fixtures hold one filing twice themselves (its XML and its submission).
        summaries.map((s, i) => summaries.findIndex((t) => t.signature === s.signature) === i),
      );
      assert.deepEqual(
        copies.map((s) => store.add(structuredClone(s))),
        copies.map(() => false),
        'a copy is not kept',
      );
      assert.deepEqual(store.reconcile({}).map(key).sort(), expected.map(key).sort());
    }
  });
});

describe('check: the result cache opened and saved a slice at a time (the extension host)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cache-async-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const validate = (v: unknown): v is string => typeof v === 'string';
  const options = (scope = 's') => ({ dir, scope, key: 'k', validate });

  it('writes the file save() writes, and reads back what the constructor reads, letting other work run between', async () => {
    const sync = new ResultCache<string>(options('sync'));
    const async = new ResultCache<string>(options('async'));
    // More lines than one slice, so that opening and saving take several turns.
    for (let i = 0; i < 1000; i++) {
      sync.set(`/f/${i}`, { size: i, mtimeMs: i }, `result ${i}`);
      async.set(`/f/${i}`, { size: i, mtimeMs: i }, `result ${i}`);
    }
    assert.equal(sync.save(), null);
    assert.equal(await async.saveAsync(), null);
    assert.equal(fs.readFileSync(async.file, 'utf8'), fs.readFileSync(sync.file, 'utf8'));

    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const opened = await ResultCache.open<string>(options('async'));
    clearInterval(ticker);
    assert.equal(opened.note, null);
    assert.equal(opened.get('/f/999', { size: 999, mtimeMs: 999 }), 'result 999');
    assert.equal(opened.get('/f/999', { size: 999, mtimeMs: 1 }), undefined, 'a changed file is not a hit');
    assert.ok(turns > 0, 'timers ran while the cache was read');
  });

  it("ignores a corrupt, foreign or missing cache with the constructor's notes", async () => {
    assert.equal((await ResultCache.open<string>(options())).note, null, 'no cache yet: no note');
    const c = new ResultCache<string>(options());
    fs.mkdirSync(dir, { recursive: true });
    for (const [text, note] of [
      ['not json at all\n', /is not a form4 cache; ignored/],
      ['{"format":"form4-result-cache","version":1,"key":"k"}\n["/x",1,1,"v"]\n', /not a form4 cache of this version/],
      [withChecksum(HEADER, ['{"truncated": ']), /is corrupt \(line 2\); ignored/],
      [`${HEADER}\n["/x",1,1,"v"]\n`, /does not match its checksum\); ignored/],
      [withChecksum(HEADER, ['["/x",1,1,42]']), /wrong shape \(line 2\); ignored/],
    ] as const) {
      fs.writeFileSync(c.file, text);
      const opened = await ResultCache.open<string>(options());
      assert.match(opened.note ?? '', note);
      assert.equal(opened.note, new ResultCache<string>(options()).note);
      assert.equal(opened.get('/x', { size: 1, mtimeMs: 1 }), undefined);
    }
  });
});
