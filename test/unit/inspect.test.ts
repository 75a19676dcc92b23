/**
 * The core's one entry (src/core/inspect.ts): PDFs go to the reader the caller passes, a caller's detection is
 * used as given, and the caller's severities reach every finding: the parsers', the decoder's, the rules', and
 * those of an input that could not be read.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../../src/core/detect';
import { inspectBytes, inspectText, NO_PDF_READER } from '../../src/core/inspect';
import { emptyFiling, type Finding, type ParseOutcome } from '../../src/core/model';
import type { PdfReader } from '../../src/core/pdf/reader';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'holdings-mismatch-form4.xml');
const PDF = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');

const note = (rule: string): Finding => ({ rule, severity: 'info', message: `${rule} note`, span: null });

/** A PDF reader that returns a fixed outcome and counts its calls. */
function fakeReader(outcome: () => ParseOutcome): PdfReader & { calls: number } {
  const read = Object.assign(
    async () => {
      read.calls++;
      return outcome();
    },
    { calls: 0 },
  );
  return read;
}

describe('inspect', () => {
  describe('PDFs through the reader the caller passes', () => {
    it('without a reader, a PDF gets a plain reason and nothing is read', async () => {
      const out = await inspectBytes(PDF, 'a.pdf');
      assert.deepEqual(out, { ok: false, reason: NO_PDF_READER, findings: [] });
    });

    it("a reader's filing is checked: the rules run and the caller's severities apply to the reader's findings", async () => {
      const read = fakeReader(() => {
        const filing = emptyFiling('a.pdf', 'pdf', '');
        filing.documentType = { ...filing.documentType, value: '9', raw: '9', present: true };
        filing.findings.push(note('extraction-uncertain'), note('value-unreadable'));
        return { ok: true, filing };
      });
      const out = await inspectBytes(PDF, 'a.pdf', {
        readPdf: read,
        severities: { 'extraction-uncertain': 'error', 'value-unreadable': 'off' },
      });
      assert.equal(read.calls, 1);
      assert.ok(out.ok);
      const rules = out.filing.findings.map((f) => `${f.rule}:${f.severity}`);
      assert.equal(rules[0], 'extraction-uncertain:error');
      assert.ok(!rules.some((r) => r.startsWith('value-unreadable')), rules.join(', '));
      assert.ok(
        rules.includes('document-type:warning'),
        `the rules ran (capped at warning for a PDF): ${rules.join(', ')}`,
      );
    });

    it("the findings of a PDF that could not be read get the caller's severities too", async () => {
      const read = fakeReader(() => ({
        ok: false,
        reason: 'no form here',
        findings: [note('extraction-uncertain'), note('encoding')],
      }));
      const out = await inspectBytes(PDF, 'a.pdf', { readPdf: read, severities: { encoding: 'off' } });
      assert.deepEqual(out, { ok: false, reason: 'no form here', findings: [note('extraction-uncertain')] });
    });

    it('a reader that rejects gives a plain reason', async () => {
      const read: PdfReader = () => Promise.reject(new Error('worker gone'));
      const out = await inspectBytes(PDF, 'a.pdf', { readPdf: read });
      assert.deepEqual(out, { ok: false, reason: 'PDF could not be read: worker gone', findings: [] });
    });
  });

  describe('text', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');

    it("uses the caller's detection as given", () => {
      const detection = detectKind(text);
      assert.equal(detection.kind, 'xml');
      const out = inspectText(text, EXAMPLE, {}, detection);
      assert.ok(out.ok && out.filing.source === 'xml');
      const refused = inspectText(text, EXAMPLE, {}, { kind: 'unknown', reason: 'the caller says no' });
      assert.deepEqual(refused, { ok: false, reason: 'the caller says no', findings: [] });
    });

    it('detects the kind itself when no detection is given', () => {
      const out = inspectText(text, EXAMPLE);
      assert.ok(out.ok && out.filing.source === 'xml');
      assert.ok(out.filing.findings.some((f) => f.rule === 'holdings-reconcile'));
    });

    it("without the rules, the caller's severities still apply to what the reading found", async () => {
      const damaged = Buffer.from(text.replace('<issuer>', '<issuer>\0'), 'utf8');
      const read = await inspectBytes(damaged, EXAMPLE, { noRules: true });
      assert.ok(read.ok);
      assert.deepEqual(
        read.filing.findings.map((f) => f.rule),
        ['encoding'],
      );
      const off = await inspectBytes(damaged, EXAMPLE, { noRules: true, severities: { encoding: 'off' } });
      assert.ok(off.ok);
      assert.deepEqual(off.filing.findings, []);
      const raised = await inspectBytes(damaged, EXAMPLE, { severities: { encoding: 'error' } });
      assert.ok(raised.ok);
      assert.equal(raised.filing.findings[0].rule, 'encoding');
      assert.equal(raised.filing.findings[0].severity, 'error');
      assert.equal(raised.filing.findings.filter((f) => f.rule === 'holdings-reconcile').length, 1);
    });
  });
});
