/** Bytes to text: byte-order marks, UTF-16, declared single-byte encodings, the windows-1252 fallback, binary and PDF sniffing. */
import * as assert from 'node:assert/strict';
import {
  decodeBytes,
  decodeWindows1252,
  firstInvalidUtf8,
  isPdf,
  isProbablyBinary,
  nulFindings,
} from '../../src/core/decode';
import { inspectBytes } from '../../src/core/inspect';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const XML = '<?xml version="1.0"?>\n<ownershipDocument><issuerName>Société Générale</issuerName></ownershipDocument>\n';
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
const utf16 = (s: string, le: boolean): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return out;
};

describe('decode: UTF-8', () => {
  it('plain UTF-8: no BOM, no findings', () => {
    const d = decodeBytes(bytes(XML));
    assert.deepEqual([d.text, d.encoding, d.bom, d.findings.length], [XML, 'utf-8', false, 0]);
  });

  it('removes a UTF-8 BOM so offsets match the editor text', () => {
    const d = decodeBytes(bytes([0xef, 0xbb, 0xbf], XML));
    assert.equal(d.text, XML);
    assert.equal(d.bom, true);
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.text.indexOf('<ownershipDocument>'), XML.indexOf('<ownershipDocument>'));
  });

  it('finds the first byte that breaks UTF-8 (overlong, surrogate, truncated)', () => {
    assert.equal(firstInvalidUtf8(bytes('abc')), -1);
    assert.equal(firstInvalidUtf8(bytes('ab', [0xc0, 0x80])), 2); // overlong NUL
    assert.equal(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80])), 1); // UTF-16 surrogate
    assert.equal(firstInvalidUtf8(bytes('é', [0xe2, 0x82])), 2); // cut short
    assert.equal(firstInvalidUtf8(bytes('€😀')), -1);
  });
});

describe('decode: UTF-16', () => {
  it('UTF-16 LE with BOM', () => {
    const d = decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16(XML, true)]));
    assert.deepEqual([d.text, d.encoding, d.bom], [XML, 'utf-16le', true]);
  });

  it('UTF-16 BE with BOM', () => {
    const d = decodeBytes(Uint8Array.from([0xfe, 0xff, ...utf16(XML, false)]));
    assert.deepEqual([d.text, d.encoding, d.bom], [XML, 'utf-16be', true]);
  });

  it('UTF-16 LE without BOM, recognized from "<?"', () => {
    const d = decodeBytes(Uint8Array.from(utf16(XML, true)));
    assert.deepEqual([d.text, d.encoding, d.bom], [XML, 'utf-16le', false]);
  });

  it('odd byte count: the stray byte is reported, not silently dropped', () => {
    const d = decodeBytes(Uint8Array.from([0xff, 0xfe, ...utf16('<a/>', true), 0x41]));
    assert.equal(d.text, '<a/>');
    assert.equal(d.findings.length, 1);
    assert.match(d.findings[0].message, /odd number of bytes.*0x41/);
  });
});

describe('decode: declared and fallback single-byte encodings', () => {
  it('encoding="ISO-8859-1" is honoured (as windows-1252)', () => {
    const latin = Uint8Array.from([
      ...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<x>Soci'),
      0xe9,
      ...Buffer.from('t'),
      0xe9,
      0x20,
      0x80,
      ...Buffer.from('</x>'),
    ]);
    const d = decodeBytes(latin);
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.declared, 'ISO-8859-1');
    assert.ok(d.text.endsWith('<x>Société €</x>'));
    assert.equal(d.findings.length, 0);
  });

  it('encoding="US-ASCII" with ASCII bytes reads plainly', () => {
    const d = decodeBytes(bytes('<?xml version="1.0" encoding="US-ASCII"?><x>ok</x>'));
    assert.equal(d.text, '<?xml version="1.0" encoding="US-ASCII"?><x>ok</x>');
    assert.equal(d.findings.length, 0);
  });

  it('invalid UTF-8 without a declaration falls back to windows-1252, keeps every byte, and says so', () => {
    const raw = Uint8Array.from([
      ...Buffer.from('<x>Caf'),
      0xe9,
      0x93,
      ...Buffer.from('quoted'),
      0x94,
      ...Buffer.from('</x>'),
    ]);
    const d = decodeBytes(raw);
    assert.equal(d.encoding, 'windows-1252');
    assert.equal(d.text, '<x>Café“quoted”</x>');
    assert.equal(d.text.length, raw.length, 'one character per byte');
    assert.equal(d.findings.length, 1);
    assert.equal(d.findings[0].severity, 'warning');
    assert.match(d.findings[0].message, /not valid UTF-8 \(byte 0xe9 at offset 6\); read as windows-1252/);
  });

  it('a file declared UTF-8 that is not: same fallback, the message names the declaration', () => {
    const d = decodeBytes(
      Uint8Array.from([...Buffer.from('<?xml version="1.0" encoding="UTF-8"?><x>'), 0xff, ...Buffer.from('</x>')]),
    );
    assert.equal(d.encoding, 'windows-1252');
    assert.match(d.findings[0].message, /declared UTF-8 but is not valid UTF-8/);
  });

  it('windows-1252 maps 0x80..0x9F to the typographic characters and never fails', () => {
    assert.equal(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x96, 0x97, 0x81, 0xa0, 0xff])), '€…–—\u0081\u00a0ÿ');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.equal(decodeWindows1252(all).length, 256);
  });

  it('never throws on any short byte sequence', () => {
    for (let a = 0; a < 256; a += 3)
      for (let b = 0; b < 256; b += 5) decodeBytes(Uint8Array.from([a, b, 0x3c, 0x00, 0xef]));
    decodeBytes(new Uint8Array(0));
  });
});

