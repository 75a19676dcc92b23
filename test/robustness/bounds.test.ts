/**
 * The resource bounds of the core, each with its clear message, and proof that no real filing reaches any of them:
 * the input size limit (MAX_INPUT_BYTES, also applied by the CLI before reading), the PDF reader's time and page
 * limits, entity expansion (never done), XML nesting depth and element count.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectBytes, MAX_INPUT_BYTES, sizeLimitReason } from '../../src/core/inspect';
import { parsePdf, DEFAULT_PDF_MAX_PAGES, DEFAULT_PDF_TIMEOUT_MS } from '../../src/core/pdf';
import { DEFAULT_LIMITS } from '../../src/core/xml/scan';
import { manyPages } from '../fuzz/pdf';
import { BOUND_REASON, BOUND_RULES, CAUGHT_CRASH } from '../fuzz/run';
import { corpusFiles, corpusOrSkip } from '../helpers/shared';
import { parsePdfUntimed } from '../helpers/pdf';
import { fuzzFixture, throughCliPath } from '../fuzz/cli-path';
import { buildCli } from './cli-build';
import { CPU_BUDGET_MS, cpuMsSince, cpuTimed } from '../helpers/cpu-time';
import { detectKind } from '../../src/core/detect';

const BASE = fuzzFixture('form4-base.xml');
const withRemarks = (inner: string): string =>
  BASE.replace(/<remarks>[\s\S]*?<\/remarks>/, `<remarks>${inner}</remarks>`);

async function inspect(text: string) {
  return inspectBytes(Buffer.from(text, 'latin1'), 'bounds.xml');
}

describe('bounds', function () {
  this.timeout(120_000);

  describe('input size', () => {
    it('is 25 MB, and one byte more is refused with a plain reason naming the size and the limit', async () => {
      assert.equal(MAX_INPUT_BYTES, 25 * 1024 * 1024);
      const over = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20);
      Buffer.from(BASE, 'latin1').copy(over);
      const r = await inspectBytes(over, 'big.xml');
      assert.equal(r.ok, false);
      assert.ok(!r.ok);
      assert.equal(
        r.reason,
        'file is 26,214,401 bytes, over the 25 MB (26,214,400 bytes) limit for a filing; open it as text instead',
      );
      assert.equal(
        sizeLimitReason(100 * 1048576),
        'file is 100.0 MB, over the 25 MB (26,214,400 bytes) limit for a filing; open it as text instead',
      );
      assert.equal(sizeLimitReason(MAX_INPUT_BYTES), null);
    });

    it('a filing of exactly 25 MB is still read, within the CPU-time budget of one input', async () => {
      const at = Buffer.alloc(MAX_INPUT_BYTES, 0x20);
      Buffer.from(BASE, 'latin1').copy(at);
      const r = await throughCliPath('at-size-limit', at, CPU_BUDGET_MS);
      assert.equal(r.failure, undefined, r.failure?.message);
      assert.equal(r.ok, true);
    });

    it('the CLI refuses an over-size file by its size, without reading it (a sparse 4 GB file, which could not be read into memory)', function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-bounds-'));
      try {
        const file = path.join(dir, 'huge.xml');
        fs.writeFileSync(file, BASE);
        fs.truncateSync(file, 4 * 1024 ** 3); // sparse: no disk used, but readFileSync would fail or fill memory
        const cli = buildCli();
        let status = 0;
        let stderr = '';
        try {
          execFileSync(process.execPath, [cli, 'inspect', file], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        } catch (e) {
          const err = e as { status: number; stderr: string };
          status = err.status;
          stderr = err.stderr;
        }
        assert.equal(status, 2);
        assert.equal(
          stderr.trim(),
          `${file}: file is 4096.0 MB, over the 25 MB (26,214,400 bytes) limit for a filing; open it as text instead`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('kind detection', () => {
    it('examines the head of a large text, not all of it (24 MB of prose within the CPU-time budget of one input)', () => {
      const big = 'lorem ipsum '.repeat(2_000_000);
      const { value, cpuMs } = cpuTimed(() => detectKind(big));
      assert.equal(value.kind, 'unknown');
      assert.ok(cpuMs < CPU_BUDGET_MS, `took ${cpuMs.toFixed(0)} ms of CPU time`);
    });
  });

  describe('PDF reader', () => {
    it('has a 15 s time limit and a 60-page limit, each with a plain reason', async function () {
      corpusOrSkip(this);
      assert.equal(DEFAULT_PDF_TIMEOUT_MS, 15_000);
      assert.equal(DEFAULT_PDF_MAX_PAGES, 60);
      const pdf = corpusFiles('pdf')[0];
      const slow = await parsePdf(fs.readFileSync(pdf), pdf, { timeoutMs: 1 });
      assert.ok(!slow.ok);
      assert.match(slow.reason, /took (longer than|too long)/);
      const long = await parsePdfUntimed(manyPages(DEFAULT_PDF_MAX_PAGES + 1), 'long.pdf');
      assert.ok(!long.ok);
      assert.match(long.reason, /has 61 pages, more than the 60/);
      const ok = await parsePdfUntimed(manyPages(DEFAULT_PDF_MAX_PAGES), 'sixty.pdf');
      assert.ok(ok.ok || !/more than the/.test(ok.reason), 'a 60-page PDF is not refused for its length');
    });
  });

  describe('XML', () => {
    it('never expands entities: billion laughs and quadratic blowup stay the size they are written', async () => {
      let dtd = '<!ENTITY l0 "lol">';
      for (let i = 1; i <= 12; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
      dtd += `<!ENTITY big "${'A'.repeat(10_000)}">`; // 10,000 references: 100 MB if it were expanded
      const text = BASE.replace(
        '<ownershipDocument>',
        `<!DOCTYPE ownershipDocument [${dtd}]>\n<ownershipDocument>`,
      ).replace(/<remarks>[\s\S]*?<\/remarks>/, `<remarks>${'&l12;'.repeat(100)}${'&big;'.repeat(10_000)}</remarks>`);
      const r = await throughCliPath('entity-bombs', text, CPU_BUDGET_MS);
      assert.equal(r.failure, undefined, r.failure?.message);
      const out = await inspect(text);
      assert.ok(out.ok);
      assert.ok(out.filing.remarks.raw?.startsWith('&l12;&l12;'), 'the reference stays literal');
      assert.ok((out.filing.remarks.raw?.length ?? 0) < text.length);
      assert.ok(out.filing.findings.some((f) => f.rule === 'xml-doctype-ignored'));
    });

    it('never reads an external entity (the file it names stays out of the output)', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-xxe-'));
      try {
        const canary = path.join(dir, 'secret.txt');
        fs.writeFileSync(canary, 'CANARY-7f3a9c');
        const text = BASE.replace(
          '<ownershipDocument>',
          `<!DOCTYPE ownershipDocument [<!ENTITY x SYSTEM "file://${canary}"><!ENTITY p SYSTEM "file:///etc/passwd">]>\n<ownershipDocument>`,
        ).replace(/<rptOwnerName>[^<]*/, '<rptOwnerName>&x;&p;');
        const r = await throughCliPath('xxe', text, CPU_BUDGET_MS, ['CANARY-7f3a9c', 'root:x:0:0']);
        assert.equal(r.failure, undefined, r.failure?.message);
        const out = await inspect(text);
        assert.ok(out.ok);
        assert.equal(out.filing.reportingOwners[0].name.raw, '&x;&p;');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`nesting deeper than ${DEFAULT_LIMITS.maxDepth} levels is skipped with an xml-limit finding, and what follows is read (100,000 levels)`, async () => {
      const text = withRemarks('<a>'.repeat(100_000) + 'deep' + '</a>'.repeat(100_000)).replace(
        '/s/ Jane Doe',
        '/s/ After Deep',
      );
      const r = await throughCliPath('deep-nesting-100k', text, CPU_BUDGET_MS);
      assert.equal(r.failure, undefined, r.failure?.message);
      const out = await inspect(text);
      assert.ok(out.ok);
      const lim = out.filing.findings.filter((f) => f.rule === 'xml-limit');
      assert.equal(lim.length, 1);
      assert.match(lim[0].message, new RegExp(`nested deeper than ${DEFAULT_LIMITS.maxDepth} levels`));
      assert.equal(out.filing.signatures[0]?.name.value, '/s/ After Deep');
    });

    it(`more than ${DEFAULT_LIMITS.maxElements.toLocaleString('en-US')} elements: the rest is not read, with an xml-limit finding`, async () => {
      const text = withRemarks('<a/>'.repeat(DEFAULT_LIMITS.maxElements + 10));
      const r = await throughCliPath('element-count', text, CPU_BUDGET_MS);
      assert.equal(r.failure, undefined, r.failure?.message);
      const out = await inspect(text);
      assert.ok(out.ok);
      const lim = out.filing.findings.filter((f) => f.rule === 'xml-limit');
      assert.equal(lim.length, 1);
      assert.match(lim[0].message, /More than [\d,]+ elements/);
    });
  });

  describe('no real filing reaches a bound', () => {
    it('every corpus file (XML, submissions, HTML, PDFs): no xml-limit or read-limit finding, no size or page reason, no caught exception, each read in less CPU time than the PDF time limit', async function () {
      corpusOrSkip(this);
      this.timeout(600_000);
      const files = ['xml', 'doc', 'txt', 'html', 'pdf', 'pdf-printed'].flatMap((d) => corpusFiles(d));
      assert.ok(files.length > 500, `only ${files.length} corpus files`);
      const hits: string[] = [];
      for (const f of files) {
        // The PDF limit is wall-clock in the product; here it is held as CPU time, which a busy machine does not stretch.
        const cpu0 = process.cpuUsage();
        const r = await inspectBytes(fs.readFileSync(f), f, { readPdf: parsePdfUntimed });
        const cpuMs = cpuMsSince(cpu0);
        if (cpuMs > DEFAULT_PDF_TIMEOUT_MS) hits.push(`${path.basename(f)}: ${Math.round(cpuMs)} ms of CPU time`);
        if (r.ok) {
          for (const x of r.filing.findings)
            if (BOUND_RULES.has(x.rule)) hits.push(`${path.basename(f)}: ${x.rule}: ${x.message}`);
        } else if (BOUND_REASON.test(r.reason) || CAUGHT_CRASH.test(r.reason))
          hits.push(`${path.basename(f)}: ${r.reason}`);
      }
      assert.deepEqual(hits, []);
    });
  });
});
