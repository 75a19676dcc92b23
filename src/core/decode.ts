/**
 * Bytes of a file to the text that spans index into.
 *
 * - A UTF-8 byte-order mark is removed (VS Code's `TextDocument.getText()` does not hold it either), and so are
 *   the UTF-16 LE/BE marks; UTF-16 without a mark is recognized from `<?` / `<o` in the first four bytes.
 * - Without a mark, the XML declaration's `encoding` decides (ISO-8859-1, Latin-1, windows-1252 and US-ASCII are
 *   read as windows-1252, as every browser and EDGAR's own viewers do; UTF-8 as UTF-8).
 * - Bytes that are not valid UTF-8 (and no single-byte encoding declared) are read as windows-1252: every byte
 *   maps to one character, so nothing is lost, and a finding says which encoding was used and why.
 *
 * Never throws. Findings have no span (they are about the bytes, not the text) and rule id `encoding`.
 */
import type { Finding } from './model';

export interface Decoded {
  text: string;
  /** The encoding the text was read with: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  /** Whether a byte-order mark was found (and removed). */
  bom: boolean;
  /** The XML declaration's encoding label as written, when there is one. */
  declared: string | null;
  /** What the reader should know about the decoding (fallbacks, replaced bytes); empty when all is plain. */
  findings: Finding[];
}

const SINGLE_BYTE_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'us-ascii',
  'ascii',
  'iso-646-us',
  'ansi_x3.4-1968',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** windows-1252 code points of bytes 0x80..0x9F (the five undefined bytes map to the C1 control of the same value, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/** windows-1252 bytes to text; total (every byte gives one character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function finding(severity: Finding['severity'], message: string): Finding {
  return { rule: 'encoding', severity, message, span: null };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A native check and decode in one pass: about ten times faster than the byte loop above on valid files. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text when they are valid UTF-8, else null (then `firstInvalidUtf8` says where they break). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding label of an XML declaration at the start of ASCII-compatible bytes, or null. */
export function declaredXmlEncoding(bytes: Uint8Array): string | null {
  // The declaration must come first, but tolerate white space before it (common in hand-edited files).
  const head = decodeWindows1252(bytes.subarray(0, Math.min(bytes.length, 512)));
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/i.exec(head);
  return m ? m[2].trim() : null;
}

function utf16(bytes: Uint8Array, le: boolean, bom: boolean, declared: string | null): Decoded {
  const findings: Finding[] = [];
  let body = bytes.subarray(bom ? 2 : 0);
  if (body.length % 2 === 1) {
    findings.push(
      finding(
        'warning',
        `The file is UTF-16 but has an odd number of bytes; the last byte (0x${body[body.length - 1].toString(16).padStart(2, '0')}) was left out`,
      ),
    );
    body = body.subarray(0, body.length - 1);
  }
  const encoding = le ? 'utf-16le' : 'utf-16be';
  const units = new Array<number>(body.length / 2);
  for (let i = 0; i < units.length; i++)
    units[i] = le ? body[2 * i] | (body[2 * i + 1] << 8) : (body[2 * i] << 8) | body[2 * i + 1];
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.slice(i, i + 8192)));
  const text = parts.join('');
  // Lone surrogates are kept as they are (no bytes lost); say so, since they cannot be written back as UTF-8.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    findings.push(finding('warning', `The ${encoding.toUpperCase()} text holds unpaired surrogate code units`));
  return { text, encoding, bom, declared, findings };
}