describe('decode: binary and PDF sniffing', () => {
  it('isPdf finds %PDF- within the first 1024 bytes only', () => {
    assert.equal(isPdf(bytes('%PDF-1.7\n')), true);
    assert.equal(isPdf(bytes('junk\r\n%PDF-1.4')), true);
    assert.equal(isPdf(bytes('x'.repeat(1100), '%PDF-1.4')), false);
    assert.equal(isPdf(bytes('%PDF')), false);
  });

  it('isProbablyBinary: a binary signature, NUL bytes or many control bytes, but not UTF-16 text', () => {
    assert.equal(isProbablyBinary(bytes(XML)), false);
    assert.equal(isProbablyBinary(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), true); // a ZIP
    assert.equal(isProbablyBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), true); // a PNG
    assert.equal(isProbablyBinary(bytes('GIF89a')), true);
    // NULs spread through the bytes are binary; a stray one in text is damage, read as text (and reported)
    assert.equal(isProbablyBinary(Uint8Array.from({ length: 4000 }, (_, i) => (i % 50 === 0 ? 0x00 : 0x41))), true);
    assert.equal(isProbablyBinary(bytes(XML.repeat(40), [0], XML.repeat(40))), false);
    assert.equal(isProbablyBinary(bytes('a', [0, 0])), true);
    assert.equal(isProbablyBinary(Uint8Array.from([0xff, 0xfe, ...utf16(XML, true)])), false);
    assert.equal(isProbablyBinary(Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), true);
    assert.equal(isProbablyBinary(new Uint8Array(0)), false);
  });
});

describe('decode: NUL characters in text', () => {
  it('one finding per run of NULs, at the run', () => {
    const text = 'ab\0cd\0\0\0ef';
    assert.deepEqual(
      nulFindings(text).map((f) => [f.rule, f.severity, f.span, text.slice(f.span!.start, f.span!.end).length]),
      [
        ['encoding', 'warning', { start: 2, end: 3 }, 1],
        ['encoding', 'warning', { start: 5, end: 8 }, 3],
      ],
    );
    assert.match(nulFindings(text)[1].message, /^3 NUL characters \(U\+0000\) here/);
    assert.deepEqual(nulFindings('no nul here'), []);
  });

  it('at most 20 findings; the last one counts the places left', () => {
    const f = nulFindings('x\0'.repeat(25));
    assert.equal(f.length, 20);
    assert.match(f[19].message, /\(5 more places with NUL characters follow\)$/);
  });

  it('a filing with a stray NUL byte is read, with the NUL reported at its place', async () => {
    const xml = readFileSync(join(__dirname, '..', '..', 'examples', 'alto-ingredients-form4.xml'), 'utf8');
    const at = xml.indexOf('<issuerName>') + '<issuerName>'.length;
    const out = await inspectBytes(Buffer.from(xml.slice(0, at) + '\0' + xml.slice(at), 'utf8'), 'damaged.xml');
    assert.ok(out.ok, out.ok ? '' : out.reason);
    const nul = out.filing.findings.filter((f) => f.rule === 'encoding');
    assert.deepEqual(
      nul.map((f) => f.span),
      [{ start: at, end: at + 1 }],
    );
    assert.equal(out.filing.issuer.name.value, '\0' + 'Alto Ingredients, Inc.');
  });
});
