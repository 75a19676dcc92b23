/** A folder walk tells each file whether its folder holds an EDGAR download manifest, and the check trusts it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkInputs, type InputFile } from '../../src/cli/files';
import { checkFile } from '../../src/cli/scan/file';
import { inspectBytes } from '../../src/core/inspect';
import { MANIFEST_NAME, sha256Hex } from '../../src/core/edgar/manifest';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'xml', 'footnotes.xml');

describe('folder walk and the EDGAR download manifest', () => {
  let tmp: string;
  let downloaded: string;
  let plain: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-walk-'));
    const bytes = fs.readFileSync(FIXTURE);
    downloaded = path.join(tmp, 'downloaded');
    plain = path.join(tmp, 'plain');
    for (const d of [downloaded, plain]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, 'form4.xml'), bytes);
    }
    // EDGAR's filing date, weeks after the transaction of 2024-06-03: only the manifest says when it was filed.
    const entry = {
      url: 'https://www.sec.gov/Archives/edgar/data/1234567/000123456724000001/form4.xml',
      accessionNumber: '0001234567-24-000001',
      form: '4',
      filingDate: '2024-07-30',
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      fetchedAt: '2024-07-31T00:00:00Z',
    };
    fs.writeFileSync(
      path.join(downloaded, MANIFEST_NAME),
      JSON.stringify({ format: 'form4-edgar-manifest', version: 1, files: { 'form4.xml': entry } }),
    );
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const walked = (p: string) => [...walkInputs([p])].filter((w): w is InputFile => 'path' in w);
  /** Whether the check of `file` finds it filed late, which only EDGAR's filing date can show. */
  const late = async (file: string, manifest?: boolean) => {
    const out = await checkFile(file, {}, { inspect: inspectBytes, manifest });
    assert.ok(out.ok, 'checked');
    return out.findings.some((f) => f.rule === 'late-filing');
  };

  it('marks the files of a folder with a manifest, and of one without', () => {
    assert.deepEqual(
      walked(downloaded).map((w) => [path.basename(w.path), w.manifest]),
      [['form4.xml', true]],
    );
    assert.deepEqual(
      walked(plain).map((w) => [path.basename(w.path), w.manifest]),
      [['form4.xml', false]],
    );
  });
  it('leaves it unknown for a file named on its own', () => {
    assert.equal(walked(path.join(downloaded, 'form4.xml'))[0].manifest, undefined);
  });
  it('gives a walked file of a downloaded folder its EDGAR filing date', async () => {
    const [w] = walked(downloaded);
    assert.equal(await late(w.path, w.manifest), true);
    assert.equal(await late(w.path), true, 'not known: looked for');
  });
  it('does not look for a manifest where the walk found none', async () => {
    const [w] = walked(plain);
    assert.equal(await late(w.path, w.manifest), false);
    // The walk's word is taken: a manifest written beside the file after the walk listed its folder is not read.
    fs.copyFileSync(path.join(downloaded, MANIFEST_NAME), path.join(plain, MANIFEST_NAME));
    try {
      assert.equal(await late(w.path, w.manifest), false);
      assert.equal(await late(w.path), true);
    } finally {
      fs.rmSync(path.join(plain, MANIFEST_NAME));
    }
  });
});
