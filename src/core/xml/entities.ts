/**
 * Character and entity references in XML text and attribute values.
 *
 * Decoded: the five predefined entities, numeric references (decimal and hex; a code point that is not a
 * legal XML character becomes U+FFFD), and the HTML named entities that hand-made filings carry
 * (`&nbsp;`, typographic quotes and dashes, Latin-1 letters and signs). Nothing else is ever expanded:
 * entities a DOCTYPE declares are not read, so an unknown reference stays in the text literally and the
 * caller is told where (once), which makes "billion laughs" and external entities harmless by design.
 */

const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['sbquo', '\u201a'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['bdquo', '\u201e'],
  ['hellip', '\u2026'],
  ['bull', '\u2022'],
  ['middot', '\u00b7'],
  ['dagger', '\u2020'],
  ['Dagger', '\u2021'],
  ['permil', '\u2030'],
  ['prime', '\u2032'],
  ['Prime', '\u2033'],
  ['trade', '\u2122'],
  ['euro', '\u20ac'],
  ['minus', '\u2212'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['lsaquo', '\u2039'],
  ['rsaquo', '\u203a'],
  ['zwsp', '\u200b'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['shy', '\u00ad'],
]);

// Latin-1 supplement U+00A1..U+00FF by their HTML names, in code point order.
const LATIN1 =
  'iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
LATIN1.split(' ').forEach((name, i) => {
  if (!NAMED.has(name)) NAMED.set(name, String.fromCharCode(0xa1 + i));
});

/** Is this code point allowed in an XML 1.0 document? */
function legalXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Decode one reference body (between `&` and `;`), or null when it is not one we know. */
export function decodeReference(body: string): string | null {
  if (body.charCodeAt(0) === 35 /* # */) {
    let cp: number;
    if (body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88) {
      const hex = body.slice(2);
      if (hex.length === 0 || hex.length > 8 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      cp = parseInt(hex, 16);
    } else {
      const dec = body.slice(1);
      if (dec.length === 0 || dec.length > 10 || !/^[0-9]+$/.test(dec)) return null;
      cp = parseInt(dec, 10);
    }
    return legalXmlChar(cp) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return NAMED.get(body) ?? null;
}

/** Longest reference body we try to read (`&#x10FFFF;` and the longest names fit). */
const MAX_REF = 12;

/**
 * Decode the references in `text.slice(start, end)`. `onUnknown(offset, length)` is called for each `&`
 * that does not start a known reference (the `&` stays literal). Fast path: no `&`, no copy but the slice.
 */
export function decodeEntities(
  text: string,
  start: number,
  end: number,
  onUnknown?: (offset: number, length: number) => void,
): string {
  // Look for '&' only inside the range (indexOf would run on to the end of a large text).
  let amp = nextAmp(text, start, end);
  if (amp === -1) return text.slice(start, end);
  let out = '';
  let pos = start;
  while (amp !== -1) {
    // The ';' must come within a reference's longest length and inside the range.
    let semi = -1;
    const stop = Math.min(end, amp + MAX_REF + 2);
    for (let i = amp + 1; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 59 /* ; */) {
        semi = i;
        break;
      }
      if (c === 38 /* & */ || c === 60 /* < */ || c <= 32) break;
    }
    const decoded = semi > amp + 1 ? decodeReference(text.slice(amp + 1, semi)) : null;
    if (decoded !== null) {
      out += text.slice(pos, amp) + decoded;
      pos = semi + 1;
    } else {
      if (onUnknown) {
        // Report "&name;" whole when it looks like a reference, else just the "&".
        const looksLike = semi > amp + 1 && /^#?[A-Za-z0-9]+$/.test(text.slice(amp + 1, semi));
        onUnknown(amp, looksLike ? semi - amp + 1 : 1);
      }
      out += text.slice(pos, amp + 1);
      pos = amp + 1;
    }
    amp = nextAmp(text, pos, end);
  }
  return out + text.slice(pos, end);
}

function nextAmp(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 38) return i;
  return -1;
}
