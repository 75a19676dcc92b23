/** Hand-built PDFs for the fuzzer: a correct cross-reference table around whatever objects a case wants. */
import * as zlib from 'node:zlib';

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
