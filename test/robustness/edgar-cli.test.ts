/**
 * `form4 fetch` and `form4 check --edgar` as built (dist/cli.js), against EDGAR replayed on this machine
 * (test/edgar/replay-server.cjs, from ../shared/edgar-recorded) through FORM4_EDGAR_ORIGIN: the paths on stdout, the
 * reasons on stderr, exit codes, the cache in the folder given, offline mode, and a missing User-Agent.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SHARED_DIR, sharedOrSkip } from '../helpers/shared';
import { ReplayServer } from '../edgar/replay-server.cjs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RECORDED = path.join(SHARED_DIR, 'edgar-recorded');
const UA = 'Form4 CLI Tests form4-cli@example.com';

describe('form4 fetch and check --edgar', function () {
  this.timeout(120000);
  let server: ReplayServer;
  let origin: string;
  let tmp: string;

  before(async function () {
    sharedOrSkip(this, path.join(RECORDED, 'INDEX.tsv'));
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    server = new ReplayServer({ dir: RECORDED });
    origin = await server.start();
  });
  after(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    server.clearLog();
    server.clearFaults();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-cli-edgar-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Runs the CLI without blocking this process (the replay server answers from it). */
  function form4(args: string[], env: Record<string, string | undefined> = {}) {
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const childEnv: Record<string, string | undefined> = {
        ...process.env,
        FORM4_EDGAR_ORIGIN: origin,
        FORM4_USER_AGENT: UA,
        ...env,
      };
      for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
      execFile(process.execPath, [CLI, ...args], { env: childEnv, maxBuffer: 1 << 26 }, (e, out, err) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err }),
      );
    });
  }

  const cache = () => ['--cache-dir', path.join(tmp, 'cache')];

  it('fetch AAPL: the filings in the range, one path a line on stdout; a second run asks for no filing', async () => {
    const out = path.join(tmp, 'out');
    const args = ['fetch', 'AAPL', '--forms', '4', '--since', '2024-08-01', '--until', '2024-10-31', '--out', out];
    const r = await form4([...args, ...cache()]);
    // 16 listed; 8 documents recorded, the others answered with S3's 404 as EDGAR does for a missing document.
    assert.equal(r.code, 2, r.err);
    const paths = r.out.trim().split('\n');
    assert.equal(paths.length, 8, r.out);
    assert.ok(paths.every((p) => p.startsWith(out) && fs.existsSync(p)));
    assert.match(r.err, /Apple Inc\. \(CIK 320193\): 16 Forms 4 from 2024-08-01 to 2024-10-31/);
    assert.match(r.err, /EDGAR has nothing at https:\/\/www\.sec\.gov\/Archives\/.* \(404 Not Found\)/);
    server.clearLog();
    const again = await form4([...args, ...cache()]);
    assert.deepEqual(again.out.trim().split('\n').sort(), paths.sort());
    const asked = server.requests.map((q) => q.url ?? '');
    const kept = paths.map((p) => path.basename(p, '.xml').replace(/-/g, ''));
    assert.deepEqual(
      asked.filter((u) => kept.some((k) => u.includes(k))),
      [],
    );
    assert.ok(server.requests.every((q) => q.headers['user-agent'] === UA));
  });

  it('check --edgar: fetches the set, then checks it; stdout holds the report alone', async () => {
    const r = await form4([
      'check',
      '--edgar',
      '320193',
      '--forms',
      '4',
      '--since',
      '2024-08-07',
      '--until',
      '2024-08-07',
      '--out',
      path.join(tmp, 'set'),
      '--format',
      'json',
      ...cache(),
    ]);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const report = JSON.parse(r.out) as { file: string; findings: unknown[] }[];
    assert.deepEqual(
      report.map((f) => path.relative(tmp, f.file)),
      [path.join('set', '0000320193-24-000084.xml')],
    );
    assert.ok(Array.isArray(report[0].findings));
    assert.match(r.err, /Apple Inc\. \(CIK 320193\): 1 Form 4 from 2024-08-07 to 2024-08-07/);
  });

  it('without a User-Agent nothing is requested, and the message says how to declare one', async () => {
    const r = await form4(['fetch', 'AAPL', '--out', path.join(tmp, 'x'), ...cache()], { FORM4_USER_AGENT: undefined });
    assert.equal(r.code, 2);
    assert.match(r.err, /--user-agent "Your Name you@example.com" or set FORM4_USER_AGENT/);
    assert.equal(server.requests.length, 0);
  });

  it('--offline answers from the cache only', async () => {
    const url = 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml';
    const first = await form4(['fetch', url, '--out', path.join(tmp, 'a'), ...cache()]);
    assert.equal(first.code, 0, first.err);
    server.clearLog();
    const off = await form4(['fetch', url, '--out', path.join(tmp, 'b'), '--offline', ...cache()]);
    assert.equal(off.code, 0, off.err);
    assert.equal(server.requests.length, 0);
    const missing = await form4(['fetch', 'MSFT', '--out', path.join(tmp, 'c'), '--offline', ...cache()]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Offline: .* is not in the EDGAR cache/);
    assert.equal(server.requests.length, 0);
  });

  it('SEC’s block page stops the run with a plain explanation', async () => {
    server.fault('data.sec.gov', { type: 'block-undeclared' });
    const r = await form4(['fetch', 'AAPL', '--out', path.join(tmp, 'b'), ...cache()]);
    assert.equal(r.code, 2);
    assert.match(r.err, /SEC\.gov blocked the request .* undeclared automated tool/);
    assert.equal(r.out, '');
  });
});