/** Decode a file's bytes; see the module comment. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const rest = bytes.subarray(3);
    const strict = strictUtf8(rest);
    if (strict !== null)
      return {
        text: strict,
        encoding: 'utf-8',
        bom: true,
        declared: declaredXmlEncoding(rest),
        findings: [],
      };
    // A UTF-8 mark on bytes that are not UTF-8: keep every byte, say so.
    const bad = firstInvalidUtf8(rest);
    return {
      text: decodeWindows1252(rest),
      encoding: 'windows-1252',
      bom: true,
      declared: declaredXmlEncoding(rest),
      findings: [
        finding(
          'warning',
          `The file starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 0x${rest[bad].toString(16)} at offset ${bad + 3}); read as windows-1252`,
        ),
      ],
    };
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes, true, true, null);
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes, false, true, null);
  // UTF-16 without a mark (XML 1.0 appendix F): "<?" or "<o" as 16-bit units.
  if (b0 === 0x3c && b1 === 0x00 && b2 !== undefined && b2 !== 0x00 && b3 === 0x00)
    return utf16(bytes, true, false, null);
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== undefined && b3 !== 0x00)
    return utf16(bytes, false, false, null);

  const declared = declaredXmlEncoding(bytes);
  const label = declared?.toLowerCase() ?? null;
  const strict = strictUtf8(bytes);
  if (label !== null && SINGLE_BYTE_LABELS.has(label)) {
    // Pure ASCII reads the same either way; otherwise honour the declaration, as XML processors (and EDGAR) do.
    const findings: Finding[] = [];
    if (strict !== null && bytes.some((b) => b >= 0x80))
      findings.push(
        finding(
          'info',
          `The XML declaration names encoding "${declared}"; the file was read so, although its bytes would also read as UTF-8 (check accented names)`,
        ),
      );
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false, declared, findings };
  }
  if (strict !== null) {
    const findings: Finding[] = [];
    if (label !== null && !UTF8_LABELS.has(label))
      findings.push(
        finding(
          'info',
          `The XML declaration names encoding "${declared}", which this reader does not know; the bytes are valid UTF-8 and were read as UTF-8`,
        ),
      );
    return {
      text: strict,
      encoding: 'utf-8',
      bom: false,
      declared,
      findings,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  const what =
    label !== null && UTF8_LABELS.has(label) ? `declared ${declared} but is not valid UTF-8` : 'is not valid UTF-8';
  return {
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    bom: false,
    declared,
    findings: [
      finding(
        'warning',
        `The file ${what} (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}); read as windows-1252, so every byte is kept`,
      ),
    ],
  };
}

/** `%PDF-` within the first 1024 bytes (PDF readers accept leading junk up to there). */
export function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i + 4 < n; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** Leading bytes of binary formats someone might open by mistake: images, archives (and Office files), executables. */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x49, 0x49, 0x2a, 0x00], // TIFF (little-endian)
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF (big-endian)
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, xlsx)
  [0x1f, 0x8b], // gzip
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (doc, xls, msg)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/**
 * Whether bytes look like a binary file rather than text: a known binary signature, NUL bytes making up more than
 * 0.1% of the first 8 KB (outside UTF-16), or more than 10% control bytes there. A stray NUL or two in text is damage,
 * not binary: the text is read and the NULs are reported where they are (`nulFindings`). PDFs are binary by this test
 * too: check `isPdf` first.
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return false;
  if ((b0 === 0x3c && b1 === 0x00) || (b0 === 0x00 && b1 === 0x3c)) return false;
  if (BINARY_MAGIC.some((m) => m.length <= bytes.length && m.every((b, i) => bytes[i] === b))) return true;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    // Control bytes other than tab, LF, FF, CR and ESC.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return (nul >= 2 && nul * 1000 > n) || control / n > 0.1;
}

/** At most this many NUL findings; a last one counts the rest. */
const MAX_NUL_FINDINGS = 20;

/**
 * One `encoding` finding per run of NUL characters in a decoded text, at the run: a NUL never belongs in a filing
 * (XML forbids it), so it marks where a file was damaged (a failed transfer or a disk error). The text around is
 * read as usual.
 */
export function nulFindings(text: string): Finding[] {
  const out: Finding[] = [];
  let runs = 0;
  for (let i = text.indexOf('\0'); i >= 0; i = text.indexOf('\0', i)) {
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) === 0) end++;
    runs++;
    if (out.length < MAX_NUL_FINDINGS) {
      const count = end - i;
      out.push({
        rule: 'encoding',
        severity: 'warning',
        message: `${count === 1 ? 'A NUL character' : `${count} NUL characters`} (U+0000) here: the file is damaged at this place; the text around it was read as usual`,
        span: { start: i, end },
      });
    }
    i = end;
  }
  if (runs > MAX_NUL_FINDINGS) {
    const last = out[out.length - 1];
    last.message += ` (${runs - MAX_NUL_FINDINGS} more places with NUL characters follow)`;
  }
  return out;
}
