/**
 * The form4 command as a user and a CI pipeline meet it: the built dist/cli.js (npm run build), its output formats,
 * exit codes and one-line reasons.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/shared';
import type { buildTimeline } from '../../src/core/timeline';
import { TIMELINE_COLUMNS } from '../../src/core/timeline-views';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const EX = path.join(REPO_ROOT, 'examples');
const ALTO = path.join(EX, 'alto-ingredients-form4.xml');
const MISMATCH = path.join(EX, 'holdings-mismatch-form4.xml');
const TIMELINE = path.join(REPO_ROOT, 'test', 'fixtures', 'summary', 'timeline');

// The check's result cache goes to a folder of this test run, never the user's.
const CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-cache-'));
process.on('exit', () => fs.rmSync(CACHE_HOME, { recursive: true, force: true }));

function form4(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: CACHE_HOME, ...env },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('form4 CLI', function () {
  this.timeout(60000);
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  });

  it('inspect prints the filing laid out like the form, with the plain-language summary', () => {
    const r = form4(['inspect', ALTO]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /FORM 4 \(X0508\) - Statement of Changes in Beneficial Ownership/);
    assert.match(r.out, /2\. Issuer +Alto Ingredients, Inc\. \[ALTO\]/);
    assert.match(r.out, /1 +Common Stock +2024-04-01 +F +7,402\(1\) +D +\$2\.29 +133,612 +D/);
    assert.match(r.out, /had 7,402 shares of Common Stock withheld at \$2\.29/);
    assert.match(r.out, /\(1\) Amount represents shares withheld/);
  });

  it('inspect --json gives one object for one file and an array for a folder', () => {
    const one = JSON.parse(form4(['inspect', '--json', ALTO]).out);
    assert.equal(one.issuer.tradingSymbol, 'ALTO');
    assert.deepEqual(one.nonDerivative[0].footnoteIds, ['F1']);
    const many = JSON.parse(form4(['inspect', '--json', EX]).out);
    assert.ok(Array.isArray(many) && many.length >= 5);
    assert.deepEqual(
      many.map((d: { file: string }) => path.basename(d.file)),
      [...many.map((d: { file: string }) => path.basename(d.file))].sort(),
    );
  });

  it('answers a file it cannot read with one line and exit 2, never a stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    const png = path.join(dir, 'picture.png');
    fs.writeFileSync(
      png,
      Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1a4d1c80000000049454e44ae426082',
        'hex',
      ),
    );
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'Shopping list: milk, eggs.\n');
    for (const f of [png, notes, path.join(dir, 'missing.xml')]) {
      const r = form4(['inspect', f]);
      assert.equal(r.code, 2, f);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.ok(r.err.startsWith(f), r.err);
      assert.doesNotMatch(r.err, /\bat .*\.js:\d+/);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('skips non-filings inside a folder with a note, without failing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    fs.copyFileSync(ALTO, path.join(dir, 'a.xml'));
    fs.writeFileSync(path.join(dir, 'readme.txt'), 'not a filing\n');
    const r = form4(['inspect', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /readme\.txt: skipped: /);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('check prints findings like a compiler and exits 1 on an error', () => {
    const r = form4(['check', MISMATCH]);
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /holdings-mismatch-form4\.xml:135:28: error holdings-reconcile: Table I row 3 \(Common Stock, direct\): 50,000 owned before - 2,000 disposed = 48,000, but the filing states 47,000/,
    );
    assert.match(r.out, /^1 filing checked: 1 error, 0 warnings, 0 info$/m);
    assert.equal(form4(['check', ALTO]).code, 0);
  });

  it('check --rule turns a rule off or changes its severity; an unknown rule is a usage error', () => {
    assert.equal(form4(['check', MISMATCH, '--rule', 'holdings-reconcile=off']).code, 0);
    const w = form4(['check', MISMATCH, '--rule=holdings-reconcile=warning']);
    assert.equal(w.code, 0);
    assert.match(w.out, /warning holdings-reconcile/);
    const bad = form4(['check', MISMATCH, '--rule', 'no-such-rule=off']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown rule "no-such-rule"/);
  });

  it('check --format json gives the findings per file; sarif is SARIF 2.1.0 with rules and regions', () => {
    const j = JSON.parse(form4(['check', '--format', 'json', MISMATCH]).out);
    assert.equal(j[0].findings[0].rule, 'holdings-reconcile');
    assert.equal(j[0].findings[0].line, 135);
    const s = JSON.parse(form4(['check', '--format', 'sarif', EX]).out);
    assert.equal(s.version, '2.1.0');
    const run = s.runs[0];
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'holdings-reconcile'));
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'holdings-reconcile');
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0].physicalLocation.region, {
      startLine: 135,
      startColumn: 28,
      endLine: 135,
      endColumn: 33,
    });
    assert.equal(res.relatedLocations[0].physicalLocation.region.startLine, 101);
  });

  it('a large folder read by worker threads gives exactly what one thread gives', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    const sources = fs.readdirSync(EX).filter((n) => /\.(xml|txt)$/.test(n));
    for (let i = 0; i < 220; i++) {
      const n = sources[i % sources.length];
      fs.copyFileSync(path.join(EX, n), path.join(dir, `${String(i).padStart(3, '0')}-${n}`));
    }
    const one = form4(['check', '--format', 'json', dir], { FORM4_THREADS: '1' });
    const two = form4(['check', '--format', 'json', dir], { FORM4_THREADS: '2' });
    assert.equal(one.code, 1);
    assert.equal(two.code, 1);
    assert.equal(two.out, one.out);
    assert.equal(JSON.parse(one.out).length, 220);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('check --format ndjson writes one finding per line, the same findings as json; a re-check reads from the cache', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    for (const n of fs.readdirSync(TIMELINE)) fs.copyFileSync(path.join(TIMELINE, n), path.join(dir, n));
    fs.copyFileSync(MISMATCH, path.join(dir, 'mismatch.xml'));
    const json = JSON.parse(form4(['check', '--format', 'json', '--no-cache', dir]).out) as {
      file: string;
      findings: { rule: string; line: number | null }[];
    }[];
    const first = form4(['check', '--format', 'ndjson', '--stats', dir]);
    assert.equal(first.code, 1, first.err);
    assert.match(first.err, /5 files: 5 read, 0 unchanged/);
    const lines = first.out.trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { file: string; rule: string; line: number | null });
    const flat = json.flatMap((f) => f.findings.map((x) => ({ file: f.file, rule: x.rule, line: x.line })));
    const key = (r: { file: string; rule: string; line: number | null }) => `${r.file} ${r.rule} ${r.line}`;
    assert.deepEqual(records.map(key).sort(), flat.map(key).sort());
    assert.ok(
      records.some((r) => r.rule.endsWith('-cross')),
      'cross-filing findings included',
    );
    const again = form4(['check', '--format', 'ndjson', '--stats', dir]);
    assert.match(again.err, /5 files: 0 read, 5 unchanged/);
    assert.equal(again.out, first.out);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a re-check of unchanged files reuses the cross-filing findings and reads no chain summary from the cache', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    for (const n of fs.readdirSync(TIMELINE)) fs.copyFileSync(path.join(TIMELINE, n), path.join(dir, n));
    const first = form4(['check', '--format', 'ndjson', dir]);
    assert.match(first.out, /-cross"/, 'cross-filing findings');
    // Every cached chain summary replaced by one of the wrong shape, in a cache made to match its checksum: read,
    // it stops the check; left unread, nothing changes.
    const cacheDir = path.join(CACHE_HOME, 'form4');
    const cacheFile = fs
      .readdirSync(cacheDir)
      .map((n) => path.join(cacheDir, n))
      .find((p) =>
        fs.readFileSync(p, 'utf8').includes(JSON.stringify(path.join(dir, 'copy-of-2024-01-10-purchase.xml'))),
      )!;
    const [header, ...lines] = fs.readFileSync(cacheFile, 'utf8').split('\n');
    const body = lines.map((l) => (l.includes('\t') ? `${l.split('\t')[0]}\t[["k",{"source":1}]]` : l)).join('\n');
    const h = { ...(JSON.parse(header) as object), sha256: crypto.createHash('sha256').update(body).digest('hex') };
    fs.writeFileSync(cacheFile, `${JSON.stringify(h)}\n${body}`);
    const again = form4(['check', '--format', 'ndjson', '--stats', dir]);
    assert.match(again.err, /4 files: 0 read, 4 unchanged/);
    assert.equal(again.out, first.out);
    fs.appendFileSync(path.join(dir, '2024-03-15-sale.xml'), '\n<!-- edited -->\n');
    const changed = form4(['check', '--format', 'ndjson', dir]);
    assert.match(changed.err, /entries of the wrong shape; run with --no-cache/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a file that overruns its time limit is stopped, reported with the reason, and the check goes on (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-'));
    for (const n of ['a', 'b', 'c']) fs.copyFileSync(ALTO, path.join(dir, `${n}.xml`));
    const r = form4(['check', '--no-cache', dir], { FORM4_FILE_TIME_LIMIT_MS: '1' });
    assert.equal(r.code, 2);
    assert.equal(
      r.err.match(/\.xml: not checked: reading the file took longer than 0 s; stopped$/gm)?.length,
      3,
      r.err,
    );
    assert.match(r.out, /^0 filings checked/m);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--help and --version answer; no arguments is a usage error', () => {
    assert.equal(form4(['--help']).code, 0);
    assert.match(form4(['--version']).out, /^\d+\.\d+\.\d+/);
    assert.equal(form4([]).code, 2);
    assert.equal(form4(['frobnicate', ALTO]).code, 2);
  });

  it('form4 timeline: CSV by default (one record per point), JSON on request, a bad --format is a usage error', () => {
    const csv = form4(['timeline', TIMELINE]);
    assert.equal(csv.code, 0, csv.err);
    const lines = csv.out.trimEnd().split('\n');
    assert.equal(lines[0], TIMELINE_COLUMNS.join(','));
    assert.equal(lines.length, 1 + 5);
    assert.match(
      lines[3],
      /^Harold B\. Quince,0001900100,"Larkspur Devices, Inc\.",0000912345,LRKD,Common Stock,I,D,,2024-03-15,transaction,S,D,500,23,11500,9800,.*2024-03-15-sale\.xml,1,"holdings-reconcile-cross: /,
    );
    const json = form4(['timeline', TIMELINE, '--format', 'json']);
    assert.equal(json.code, 0, json.err);
    const data = JSON.parse(json.out) as ReturnType<typeof buildTimeline>;
    assert.deepEqual(data.counts, { points: 5, breaks: 1, series: 2 });
    const bad = form4(['timeline', TIMELINE, '--format', 'sarif']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /timeline --format must be csv or json/);
  });

  describe('hostile inputs', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-hostile-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('refuses a FIFO and a link to /dev/zero with one line each, without blocking or reading without end', function () {
      if (process.platform === 'win32') this.skip();
      const fifo = path.join(dir, 'pipe.xml');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
      const zero = path.join(dir, 'zero.xml');
      fs.symlinkSync('/dev/zero', zero);
      const r = form4(['check', fifo, zero]);
      assert.equal(r.code, 2);
      assert.deepEqual(r.err.trim().split('\n'), [
        `${fifo}: not read: a FIFO (named pipe), not a regular file`,
        `${zero}: not read: a character device, not a regular file`,
      ]);
    });

    it('shows control characters of a filing and of a file name escaped in text output', () => {
      const xml = fs
        .readFileSync(ALTO, 'utf8')
        .replace(/<rptOwnerName>[^<]*/, '<rptOwnerName>Doe\x1b[2J\x1b[H0 errors\x07');
      const file = path.join(dir, 'evil\x1b[31m.xml');
      fs.writeFileSync(file, xml);
      for (const args of [
        ['inspect', file],
        ['check', file],
        ['check', path.join(dir, 'missing\x1b.xml')],
      ]) {
        const r = form4(args);
        assert.ok(
          ![...(r.out + r.err)].some((ch) => (ch < ' ' && ch !== '\n' && ch !== '\t') || ch === '\x7f'),
          JSON.stringify(r.out + r.err),
        );
      }
      const shown = form4(['inspect', file]).out;
      assert.match(shown, /Doe\\x1b\[2J\\x1b\[H0 errors\\x07/);
    });

    it('an input stopped by the time limit in a folder is named and makes exit 2, never skipped', () => {
      fs.copyFileSync(ALTO, path.join(dir, 'a.xml'));
      const r = form4(['check', '--timeout', '0.001', dir]);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /a\.xml: not checked: reading the file took longer than 0 s; stopped/);
      assert.equal(form4(['check', '--timeout', 'soon', dir]).code, 2);
    });
  });
});
