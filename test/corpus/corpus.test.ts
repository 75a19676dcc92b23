/**
 * Every text filing of the shared corpus (xml/, txt/, doc/*.xml), one test per file so a failure names it:
 * decoded, detected from content, parsed without an exception; an ownership filing is read with the row, owner
 * and footnote counts of an independent regex count of the raw text (and of the MANIFEST where it has them),
 * every span exact; anything else gives ok:false with a one-line reason. The JSON model is built for each.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusAvailable, corpusFiles, corpusOrSkip, manifest, CORPUS_DIR } from '../helpers/shared';
import { decodeBytes, isPdf, isProbablyBinary } from '../../src/core/decode';
import { detectKind } from '../../src/core/detect';
import { parseText } from '../../src/core/parse';
import { toJson } from '../../src/core/json';
import type { Filing } from '../../src/core/model';
import { assertSpans } from '../helpers/span-assert';

/** Counts of the first ownership document by plain regexes over the raw text (comments removed). */
function independentCounts(raw: string): Record<string, number> | null {
  const start = raw.search(/<ownershipDocument[\s>]/);
  if (start < 0) return null;
  const endTag = raw.indexOf('</ownershipDocument>', start);
  const doc = raw.slice(start, endTag < 0 ? raw.length : endTag).replace(/<!--[\s\S]*?-->/g, '');
  const n = (re: RegExp): number => (doc.match(re) ?? []).length;
  return {
    nOwners: n(/<reportingOwner[\s>]/g),
    nNDT: n(/<nonDerivativeTransaction[\s>]/g),
    nNDH: n(/<nonDerivativeHolding[\s>]/g),
    nDT: n(/<derivativeTransaction[\s>]/g),
    nDH: n(/<derivativeHolding[\s>]/g),
    nFoot: n(/<footnote[\s>]/g),
  };
}

function modelCounts(f: Filing): Record<string, number> {
  return {
    nOwners: f.reportingOwners.length,
    nNDT: f.nonDerivative.filter((r) => r.kind === 'transaction').length,
    nNDH: f.nonDerivative.filter((r) => r.kind === 'holding').length,
    nDT: f.derivative.filter((r) => r.kind === 'transaction').length,
    nDH: f.derivative.filter((r) => r.kind === 'holding').length,
    nFoot: f.footnotes.length,
  };
}

const MALFORMED = 'txt/cjavdev-secedgar__sec_edgar__filing16.txt';

describe('corpus: every text filing', function () {
  this.timeout(60_000);
  if (!corpusAvailable()) {
    it('needs the shared corpus', function () {
      corpusOrSkip(this);
    });
    return;
  }
  const files = [...corpusFiles('xml'), ...corpusFiles('txt'), ...corpusFiles('doc', (n) => n.endsWith('.xml'))];
  const rows = new Map(manifest().map((r) => [r.local_file, r]));

  it('holds the expected folders', () => {
    assert.ok(files.length > 500, `only ${files.length} files under xml/, txt/, doc/`);
  });

  for (const file of files) {
    const rel = path.relative(CORPUS_DIR, file).split(path.sep).join('/');
    it(rel, () => {
      const bytes = fs.readFileSync(file);
      assert.equal(isPdf(bytes), false);
      assert.equal(isProbablyBinary(bytes), false, 'text file taken for binary');
      const decoded = decodeBytes(bytes);
      const detected = detectKind(decoded.text);
      assert.ok(detected.reason && !detected.reason.includes('\n'), 'detection needs a one-line reason');
      const out = parseText(decoded.text, rel);
      const want = independentCounts(decoded.text);
      const m = rows.get(rel);

      if (!want) {
        // Not an ownership XML filing: a plain reason, or (form text) whatever the text reader makes of it.
        if (!out.ok) {
          assert.ok(
            out.reason.length > 0 && !out.reason.includes('\n'),
            `reason must be one line: ${JSON.stringify(out.reason)}`,
          );
        } else {
          assert.equal(out.filing.source, 'text', `read as ${out.filing.source} without an ownership document`);
          assertSpans(out.filing);
        }
        return;
      }

      assert.ok(out.ok, `not read: ${out.ok ? '' : out.reason}`);
      const f = out.filing;
      assert.ok(detected.kind === 'xml' || detected.kind === 'submission', `detected as ${detected.kind}`);
      assert.equal(f.source, detected.kind);
      assert.equal(f.text, decoded.text);

      const got = modelCounts(f);
      assert.deepEqual(got, want, 'model counts vs. a regex count of the raw text');
      if (m)
        for (const col of Object.keys(want))
          if (m[col] !== '' && m[col] !== undefined) assert.equal(got[col], Number(m[col]), `${col} vs. MANIFEST`);
      if (m?.docType) assert.equal(f.documentType.value, m.docType, 'documentType vs. MANIFEST');

      if (f.source === 'submission') {
        const sub = f.submission;
        assert.ok(sub, 'a submission without its header');
        assert.match(sub.accessionNumber.value ?? '', /^\d{10}-\d{2}-\d{6}$/);
        assert.match(sub.filedAsOf.value ?? '', /^\d{4}-\d{2}-\d{2}$/);
        const header = decoded.text.slice(0, decoded.text.indexOf('<DOCUMENT>'));
        const owners = (header.match(/^[ \t]*REPORTING-OWNER:|<REPORTING-OWNER>/gm) ?? []).length;
        assert.equal(sub.reportingOwnerCiks.length, owners, 'REPORTING-OWNER sections of the header');
        assert.ok(sub.issuerCik.value, 'issuer CIK of the header');
        if (/<ACCEPTANCE-DATETIME>/.test(header))
          assert.match(sub.acceptanceDateTime.value ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      } else {
        assert.equal(f.submission, null);
      }

      if (rel === MALFORMED) {
        assert.ok(
          f.findings.some((x) => x.rule === 'xml-malformed'),
          'the broken </fo\\notnote> must give an xml-malformed finding',
        );
      } else {
        const errors = f.findings.filter((x) => x.rule === 'xml-malformed');
        assert.equal(errors.length, 0, `unexpected: ${errors.map((e) => e.message).join('; ')}`);
      }

      assertSpans(f);
      const j = toJson(f);
      assert.equal(j.nonDerivative.length + j.derivative.length, f.nonDerivative.length + f.derivative.length);
      assert.doesNotThrow(() => JSON.stringify(j));
    });
  }
});
