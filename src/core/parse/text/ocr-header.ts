/**
 * The boxes above Table I in OCR text. The printed form has three columns of boxes (name and address; issuer and
 * dates; relationship), and OCR reads across them: each line holds the left box's text, then the others'. The
 * left box's part of a line ends where another box's label, date or check mark starts. Names come from where
 * they are: the line under the name label (its asterisk's junk, "”", "=", "~", is never a name), with the
 * issuer's "[SYMBOL]" and the issuer's name taken out; the "Reporting Owners" table and the signatures confirm
 * or correct it. Every value read with doubt says why.
 */
import type { Line, Piece, TextDoc } from './doc';
import { key, NAME_AND_ADDRESS, withinEdits } from './patterns';
import { docContext } from './doc-words';
import { english, isEnglishWord } from './english';

/**
 * Where another box's text starts on a line of the left column (at its start: the left box is empty there). The
 * word before "(give title below)" is the officer box's label however OCR spelled it ("Offiver"), and the label may
 * wrap with its last words beside the street ("450 CONCAR DRIVE title below) below)"). The amendment box's "4. If"
 * is misread too ("4. It", "4-11").
 */
const OTHER_BOX =
  /(?:^|\s)(?:X\s|X_|_+\s?X|\[\s?X?\s?\]\s|Director\b|10\s?%|Officer\b|Other\s?\(|(?:[A-Z][a-z]{4,7}\s?)?\(give|[a-z]{0,2}tle\s+below\)|\(specify|\(Month|\(MM|\(Check|Check\s+a[l1iI|]{2}\b|[2-6]\.\s|\d{1,2}\/\d{1,2}\/\d{4}|For(?:m|ni|rn)\s+filed|[A-Z0-9][.,\-–]\s?[Il1|][ft1l]\s{1,2}Amendment|Line\)|Individual|Statement\b|Date\s+of)/;

/** A line starting with a city, state and ZIP code ("SAN MATEO CA 94402", "LARCHMONT, NY 10538"), or the state and ZIP
 * code alone ("CA 94402", the city wrapped around them). */
const CITY_STATE_ZIP = /^[\s|.:]*(?:[A-Za-z][A-Za-z .'-]{0,40}[,\s])?[A-Z]{2}\.?\s{1,3}\d{5}(?:-\d{4})?(?!\d)/;
const STATE_ZIP = /^[\s|.:]*[A-Z]{2}\.?\s{1,3}\d{5}(?!\d)/;

/** Lines of label text (not a value). */
const LABEL_LINE =
  /^(?:Officer|Director|Owner|below|title|\(?Check\s+a[l1iI|]{2}\b|\(Last\)|\(Street\)|\(City\)|Name\s+and\s+Addr[eéèêë]ss|Statement|equiring|Requiring|Issuer\b|Filed\b|\(Month|\(MM)/i;

const SYMBOL = /\[\s{0,2}[|'‘’`~—-]?\s{0,2}([A-Za-z][A-Za-z.]{0,5})?\s{0,2}(?:[\]|)}]|(?=\s|$))/;

/** A symbol with its closing bracket: the issuer box's border before its name ("[Rocket Lab ... [ RKLB ]") is none. */
const CLOSED_SYMBOL = /\[\s{0,2}[|'‘’`~—-]?\s{0,2}([A-Za-z][A-Za-z.]{0,5})\s{0,2}[\]|)}]/;

/**
 * A symbol whose letters OCR read as the digits of their shape ("[ 6006 ]" for GOOG): a ticker is letters, so a
 * bracket of two to five characters with a digit, every digit one of `SYMBOL_DIGITS`, is the symbol (./ocr-boxes
 * reads it back).
 */
const DIGIT_SYMBOL = /\[\s{0,2}([0-9A-Z]{2,5})\s{0,2}[\]|)}]/;

/** `DIGIT_SYMBOL` in `text` when its digits are all letters' shapes, else null. */
function digitSymbol(text: string): RegExpExecArray | null {
  const m = DIGIT_SYMBOL.exec(text);
  return m && /\d/.test(m[1]) && [...m[1]].every((c) => !/\d/.test(c) || SYMBOL_DIGITS.has(c)) ? m : null;
}

/** The letters whose shapes OCR reads as digits in a symbol's box. */
export const SYMBOL_DIGITS: ReadonlyMap<string, string> = new Map([
  ['0', 'O'],
  ['1', 'I'],
  ['2', 'Z'],
  ['5', 'S'],
  ['6', 'G'],
  ['8', 'B'],
]);

/** A symbol whose opening bracket OCR read as a rule too ("Vector Acquisition Corp | VACQ | ."): two capitals or
 * more. */
const PIPED_SYMBOL = /\|\s{0,2}([A-Z]{2,5}(?:\.[A-Z])?)\s{0,2}\|/;

/** The last word of a company's name. */
export const SUFFIX =
  /^(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.?P|plc|N\.?V|S\.?A|AG|SE|Holdings|Group|Trust|Bancorp|Incorporated)\.?,?$/i;

/** A line's text from `from` to where another box starts, trimmed of borders and dots. */
function leftPart(doc: TextDoc, l: Line, from = l.start): Piece | null {
  const text = doc.t.slice(from, l.end);
  // A line laid out by columns whose text starts far right holds no left box's text ("Technology" of a title).
  if (from === l.start && /^ {20}/.test(text)) return null;
  const m = OTHER_BOX.exec(text);
  let s = from;
  let e = m ? from + m.index : l.end;
  // Text laid out by columns: a run of spaces after the first words is the gap before the next box.
  const gap = /\S {6,}(?=\S)/.exec(text);
  if (gap) e = Math.min(e, from + gap.index + 1);
  while (s < e && /[\s|.:;,'‘’"“”=~_-]/.test(doc.t[s])) s++;
  while (e > s && /[\s|_—–-]/.test(doc.t[e - 1])) e--;
  return doc.piece(s, e);
}

/**
 * The words in capitals a line starts with ("VIEW" of "VIEW ly porting"): a city's rest, wrapped under it, before
 * the lower-case remains of another box's label. Null when the line holds anything else.
 */
function leadingCapitals(doc: TextDoc, p: Piece): Piece | null {
  // Text laid out by columns puts runs of spaces between the boxes.
  const words = p.raw.split(/\s+/);
  let n = 0;
  while (n < Math.min(3, words.length) && /^[A-Z][A-Z.'-]{1,30}$/.test(words[n])) n++;
  if (!n || (n < words.length && !/^[a-z]/.test(words[n]))) return null;
  const text = doc.t.slice(p.start, p.end);
  let end = 0;
  for (const w of words.slice(0, n)) end = text.indexOf(w, end) + w.length;
  return doc.piece(p.start, p.start + end);
}

/** Whether `k` (a key) occurs at least twice in `all` (the key of the whole text): the text writes it again. */
export function writtenTwice(all: string, k: string): boolean {
  const first = all.indexOf(k);
  return first >= 0 && all.indexOf(k, first + 1) >= 0;
}

/** Whether a text can be a person's or an entity's name: words of letters, not a label or a lone junk mark. */
export function nameLike(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w));
  return words.length >= 1 && s.replace(/[^A-Za-z]/g, '').length >= 4 && !LABEL_LINE.test(s);
}

/**
 * A border stroke OCR reads as "I", "|", "[" or a parenthesis never closed before a word ("IBessemer", "ILONG BEACH",
 * "[Bessemer", "(O'Donnell Shaun"). An "I" before a word in capitals is the border only where `doc` shows it: the word
 * is known without it and not with it (`isBorderI`); ICAHN, IRVING and INNOVATION are words of their own.
 */
export function withoutBorder(s: string, doc: TextDoc): string {
  const t = s.replace(/^(?:[|[]|\((?=[^)]*$))(?=\S)/, '');
  // "IBeck Kerryn": no word starts with two capitals before small letters.
  if (/^I[A-Z][a-z]/.test(t)) return t.slice(1);
  const m = /^I([A-Z]{3,})\b/.exec(t);
  return m && isBorderI(doc, m[1]) ? t.slice(1) : t;
}

/**
 * Whether an "I" before `rest` (a word in capitals) is the box's border: `rest` is English, a name the dictionary
 * knows, a word the text writes elsewhere or a Mc name ("IMCGOWEN": no word starts "IMC"), and the word with the "I"
 * is none of the first three (ICAHN, IRVING, INDIANAPOLIS).
 */
export function isBorderI(doc: TextDoc, rest: string): boolean {
  const ctx = docContext(doc);
  const k = rest.toLowerCase();
  const known = (w: string) => english(w) || isEnglishWord(w[0].toUpperCase() + w.slice(1));
  return (known(k) || ctx.seen(k) || /^mc[a-z]/.test(k)) && !known(`i${k}`) && !ctx.repeated(`i${k}`);
}

export interface OcrHeader {
  issuerName: Piece | null;
  symbol: Piece | null;
  /** Why the issuer's name is in doubt. */
  issuerDoubt: string | null;
  ownerName: Piece | null;
  /** Why the owner's name is in doubt (read beside other boxes' text). */
  ownerDoubt: string | null;
  streets: Piece[];
  /** Why the street lines are in doubt (their label was not read). */
  streetDoubt: string | null;
  /**
   * The relationship title as OCR writes the box beside the date box: after the date or its label on their line
   * ("C/O GOOGLE INC. 10/02/2015 Co-Founder", with a comma or the box's edge as "(" or "[" between them too), then
   * single words on lines of their own ("Technology" / "Officer").
   */
  titleParts: Piece[];
  cityLine: {
    city: Piece | null;
    /** The city's first words, wrapped above it, and its rest, wrapped below. */
    cityBefore: Piece | null;
    cityMore: Piece | null;
    state: Piece | null;
    zip: Piece | null;
  } | null;
}

/**
 * The most words at the end of `words` (from `most` down to `least`) that the text writes again, `all` being the
 * key of the whole text: a company's name, which its "C/O" line or notes repeat, after an owner's name. Null when
 * none is.
 */
function repeatedTail(all: string, words: readonly string[], most: number, least: number): number | null {
  for (let m = Math.min(most, NAME_WORDS); m >= least; m--)
    if (writtenTwice(all, key(words.slice(-m).join(' ')))) return m;
  return null;
}

/**
 * Words a company's name is tried with at most: real names are a few words, and each try reads the whole text, so
 * a line of thousands of words before a bracket must not make it quadratic.
 */
const NAME_WORDS = 12;

/**
 * The most words at the end of `words` (from all but two down to `least`) that start with the symbol's first letter
 * and hold its letters in order ("EVANS BANCORP INC" for EVBN, after "SULLIVAN NORA B"): a symbol is most often made
 * of its issuer's name. Null when none does.
 */
function tailBySymbol(words: readonly string[], least: number, symbol: string | undefined): number | null {
  const sym = (symbol ?? '').toUpperCase().replace(/[^A-Z]/g, '');
  if (sym.length < 2) return null;
  for (let m = Math.min(words.length - 2, NAME_WORDS); m >= least; m--) {
    const letters = words
      .slice(-m)
      .join('')
      .toUpperCase()
      .replace(/[^A-Z]/g, '');
    if (letters[0] !== sym[0]) continue;
    let at = 0;
    for (const c of letters) if (c === sym[at]) at++;
    if (at === sym.length) return m;
  }
  return null;
}

/** The header's boxes as OCR writes them, between the name label and `headerEnd`. */
export function readOcrHeader(doc: TextDoc, headerEnd: number, knownNames: readonly string[]): OcrHeader {
  const out: OcrHeader = {
    issuerName: null,
    issuerDoubt: null,
    symbol: null,
    ownerName: null,
    ownerDoubt: null,
    streets: [],
    streetDoubt: null,
    titleParts: [],
    cityLine: null,
  };
  const label = doc.find(NAME_AND_ADDRESS, 0, headerEnd);
  if (!label) return out;
  const li0 = doc.cellAt(label[0])?.li ?? 0;
  const lines: Line[] = [];
  for (let i = li0; i < doc.lines.length && doc.lines[i].start < headerEnd && lines.length < 60; i++)
    lines.push(doc.lines[i]);
  const idx = (re: RegExp) => lines.findIndex((l) => re.test(l.text));
  let lastAt = idx(/\(Last\)/i);
  // "(Last) (First) (Middle)" garbled past reading ("(as) Fini (Miley", "ry (Firs) ‘(Miadley"): on Forms 4 and 5 they
  // share their line with box 3's label, after the name's line.
  if (lastAt < 0)
    lastAt = lines.findIndex(
      (l, i) =>
        i > 1 &&
        /^\s{0,3}(?:\S{1,3}\s{1,2})?\(/.test(l.text) &&
        /Date\s+of\s+Earliest|Statement\s+for\s+Issuer/i.test(l.text),
    );
  // The label as OCR may garble it ("(GSureet)"): a word in parentheses starting its line, two letters from it.
  let streetAt = idx(/\(Street\)/i);
  if (streetAt < 0)
    streetAt = lines.findIndex((l, i) => {
      const m = i > lastAt && lastAt >= 0 ? /^\s{0,3}\(([A-Za-z]{4,8})\)/.exec(l.text) : null;
      return !!m && withinEdits(m[1].toLowerCase(), 'street', 2);
    });
  // Garbled past that ("Garey"): the amendment box's label below it ends the street lines as well.
  let streetGuessed = false;
  if (streetAt < 0 && lastAt >= 0) {
    streetAt = lines.findIndex((l, i) => i > lastAt && /\bAmendment,?\s+Date/i.test(l.text));
    streetGuessed = streetAt >= 0;
  }
  // Lost altogether (its line garbled into the next box's words: "oan 6: individual or Join/Group Filing"): the street
  // lines end at the line read as the city, state and ZIP code, or at the city's first words wrapped just above a
  // line that holds only the state and ZIP code ("CA 94402").
  if (streetAt < 0 && lastAt >= 0) {
    const zipAt = lines.findIndex((l, i) => i > lastAt + 1 && i <= lastAt + 8 && CITY_STATE_ZIP.test(l.text));
    if (zipAt >= 0) {
      streetAt = STATE_ZIP.test(lines[zipAt].text) ? zipAt - 1 : zipAt;
      streetGuessed = true;
      out.streetDoubt =
        'no "(Street)" label was read: the lines above the city, state and ZIP code are taken as the street (OCR)';
    }
  }
  const cityAt = idx(/\(City\)/i);
  // The issuer: the name before "[SYMBOL]".
  const known = knownNames.map(key).filter((k) => k.length >= 4);
  let ownerFromIssuerLine: Piece | null = null;
  // The issuer's line, when a name that the owners table or a signature writes starts it: the form's, not a guess.
  let knownOwnerLine = -1;
  let allKey: string | null = null;
  for (let i = 0; i < lines.length && !out.symbol; i++) {
    const l = lines[i];
    let m = CLOSED_SYMBOL.exec(l.text) ?? SYMBOL.exec(l.text) ?? PIPED_SYMBOL.exec(l.text);
    if (!m?.[1]) m = digitSymbol(l.text);
    if (!m || !m[1]) continue;
    const symStart = l.start + m.index + m[0].indexOf(m[1]);
    out.symbol = { raw: m[1], start: symStart, end: symStart + m[1].length };
    // Text before the bracket: another box's label may come first ("2 Date of ... | Snowflake Inc. [").
    let from = l.start;
    const before = l.text.slice(0, m.index);
    // ... or another box's date ("Kampani Arjun 4/11/2022 Rocket Lab USA, Inc. [RKLB]").
    let dateEnd = -1;
    for (const d of before.matchAll(/\d{1,2}\/\d{1,2}\/\d{2,4}/g)) dateEnd = d.index + d[0].length - 1;
    // ... or the border between the boxes read as a colon, semicolon or period standing alone ("Sergey Brin :
    // Alphabet", "Sergey Brin . Alphabet Inc.").
    let colon = -1;
    for (const c of before.matchAll(/ [:;.] /g)) colon = c.index + 1;
    const cut = Math.max(
      before.lastIndexOf('|'),
      before.lastIndexOf('['),
      before.lastIndexOf('\\'),
      before.search(/\)\s[^)]*$/),
      dateEnd,
      colon,
    );
    // A border before any text is the line's own edge, not one between the boxes.
    const cutBetween = cut >= 0 && /[A-Za-z]{2}/.test(before.slice(0, cut));
    if (cut >= 0) from = l.start + cut + 1;
    let p = doc.piece(from, l.start + m.index);
    if (p && cut >= 0 && i > 0) {
      const own = leftPart(doc, l, l.start);
      if (own && own.end <= l.start + cut && nameLike(own.raw)) ownerFromIssuerLine = own;
    }
    if (p) {
      // The owner's name on the same line: a known owner (the owners table, a signature) at its start.
      const k = key(p.raw);
      const hit = known.find((n) => k.startsWith(n) && k.length > n.length + 2);
      if (hit) {
        let taken = 0;
        let e = p.start;
        while (e < p.end && taken < hit.length) {
          if (/[A-Za-z0-9]/.test(doc.t[e])) taken++;
          e++;
        }
        ownerFromIssuerLine = doc.piece(p.start, e);
        knownOwnerLine = i;
        p = doc.piece(e, p.end);
        // A known name may be shorter than the box's (a signature without the middle name: "Melkote Rajesh" of
        // "Melkote Rajesh Ramaswamy 374Water Inc."): words before a company name that the text writes again, when
        // the whole is written once, are the owner's.
        const w = p ? p.raw.trim().split(/\s+/) : [];
        if (p && w.length >= 3 && SUFFIX.test(w[w.length - 1])) {
          allKey ??= key(doc.t);
          const all = allKey;
          const m = writtenTwice(all, key(p.raw)) ? null : repeatedTail(all, w, w.length - 1, 2);
          const issuerText = m === null ? '' : w.slice(-m).join(' ');
          const at = p.end - issuerText.length;
          if (issuerText && at > p.start && doc.t.slice(at, p.end) === issuerText) {
            ownerFromIssuerLine = doc.piece(ownerFromIssuerLine?.start ?? p.start, at);
            p = doc.piece(at, p.end);
          }
        }
      }
    }
    if (p) {
      const lead = /^[\s.|:;,'"“”]*/.exec(p.raw)![0].length;
      // A box's mark read as a few lower-case letters and a colon before the name ("ni: Snowflake Inc."): no name
      // starts so.
      const junk = /^[a-z]{1,3}[:;]\s{1,3}(?=[A-Z0-9])/.exec(p.raw.slice(lead));
      if (junk) out.issuerDoubt = `"${junk[0].trim()}" before the name is no part of it (OCR read a mark as letters)`;
      p = doc.piece(p.start + lead + (junk?.[0].length ?? 0), p.end);
    }
    // The owner's name on a line of its own below the issuer's ("Okafor Adaeze X Director"): nothing to split.
    const below = lastAt > i ? lines.slice(i + 1, lastAt) : [];
    const nameBelow = below.some((x) => {
      const q = leftPart(doc, x);
      // A name has a word with a capital (its first letter may be lost: "oddard Pell"); OCR's lower-case remains of
      // a line ("sergey_bon") are none.
      return !!q && nameLike(q.raw) && !SYMBOL.test(q.raw) && /(?:^|\s)[A-Z]/.test(q.raw);
    });
    // Under the issuer box's label alone on its line (the owner's label and name above it: text in the order a
    // PDF draws it), the line is the issuer's box alone: nothing to split.
    const underOwnLabel =
      /Issuer\s+Name\s+and\s+Ticker/i.test(lines[i - 1]?.text ?? '') && !NAME_AND_ADDRESS.test(lines[i - 1].text);
    // Below the issuer box's label, a line of its own that is a name, above this one: the owner's name written apart
    // (a PDF's text in reading order: box 1's name, then box 2's), so this line is the issuer's box alone.
    const labelAt = lines.findIndex((x, k) => k < i && /Issuer\s+Name\s+and\s+Ticker/i.test(x.text));
    const nameAbove =
      labelAt >= 0 &&
      lines.slice(labelAt + 1, i).some((x) => {
        const t = x.text.trim();
        return t.length > 0 && !SYMBOL.test(t) && !/\d/.test(t) && /^[A-Z]/.test(t) && nameLike(t);
      });
    // Text cut at a border, a parenthesis or a date is the issuer's box alone: nothing to split either.
    if (p && !ownerFromIssuerLine && i > 0 && !nameBelow && !cutBetween && !underOwnLabel && !nameAbove) {
      // No known owner on the line: the issuer's name is the longest run of words before the bracket, ending with
      // a company's suffix, that the text writes again (the "C/O" line, the notes), else the shortest such run
      // ("McMahon John Dennis Snowflake Inc." -> "Snowflake Inc."), said so.
      const w = p.raw.split(' ');
      if (w.length >= 3 && SUFFIX.test(w[w.length - 1])) {
        allKey ??= key(doc.t);
        const all = allKey;
        const least = w.length >= 4 && /^[A-Z]{2,4},?$/.test(w[w.length - 2]) ? 3 : 2;
        let n = repeatedTail(all, w, w.length - 2, least + 1) ?? tailBySymbol(w, least, out.symbol?.raw) ?? least;
        // "The" starts a company's name ("The Coca-Cola Company"), never ends a person's.
        if (w.length - n >= 2 && w[w.length - n - 1] === 'The') n++;
        const issuerText = w.slice(-n).join(' ');
        const at = p.end - issuerText.length;
        const own = doc.piece(p.start, at);
        if (own && nameLike(own.raw) && at > p.start) {
          ownerFromIssuerLine = own;
          out.ownerDoubt = `the line holds the owner's and the issuer's names ("${p.raw.slice(0, 60)}"); split before "${issuerText}"`;
          p = doc.piece(at, p.end);
        }
      }
    }
    if (p && nameLike(p.raw)) out.issuerName = p;
  }
  // The owner's name: the first line under the label (before "(Last)") whose left part is a name. Where a name that
  // a signature or the owners table writes starts the issuer's line, the search starts there: the lines above it
  // are the label's own noise ("me 37. r Inc. wo" over "Melkote Rajesh Ramaswamy 374Water Inc. [SCWO]").
  const stop = lastAt > 0 ? lastAt : Math.min(lines.length, 5);
  for (let i = Math.max(1, knownOwnerLine); i < stop && !out.ownerName; i++) {
    const l = lines[i];
    let p = leftPart(doc, l);
    if (!p) continue;
    const issuer = out.issuerName;
    if (issuer && issuer.start >= p.start && issuer.start < p.end) p = doc.piece(p.start, issuer.start);
    // The box's left border before the name ("[Spice Adam C. Rocket Lab USA, Inc. [RKLB]") is no symbol's bracket.
    if (p && /^\[(?=[A-Za-z])/.test(p.raw)) p = doc.piece(p.start + 1, p.end);
    if (p && SYMBOL.test(p.raw)) p = doc.piece(p.start, p.start + p.raw.search(SYMBOL));
    if (p && issuer) {
      const at = key(p.raw).indexOf(key(issuer.raw));
      if (at === 0) p = null;
      else if (at > 0) {
        // The issuer's name repeated after the owner's on its line ("Melkote Rajesh 374Water Inc. [ ]").
        const first = doc.t.indexOf(issuer.raw.split(' ')[0], p.start);
        if (first > p.start && first < p.end) p = doc.piece(p.start, first);
      }
    }
    if (p && nameLike(p.raw)) out.ownerName = p;
  }
  if (!out.ownerName && ownerFromIssuerLine) out.ownerName = ownerFromIssuerLine;
  if (out.ownerName) {
    const s = withoutBorder(out.ownerName.raw, doc);
    if (s !== out.ownerName.raw) out.ownerName = doc.piece(out.ownerName.end - s.length, out.ownerName.end);
  }
  // The issuer box's left border after the owner's name ("Partners, L.P. \\Vector ...").
  let e = out.ownerName?.end ?? 0;
  while (
    out.ownerName &&
    e > out.ownerName.start &&
    (/[\s|[\\:;]/.test(doc.t[e - 1]) || (doc.t[e - 1] === '.' && /\s/.test(doc.t[e - 2] ?? '')))
  )
    e--;
  if (out.ownerName && e < out.ownerName.end) out.ownerName = doc.piece(out.ownerName.start, e);
  // The title beside the date box, on the lines from the date's label to "(Street)".
  const dateLabelAt = idx(/Date\s+of\s+Earliest\s+Transaction|Statement\s+for\s+Issuer|Date\s+of\s+Event/i);
  if (dateLabelAt >= 0 && streetAt > dateLabelAt) {
    for (let i = dateLabelAt; i < streetAt; i++) {
      const l = lines[i];
      const m =
        /(?:\(Month\/Day\/Year\)|\(MM\/DD\/YYYY\)|\d{1,2}\/\d{1,2}\/\d{4})(?:[\s(),[]{1,6}| {7,160})([A-Z][A-Za-z-]{1,30}(?: [A-Z][A-Za-z-]{1,30}){0,3})$/.exec(
          l.text,
        );
      // A title's word wrapped alone onto its line is English ("Technology" / "Officer"); a garbled label is not
      // ("Suey" for "(Street)").
      const word = l.text.trim();
      const alone = /^[A-Z][a-z]{2,20}$/.test(word) && out.titleParts.length > 0 && english(word.toLowerCase());
      if (m && !/^(?:below|Director|Officer|Other)\b/.test(m[1])) {
        const at = l.start + l.text.length - m[1].length;
        const q = doc.piece(at, l.end);
        if (q) out.titleParts.push(q);
      } else if (alone) {
        const q = doc.piece(l.start, l.end);
        if (q) out.titleParts.push(q);
      }
    }
  }
  const inTitle = new Set(out.titleParts.map((p) => p.start));
  // The street: the left parts of the lines between "(Last)" and "(Street)".
  if (lastAt >= 0 && streetAt > lastAt) {
    for (let i = lastAt + 1; i < streetAt; i++) {
      if (inTitle.has(doc.piece(lines[i].start, lines[i].end)?.start ?? -1)) continue;
      const p = leftPart(doc, lines[i]);
      // A label in parentheses ("(Last)", "(Middle)") is none; the box's border read as "(" before a street is.
      if (
        !p ||
        /^\([^\s()]{0,20}\)|^\d\.\s|See\s+Remarks?\b|^[A-Za-z]{0,2}$/i.test(p.raw) ||
        !/[A-Za-z0-9]{2}/.test(p.raw)
      )
        continue;
      if (/Officer|Director|Owner|below\)?$|title/i.test(p.raw)) continue;
      // A ZIP code or a state alone on its line is the city's box, not a street line.
      if (/^\d{5}(?:-\d{4})?$|^[A-Z]{2}$/.test(p.raw.trim())) continue;
      // Without the label, its garbled remains ("Garey") are a word alone in small letters, as no address line is.
      if (streetGuessed && /^[A-Z]?[a-z]+$/.test(p.raw.trim())) continue;
      out.streets.push(p);
    }
  }
  // City, state and ZIP: a line after "(Street)" reading "CITY, ST 12345" at its start (OCR may lose the state, read
  // a speck between it and the ZIP code as a hyphen: "LARCHMONT, NY-10538", or beside the state as a tilde or a
  // period: "BOZEMAN ~ MT. 59715", or the box's rule after the city as a bracket or a colon: "MORRISVILLE) NC 27560",
  // "MOUNTAIN: . Cy 94043").
  if (streetAt >= 0) {
    const end = cityAt > streetAt ? cityAt : Math.min(lines.length, streetAt + 5);
    for (let i = streetAt; i < end && !out.cityLine; i++) {
      const l = lines[i];
      const label = i === streetAt ? l.text.search(/\(Street\)/i) : -1;
      const from = label >= 0 ? l.start + label + 8 : l.start;
      const text = doc.t.slice(from, l.end);
      const m =
        /^[\s|.:]*([A-Za-z][A-Za-z .'-]{0,40}?)?[)\]|:]?[,\s~.]{1,80}(?:([A-Za-z]{2})\.?(?:\s{1,80}|-))?(\d{5}(?:-\d{4})?)(?!\d)/.exec(
          text,
        );
      if (!m) continue;
      const at = (g: number) => {
        if (!m[g]) return null;
        const s =
          from + m.index + m[0].indexOf(m[g], g === 1 ? 0 : m[0].indexOf(m[g - 1] ?? '') + (m[g - 1]?.length ?? 0));
        return doc.piece(s, s + m[g].length);
      };
      // "CA 94402": two capitals alone before the ZIP code are the state (the city wrapped around the line).
      const stateOnly = !!m[1] && !m[2] && /^[A-Z]{2}$/.test(m[1]);
      let city = stateOnly ? null : at(1);
      if (city) {
        const s = withoutBorder(city.raw, doc);
        city = doc.piece(city.end - s.length, city.end);
      }
      // "MOUNTAIN CA 94043" / "VIEW Form filed ...": a city name wrapped onto the next line's left part.
      const next = lines[i + 1];
      const more = next && next !== lines[cityAt] ? leftPart(doc, next) : null;
      const cityMore = more ? leadingCapitals(doc, more) : null;
      // "MOUNTAIN Form filed ..." / "VIEW CA 94043": its first words on the line above (after "(Street)").
      let cityBefore: Piece | null = null;
      for (let j = i - 1; city && j > streetAt && j >= i - 2 && !cityBefore; j--) {
        const q = lines[j].text.trim() ? leftPart(doc, lines[j]) : null;
        cityBefore = q ? leadingCapitals(doc, q) : null;
        if (lines[j].text.trim()) break;
      }
      out.cityLine = { city, cityBefore, cityMore, state: stateOnly ? at(1) : at(2), zip: at(3) };
      if (!city && i > streetAt) {
        const prev = leftPart(doc, lines[i - 1]);
        const bare = prev ? withoutBorder(prev.raw, doc) : '';
        const w = prev ? /^[A-Z][A-Z.'-]{1,20}/.exec(bare) : null;
        if (prev && w) {
          const s = prev.end - bare.length;
          out.cityLine.city = doc.piece(s, s + w[0].length);
          // Its first word on the line above that ("MOUNTAIN" / "VIEW" / "CA 94043").
          const first = i - 2 > streetAt ? leftPart(doc, lines[i - 2]) : null;
          const lead = first ? leadingCapitals(doc, first) : null;
          if (lead && lead.raw === first!.raw && !out.cityLine.cityMore) out.cityLine.cityBefore = lead;
        }
      }
    }
  }
  // Not after "(Street)": a PDF's text in reading order writes the city, state and ZIP code just above their label
  // "(City)", before "(Street)" or apart from the street: "LONG BEACH, CA 90808" / "(City)", or "MORRISVILLE NC" /
  // "27560" / "(City)".
  if (!out.cityLine && cityAt > 0) out.cityLine = cityAboveLabel(doc, lines, cityAt);
  return out;
}

/** A line's words as pieces of the text. */
function wordsOf(l: Line): Piece[] {
  return [...l.text.matchAll(/\S+/g)].map((m) => ({
    raw: m[0],
    start: l.start + m.index,
    end: l.start + m.index + m[0].length,
  }));
}

/**
 * The city, state and ZIP code on the lines just above the "(City)" label: "CITY[,] [ST] 12345" on one line, or
 * "CITY[,] [ST]" over "12345". The city's words in capitals, as EDGAR writes an address; two capitals alone before
 * the ZIP code are the state, and the city is then not read (the line above them is another box's).
 */
function cityAboveLabel(doc: TextDoc, lines: Line[], cityAt: number): OcrHeader['cityLine'] {
  const above = (i: number) => {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (lines[k].text.trim()) return k;
    return -1;
  };
  const j = above(cityAt);
  if (j < 0) return null;
  let words = wordsOf(lines[j]);
  const zip = words.length && /^\d{5}(?:-\d{4})?$/.test(words[words.length - 1].raw) ? words.pop()! : null;
  if (!zip) return null;
  if (!words.length) {
    const k = above(j);
    words = k >= 0 ? wordsOf(lines[k]) : [];
  }
  const state = words.length && /^[A-Z]{2}$/.test(words[words.length - 1].raw) ? words.pop()! : null;
  const capitals = words.length > 0 && words.length <= 5 && words.every((x) => /^[A-Z][A-Z.'-]*,?$/.test(x.raw));
  if (!capitals && (!state || words.length)) return null;
  const last = words[words.length - 1];
  return {
    city: capitals ? doc.piece(words[0].start, last.end - (last.raw.endsWith(',') ? 1 : 0)) : null,
    cityBefore: null,
    cityMore: null,
    state,
    zip,
  };
}
