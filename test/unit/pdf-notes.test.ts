import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, sharedOrSkip } from '../helpers/shared';
import { parsePdfUntimed } from '../helpers/pdf';

const KAMPANI = path.join(CORPUS_DIR, 'pdf', 'labrat__Vault-Assets__PDFs__cc155ed2-b508-4991-ad82-36e47ea2dee2.pdf');

describe('PDF remarks and footnotes: line breaks as written; the accession number from the metadata', () => {
  it('keeps a line the filer ended short, and joins lines the text wrapped at the edge', async function () {
    sharedOrSkip(this, KAMPANI);
    const out = await parsePdfUntimed(new Uint8Array(fs.readFileSync(KAMPANI)), KAMPANI);
    assert.ok(out.ok, 'read as a filing');
    // EDGAR's PDF gives its accession number as the document title
    assert.equal(out.filing.pdf?.accession, '0000899243-22-029885');
    assert.equal(
      out.filing.remarks.value,
      'Senior Vice President, General Counsel and Secretary\nExhibit 24 - Power of Attorney',
    );
    // footnote 2 wraps over several lines of the full width: one paragraph
    const f2 = out.filing.footnotes.find((f) => f.id.value === 'F2')!;
    assert.ok(!String(f2.text.value).includes('\n'), `footnote 2: ${f2.text.value}`);
    assert.match(String(f2.text.value), /^The price reported in column 4 is a weighted average price\. These shares/);
  });
});
