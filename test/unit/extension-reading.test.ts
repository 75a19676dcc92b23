// The extension's reading path (src/extension/reading.ts): an open document (text) and a file read from disk
// (bytes) give the same filing; only ownership filings are parsed; the settings' severities are applied once; PDFs
// go to the reader the extension passes in, and only there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ParseOutcome } from '../../src/core/model';
import { MAX_INPUT_BYTES } from '../../src/core/inspect';
import { notFiling, type PdfReader } from '../../src/extension/reading';
import { readBytes, readText } from '../helpers/reading';

const ROOT = path.join(__dirname, '..', '..');
const MISMATCH = path.join(ROOT, 'examples', 'holdings-mismatch-form4.xml');
const SUBMISSION = path.join(ROOT, 'examples', 'quillfeather-form4-submission.txt');

const noPdf: PdfReader = async () => assert.fail('a text input reached the PDF reader');

function findings(out: ParseOutcome): string[] {
  return (out.ok ? out.filing.findings : out.findings).map((f) => `${f.rule}:${f.severity}`);
}

describe('extension reading path', () => {
  it('reads an ownership filing from text, keeping the text its spans index into', () => {
    const text = fs.readFileSync(MISMATCH, 'utf8');
    const r = readText(text, 'file:///m.xml', {});
    assert.strictEqual(r.isFiling, true);
    assert.ok(r.outcome.ok);
    assert.strictEqual(r.outcome.filing.source, 'xml');
    assert.strictEqual(r.text, text);
    assert.ok(findings(r.outcome).includes('holdings-reconcile:error'));
  });

  it('leaves other text alone: not a filing, with the reason, and nothing parsed', () => {
    const r = readText('<?xml version="1.0"?>\n<config><a>1</a></config>\n', 'file:///c.xml', {});
    assert.strictEqual(r.isFiling, false);
    assert.ok(!r.outcome.ok && r.outcome.reason.length > 0);
    assert.deepStrictEqual(r.outcome.findings, []);
    assert.strictEqual(r.text, '');
  });

  it('does not read text larger than any filing', () => {
    const r = readText(' '.repeat(MAX_INPUT_BYTES + 1), 'file:///big.txt', {});
    assert.strictEqual(r.isFiling, false);
    assert.ok(!r.outcome.ok && /too large/.test(r.outcome.reason));
  });

  it('applies the severities of the settings once: a changed severity, a rule turned off', () => {
    const text = fs.readFileSync(MISMATCH, 'utf8');
    const warn = readText(text, 'file:///m.xml', { severities: { 'holdings-reconcile': 'warning' } });
    const all = findings(readText(text, 'file:///m.xml', {}).outcome);
    const warned = findings(warn.outcome);
    assert.strictEqual(warned.length, all.length, 'no finding added or repeated');
    assert.deepStrictEqual(
      warned.filter((f) => f.startsWith('holdings-reconcile:')),
      all.filter((f) => f.startsWith('holdings-reconcile:')).map(() => 'holdings-reconcile:warning'),
    );
    const off = findings(readText(text, 'file:///m.xml', { severities: { 'holdings-reconcile': 'off' } }).outcome);
    assert.ok(!off.some((f) => f.startsWith('holdings-reconcile:')), off.join(', '));
  });

  for (const file of [MISMATCH, SUBMISSION]) {
    it(`gives the same filing from bytes as from the open document: ${path.basename(file)}`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const options = { severities: { 'holdings-reconcile': 'info' as const } };
      const fromText = readText(new TextDecoder().decode(bytes), 'file:///f', options);
      const fromBytes = await readBytes(bytes, 'file:///f', options, noPdf);
      assert.strictEqual(fromBytes.isFiling, true);
      assert.strictEqual(fromBytes.text, fromText.text);
      assert.deepStrictEqual(fromBytes.outcome, fromText.outcome);
    });
  }

  it('hands a PDF to the reader it is given, and checks what the reader returns', async () => {
    const pdf = new Uint8Array(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pdf', 'not-a-form.pdf')));
    const calls: string[] = [];
    const reader: PdfReader = async (bytes, file) => {
      calls.push(file);
      assert.strictEqual(bytes, pdf);
      return { ok: false, reason: 'not a Form 3, 4 or 5 (from the test reader)', findings: [] };
    };
    const r = await readBytes(pdf, 'file:///x.pdf', {}, reader);
    assert.deepStrictEqual(calls, ['file:///x.pdf']);
    assert.strictEqual(r.isFiling, false);
    assert.ok(!r.outcome.ok && r.outcome.reason.includes('from the test reader'));
  });

  it('counts a file from disk as a filing only when it reads as one', async () => {
    const r = await readBytes(new TextEncoder().encode('just some notes\n'), 'file:///n.txt', {}, noPdf);
    assert.strictEqual(r.isFiling, false);
    assert.strictEqual(r.text, '');
  });

  it('says why an input is not a filing', () => {
    assert.deepStrictEqual(notFiling('because'), {
      outcome: { ok: false, reason: 'because', findings: [] },
      isFiling: false,
      text: '',
    });
  });
});
