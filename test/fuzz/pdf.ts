/**
 * Hand-built PDFs for the fuzzer (a correct cross-reference table around whatever objects a case wants), and the
 * hostile PDF cases built with them.
 */
import * as zlib from 'node:zlib';
import { fromLatin1, latin1 } from './mutators';
import { randomText } from './rng';

/** A PDF of the given objects (numbered from 1; object 1 must be the catalog), with a correct xref table. */
export function buildPdf(
  objects: (string | Buffer)[],
  opts: { header?: string; trailerExtra?: string; xrefOffsetDelta?: number } = {},
): Buffer {
  const parts: Buffer[] = [Buffer.from(opts.header ?? '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let len = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(len);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof o === 'string' ? Buffer.from(o, 'latin1') : o,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(b);
    len += b.length;
  });
  const xrefAt = len;
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${opts.trailerExtra ?? ''} >>\nstartxref\n${xrefAt + (opts.xrefOffsetDelta ?? 0)}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

export function stream(data: Buffer | string, dict = '', flate = false): Buffer {
  let body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  if (flate) body = zlib.deflateSync(body, { level: 9 });
  return Buffer.concat([
    Buffer.from(`<< /Length ${body.length}${flate ? ' /Filter /FlateDecode' : ''} ${dict} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A one-page PDF whose page shows `content` (a content stream) with font /F1. */
export function onePage(
  content: Buffer | string,
  opts: { flate?: boolean; pageExtra?: string; pagesExtra?: string; count?: number } = {},
): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${opts.count ?? 1} ${opts.pagesExtra ?? ''} >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R ${opts.pageExtra ?? ''} >>`,
    FONT,
    stream(content, '', opts.flate),
  ]);
}

/** A text line at (x, y) in the content-stream language. */
export const textOp = (x: number, y: number, s: string, size = 9): string =>
  `BT /F1 ${size} Tf ${x} ${y} Td (${s.replace(/[()\\]/g, (c) => '\\' + c)}) Tj ET\n`;

/** A PDF with `n` pages, each with a line of text. */
export function manyPages(n: number): Buffer {
  const objs: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT];
  const kids: string[] = [];
  for (let i = 0; i < n; i++) {
    const pageNo = objs.length + 1;
    kids.push(`${pageNo} 0 R`);
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`,
    );
    objs.push(stream(textOp(72, 700, `FORM 4 page ${i + 1}`)));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  return buildPdf(objs);
}

/**
 * The hostile PDFs (the PDF reader runs with its own time limit; see src/core/pdf): random bytes after a header, a
 * flate bomb, floods of text operators, lying page counts, loops in the page tree and the cross-reference chain,
 * deep nesting, an unknown password, impossible coordinates, a garbage font, and one page past the page limit.
 * `base` is a real PDF of the corpus.
 */
export function hostilePdfCases(seed: number, base: () => Buffer): { name: string; make: () => Buffer }[] {
  const out: { name: string; make: () => Buffer }[] = [];
  const p = (name: string, make: () => Buffer): void => {
    out.push({ name, make });
  };
  p('pdf-header-only', () => Buffer.from('%PDF-1.7\n'));
  p('pdf-random-10b', () => fromLatin1('%PDF-1.4\n' + randomText(seed + 10, 10)));
  p('pdf-random-64kb', () => fromLatin1('%PDF-1.4\n' + randomText(seed + 11, 65_536)));
  p('pdf-random-2mb', () => fromLatin1('%PDF-1.4\n' + randomText(seed + 12, 2_000_000)));
  p('pdf-junk-before-header', () => Buffer.concat([fromLatin1(randomText(seed + 13, 1000)), base()]));
  p('pdf-minimal-text', () =>
    onePage(textOp(72, 720, 'FORM 4') + textOp(72, 700, 'Statement of Changes in Beneficial Ownership')),
  );
  p('pdf-flate-bomb-64mb', () => onePage(Buffer.alloc(64 * 1024 * 1024, 0x20), { flate: true }));
  p('pdf-text-ops-50000', () =>
    onePage(
      Array.from({ length: 50_000 }, (_, i) => textOp(10 + (i % 50) * 11, 10 + ((i * 7) % 770), `t${i}`, 6)).join(''),
    ),
  );
  p('pdf-text-ops-same-spot-20000', () =>
    onePage(Array.from({ length: 20_000 }, () => textOp(100, 400, 'Common Stock 01/02/2024 S 100 D $1.00')).join('')),
  );
  p('pdf-page-count-lie', () => onePage(textOp(72, 700, 'FORM 4'), { count: 1_000_000_000 }));
  p('pdf-page-tree-loop', () =>
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    ]),
  );
  p('pdf-deep-array-100k', () =>
    onePage(textOp(72, 700, 'FORM 4'), { pageExtra: '/Deep ' + '['.repeat(100_000) + ']'.repeat(100_000) }),
  );
  p('pdf-deep-dict-50k', () =>
    onePage(textOp(72, 700, 'FORM 4'), { pageExtra: '/Deep ' + '<< /A '.repeat(50_000) + '1' + ' >>'.repeat(50_000) }),
  );
  p('pdf-deep-content-q-100k', () => onePage('q '.repeat(100_000) + textOp(72, 700, 'FORM 4') + 'Q '.repeat(100_000)));
  p('pdf-xref-loop', () => {
    const b = latin1(onePage(textOp(72, 700, 'FORM 4')));
    const at = b.lastIndexOf('xref');
    return fromLatin1(b.replace('/Root 1 0 R', `/Root 1 0 R /Prev ${at}`));
  });
  p('pdf-xref-wrong-offsets', () =>
    buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      ],
      { xrefOffsetDelta: 17 },
    ),
  );
  p('pdf-encrypted-unknown-password', () =>
    fromLatin1(
      latin1(onePage(textOp(72, 700, 'FORM 4'))).replace(
        '/Root 1 0 R',
        `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >> /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
      ),
    ),
  );
  p('pdf-nan-coordinates', () =>
    fromLatin1(
      latin1(
        onePage('BT /F1 1e308 Tf 1e308 -1e308 Td (FORM 4) Tj ET BT /F1 0 Tf 0 0 0 0 0 0 Tm (x) Tj ET', {
          pageExtra: '/Rotate 45',
        }),
      ).replace('[0 0 612 792]', '[0 0 1e308 -1e308]'),
    ),
  );
  p('pdf-font-garbage', () =>
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /TrueType /BaseFont /Junk /FirstChar 0 /LastChar 255 /Widths [] /FontDescriptor 6 0 R /ToUnicode 7 0 R >>',
      stream(textOp(72, 700, 'FORM 4 garbage font')),
      '<< /Type /FontDescriptor /FontName /Junk /Flags 4 /FontBBox [0 0 1 1] /ItalicAngle 0 /Ascent 1 /Descent 0 /CapHeight 1 /StemV 1 /FontFile2 8 0 R >>',
      stream(
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 99999999 beginbfrange <00> <FF> <0000> endbfrange endcmap',
      ),
      stream(fromLatin1(randomText(seed + 14, 30_000))),
    ]),
  );
  p('pdf-61-pages', () => manyPages(61));
  p('pdf-60-pages', () => manyPages(60));
  return out;
}
