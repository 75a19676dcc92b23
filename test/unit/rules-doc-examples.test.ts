/**
 * The examples of docs/RULES.md are true: each, put into the document's base filing (test/unit/doc-examples.ts says
 * how), gives exactly the findings the document shows, and every rule has such an example unless it needs an input
 * that cannot be written as a change to the base filing (listed below, with the reason; their examples show the
 * command line instead).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectText } from '../../src/core/inspect';
import { reconcileFilings } from '../../src/core/reconcile';
import { CROSS_RULES, RULES } from '../../src/core/rules';
import type { Filing, Finding } from '../../src/core/model';
import { composeSubmission, composeXml, readExamples, type DocExample } from './doc-examples';

const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'RULES.md'), 'utf8');
const { baseXml, baseHeader, examples } = readExamples(doc);

/** Rules whose example is a command line: their input is not a change to the base filing. */
const SHOWN_ON_THE_COMMAND_LINE: Record<string, string> = {
  encoding: 'needs bytes that are not valid UTF-8',
  'xml-limit': 'needs 201 nested elements',
  'read-limit': 'needs a plain-text form with over 300 rows',
  'submission-several-ownership-documents': 'needs a second document in the submission',
  'html-box-missing': 'needs an EDGAR-rendered HTML page',
  'html-ambiguous-value': 'needs an EDGAR-rendered HTML page',
  'html-unknown-column': 'needs an EDGAR-rendered HTML page',
  'html-unknown-footnote': 'needs an EDGAR-rendered HTML page',
  'value-unreadable': 'needs an EDGAR-rendered HTML page',
  unreadable: 'needs a file that is not an ownership filing',
  'extraction-uncertain': 'needs a PDF or an OCR text',
  'internal-error': 'needs a rule that fails',
};

const CROSS = new Set(CROSS_RULES.map((r) => r.id));

function filingOf(text: string, file: string): Filing {
  const out = inspectText(text, file);
  assert.ok(out.ok, out.ok ? '' : `${file} is not read: ${out.reason}`);
  return out.filing;
}

const base = (): Filing => filingOf(baseXml, 'base-form4.xml');

function findingsOf(ex: DocExample): Finding[] {
  const xml = composeXml(baseXml, ex.xml);
  const filing =
    ex.header === null
      ? filingOf(xml, 'example-form4.xml')
      : filingOf(composeSubmission(baseHeader, ex.header, xml), 'example-form4.txt');
  if (!CROSS.has(ex.rule)) return filing.findings;
  return reconcileFilings([base(), filing]).map((c) => c.finding);
}

const line = (f: { severity: string; rule: string; message: string }): string =>
  `${f.severity} ${f.rule}: ${f.message}`;

describe('docs/RULES.md: the examples', () => {
  it('start from a base filing without findings, alone and as a submission', () => {
    assert.deepEqual(base().findings.map(line), []);
    const sub = filingOf(composeSubmission(baseHeader, '', baseXml), 'base-form4.txt');
    assert.equal(sub.source, 'submission');
    assert.deepEqual(sub.findings.map(line), []);
  });

  it('cover every rule, but those shown on the command line', () => {
    const withExample = new Set(examples.map((e) => e.rule));
    for (const r of RULES)
      assert.ok(
        withExample.has(r.id) !== r.id in SHOWN_ON_THE_COMMAND_LINE,
        withExample.has(r.id)
          ? `${r.id} has an example; take it off SHOWN_ON_THE_COMMAND_LINE`
          : `${r.id} has no example in docs/RULES.md`,
      );
    for (const id of Object.keys(SHOWN_ON_THE_COMMAND_LINE))
      assert.ok(
        RULES.some((r) => r.id === id),
        `${id} is no rule`,
      );
  });

  for (const ex of examples)
    it(`${ex.rule} (line ${ex.line}) gives the findings shown`, () => {
      assert.ok(ex.findings.length > 0, 'the example shows no finding');
      for (const f of ex.findings)
        assert.equal(f.rule, ex.rule, `the example of ${ex.rule} shows a finding of ${f.rule}`);
      const got = findingsOf(ex).map(line);
      for (const want of ex.findings.map(line)) assert.ok(got.includes(want), `${want}\nnot among:\n${got.join('\n')}`);
    });
});
