/** Kind detection from content only: misnamed files, prologs before the root, and plain reasons for what is not a filing. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind, looksLikeFormText } from '../../src/core/detect';

const SUB = path.join(__dirname, '..', 'fixtures', 'submission');
const read = (name: string): string => fs.readFileSync(path.join(SUB, name), 'utf8');

const OWNERSHIP =
  '<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4</documentType></ownershipDocument>';

describe('detect: ownership XML', () => {
  it('a bare root', () => assert.equal(detectKind(OWNERSHIP).kind, 'xml'));

  it('after a declaration, comments, a DOCTYPE, white space and a BOM', () => {
    const text =
      '\uFEFF  <?xml version="1.0" encoding="UTF-8"?>\n<!-- generated > by hand -->\n<!DOCTYPE ownershipDocument [ <!ENTITY x "y"> ]>\n' +
      OWNERSHIP;
    assert.deepEqual(detectKind(text), { kind: 'xml', reason: 'ownership XML document' });
  });

  it('after a prolog longer than the 64 KB head (a licence comment, a large internal subset)', () => {
    const comment = `<?xml version="1.0"?>\n<!-- ${'licence text '.repeat(6000)} -->\n`;
    assert.ok(comment.length > 65536);
    assert.deepEqual(detectKind(comment + OWNERSHIP), { kind: 'xml', reason: 'ownership XML document' });
    const subset = `<!DOCTYPE ownershipDocument [ ${'<!ENTITY e "x">\n'.repeat(5000)} ]>\n`;
    assert.equal(detectKind(subset + OWNERSHIP).kind, 'xml');
    // and still nothing when no root follows, or the comment never ends
    assert.equal(detectKind(comment).reason, 'XML with no root element');
    assert.equal(detectKind(comment.slice(0, -5)).reason, 'XML with no root element');
  });

  it('another XML root is named in the reason', () => {
    assert.deepEqual(detectKind('<?xml version="1.0"?>\n<edgarSubmission><x/></edgarSubmission>'), {
      kind: 'unknown',
      reason: 'XML, but not an ownership filing (root <edgarSubmission>)',
    });
    assert.equal(
      detectKind('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"></xs:schema>').reason,
      'XML, but not an ownership filing (root <xs:schema>)',
    );
  });
});

describe('detect: EDGAR submissions (whatever the file name says)', () => {
  it('KEY: value header with ownership XML', () =>
    assert.equal(detectKind(read('line-header.txt')).kind, 'submission'));
  it('<SUBMISSION> tag header (.nc)', () => assert.equal(detectKind(read('tag-header.nc')).kind, 'submission'));
  it('PEM-wrapped', () => assert.equal(detectKind(read('pem-wrapped.txt')).kind, 'submission'));

  it('a submission saved with a .xml name is still a submission', () => {
    assert.deepEqual(detectKind(read('saved-as.xml')), {
      kind: 'submission',
      reason: 'EDGAR submission of type 4 with an ownership document',
    });
  });

  it('a header-only file named .html is not an HTML page', () => {
    const d = detectKind(read('header-only.html'));
    assert.equal(d.kind, 'unknown');
    assert.match(d.reason, /^EDGAR submission header of type 4 without any document/);
  });

  it('a 10-Q: unknown, with the type in the reason', () => {
    assert.deepEqual(detectKind(read('ten-q.txt')), {
      kind: 'unknown',
      reason: 'EDGAR submission of type 10-Q: not an ownership filing (Forms 3, 4, 5)',
    });
  });

  it('a Form 4 filed as text before 2003 goes to the text reader', () => {
    const d = detectKind(read('text-form-2000.txt'));
    assert.equal(d.kind, 'text');
    assert.match(d.reason, /without ownership XML/);
  });

  it('the bare <XML> block cut out of a submission', () => {
    assert.equal(detectKind('<XML>\n<?xml version="1.0"?>\n' + OWNERSHIP + '\n</XML>\n').kind, 'submission');
  });
});

describe('detect: HTML', () => {
  it("EDGAR's rendered Form 4 (xslF345) by its title", () => {
    const html =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head><title>SEC FORM\n            4</title></head><body><table></table></body></html>';
    assert.deepEqual(detectKind(html), { kind: 'html', reason: 'EDGAR rendered HTML of Form 4' });
  });

  it('an HTML Form 3 without the title, by its box labels split by tags', () => {
    const html =
      '<html><body><b>INITIAL STATEMENT OF</b> <b>BENEFICIAL OWNERSHIP</b> OF SECURITIES<p>1. Name and Address of Reporting Person</p></body></html>';
    assert.equal(detectKind(html).kind, 'html');
  });

  it('another HTML page', () => {
    assert.deepEqual(
      detectKind('<!doctype html><html><head><title>Quarterly report</title></head><body><p>10-Q</p></body></html>'),
      {
        kind: 'unknown',
        reason: 'HTML page that is not an EDGAR Form 3/4/5',
      },
    );
  });
});

describe('detect: plain and OCR text', () => {
  it('a form text that happens to start with markup (<u>) is text, not XML', () => {
    const t =
      '<u>FORM 4</u>\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\nTable I - Non-Derivative Securities Acquired\n';
    assert.equal(detectKind(t).kind, 'text');
  });

  it('box labels without the title: three are enough, two are not', () => {
    assert.equal(
      looksLikeFormText(
        'Name and Address of Reporting Person\nTable I \u2014 Non-Derivative Securities\nExplanation of Responses:',
      ),
      true,
    );
    assert.equal(looksLikeFormText('Name and Address of Reporting Person\nExplanation of Responses:'), false);
  });

  it('JSON and a PDF decoded as text are named as such', () => {
    assert.deepEqual(detectKind('{\n  "file": "a.xml",\n  "source": "xml"\n}\n'), {
      kind: 'unknown',
      reason: 'JSON, not an ownership filing',
    });
    assert.equal(detectKind('[]').reason, 'JSON, not an ownership filing');
    assert.match(detectKind('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj').reason, /^a PDF read as text/);
  });

  it('other text, and an empty file', () => {
    assert.deepEqual(detectKind('Minutes of the board meeting\nAttendees: ...'), {
      kind: 'unknown',
      reason: 'text that is not a Form 3/4/5',
    });
    assert.deepEqual(detectKind(''), { kind: 'unknown', reason: 'empty file' });
    assert.deepEqual(detectKind(' \n\t'), { kind: 'unknown', reason: 'empty file' });
  });
});
