/**
 * The header boxes of OCR text read again by where they are (./ocr-header, applied to the owner by ./ocr-owner), once
 * the signatures and the "Reporting Owners" table are read: they name the owners, so the owner's name can be told
 * from the issuer's on a line that holds both. Then every owner's name is checked to be a name: OCR's junk never
 * passes silently.
 */
import type { Field, ReportingOwner } from '../../model';
import type { TextDoc } from './doc';
import { isEnglishWord } from './english';
import { CARE_OF_MISREAD, key, trimEndOf } from './patterns';
import { nameLike, readOcrHeader, SYMBOL_DIGITS, writtenTwice } from './ocr-header';
import { applyOcrOwner } from './ocr-owner';
import { NO_ISSUER_BOX } from './header';
import {
  confusedByTheText,
  lastLetterBySignature,
  lostFirstLetter,
  restoreFromOtherOwners,
  restoreOwnerLetters,
  textWords,
} from './ocr-letters';

/**
 * "/s/ Adam C. Spice" as the form's box may write the name, last name first: "Spice Adam C.", and for a last name of
 * several words "van der Berg Pieter" (each way of cutting the name, the last word alone first).
 */
function lastFirst(sig: string): string[] {
  const words = sig
    .replace(/\/s\/|\bby\b.*$/gi, ' ')
    .split(/[\s,]+/)
    .filter((w) => /[A-Za-z]/.test(w));
  if (words.length < 2 || words.length > 5) return [];
  const out: string[] = [];
  for (let k = words.length - 1; k >= 1; k--) out.push([...words.slice(k), ...words.slice(0, k)].join(' '));
  return out;
}

/**
 * A word of a name that glues digits to letters ("220Wflake"), which OCR makes of letters it cannot read, unless the
 * text writes it again elsewhere (a name such as "374Water" is repeated in the address, the notes, the signature).
 */
function unconfirmedMixedWord(text: string, name: string): string | null {
  const mixed = name.split(/\s+/).filter((w) => /\d[A-Za-z]|[A-Za-z]\d/.test(w) && key(w).length >= 4);
  if (!mixed.length) return null;
  const all = key(text);
  return mixed.find((w) => !writtenTwice(all, key(w))) ?? null;
}

export function readOcrBoxes(doc: TextDoc, owner: ReportingOwner, headerEnd: number): void {
  const f = doc.filing;
  // The owners read from the table and the blocks after it first: their names tell the owner's from the issuer's.
  const words = textWords(doc);
  for (const o of f.reportingOwners) if (o !== owner) restoreOwnerLetters(doc, o, words);
  const known = [
    ...f.reportingOwners.filter((o) => o !== owner).map((o) => o.name.value ?? ''),
    ...f.signatures.flatMap((s) => lastFirst(s.name.value ?? '')),
  ].filter((x) => x.length > 0);
  const h = readOcrHeader(doc, headerEnd, known);
  if (h.issuerName) {
    // The box is found after all (its label misread: "Issuer Name arid Ticker"): the general reader's "no box" is no
    // longer so.
    doc.withdraw('Issuer', NO_ISSUER_BOX);
    f.issuer.name = doc.field(
      h.issuerName,
      trimEndOf(trimEndOf(h.issuerName.raw, ' \t').replace(/[[|]$/, ''), ' \t'),
      [],
      h.ownerDoubt ? "split from the owner's name on the same line" : h.issuerDoubt,
      'Issuer name',
    );
  }
  if (f.issuer.name.value && !f.issuer.name.uncertain) {
    const odd = unconfirmedMixedWord(doc.t, f.issuer.name.value);
    if (odd)
      doc.doubt(
        f.issuer.name,
        'Issuer name',
        `"${odd}" mixes digits and letters and is written nowhere else in the text: OCR may have misread it`,
      );
  }
  oddCapitals(doc, f.issuer.name, 'Issuer name');
  if (h.symbol) {
    const sym = [...h.symbol.raw.toUpperCase()].map((c) => SYMBOL_DIGITS.get(c) ?? c).join('');
    const why = /\d/.test(h.symbol.raw)
      ? `"${h.symbol.raw}" read as "${sym}": a symbol is letters, and OCR reads these as the digits of their shape`
      : sym !== h.symbol.raw
        ? `"${h.symbol.raw}" read as "${sym}" (a symbol is written in capitals)`
        : null;
    f.issuer.tradingSymbol = doc.field(h.symbol, sym, [], why, 'Trading symbol');
  }
  applyOcrOwner(doc, owner, h);
  for (const o of f.reportingOwners) {
    const name = o.name.value;
    if (name && !nameLike(name) && !o.name.uncertain)
      doc.doubt(o.name, 'Reporting person name', `"${name}" is not a name (OCR junk where the name box is)`);
    trailingJunk(doc, o.name, 'Reporting person name');
    initialComma(doc, o.name, 'Reporting person name');
    doubledPeriod(doc, o.name, 'Reporting person name');
    wordPeriod(doc, o.name, 'Reporting person name');
    oddCapitals(doc, o.name, 'Reporting person name');
    strayMarks(doc, o.name, 'Reporting person name');
    lowerCaseStart(doc, o.name, 'Reporting person name');
    for (const [street, what] of [
      [o.street1, 'Street'],
      [o.street2, 'Street (second line)'],
    ] as const) {
      careOf(doc, street, what);
      leadingWordJunk(doc, street, what);
      addressJunk(doc, street, what);
      addressMarkSlips(doc, street, what);
      addressMarks(doc, street, what);
    }
    borderI(doc, o.city, 'City');
    cityWordPeriod(doc, o.city);
    for (const [t, what] of [
      [o.officerTitle, 'Officer title'],
      [o.otherText, 'Other (specify)'],
    ] as const)
      if (t.value && /\((?:specify|give)\b/i.test(t.value) && !t.uncertain)
        doc.doubt(t, what, `"${t.value}" holds the box's label: the title was not told from it (OCR)`);
  }
  leadingJunk(doc, f.issuer.name, 'Issuer name');
  endColon(doc, f.issuer.name, 'Issuer name');
  lostFirstLetter(doc, f.issuer.name, 'Issuer name');
  restoreFromOtherOwners(doc);
  restoreOwnerLetters(doc, owner, words);
  lastLetterBySignature(doc, owner.name, words);
  for (const o of f.reportingOwners) confusedByTheText(doc, o.name, 'Reporting person name', words);
  confusedByTheText(doc, f.issuer.name, 'Issuer name', words);
  strayMarks(doc, f.issuer.name, 'Issuer name');
}

/**
 * A word of a name that runs capitals into small letters ("SHOwflake"), as OCR writes a word whose first letters it
 * read in another size, unless the text writes it again. Names write a word in capitals or capitalized ("McMahon",
 * "MacKENZIE" put the small letters first); none of the corpus's 1,000 XML owner and issuer names has such a word.
 */
function oddCapitals(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || f.uncertain || v.length > 300) return;
  const word = v.split(/\s+/).find((w) => /^[A-Z]{2,}[a-z]{2,}$/.test(w.replace(/[^A-Za-z]/g, '')));
  if (!word || writtenTwice(key(doc.t), key(word))) return;
  doc.doubt(f, what, `"${word}" runs capitals into small letters, as OCR writes a misread word: check the name`);
}

/**
 * A name ending with an initial and a comma ("Spice Adam C,"): a name ends so only with the initial's period, which
 * OCR read as a comma. Read as the period, flagged.
 */
function initialComma(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300 || !/\s[A-Z],$/.test(v)) return;
  f.value = `${v.slice(0, -1)}.`;
  doc.doubt(f, what, `"${v}" read as "${f.value}": a name ends with an initial's period, not a comma (OCR)`);
}

/** Company suffixes a name may end with in lower case ("Partners llc"). */
const LOWER_SUFFIX = /^(?:llc|llp|lllp|inc|ltd|lp|corp|co|plc|gmbh|ag|sa|nv|bv|trust)\.?$/;

/**
 * A name ended by what no name ends with: words in lower case ("McMahon John Dennis aaencec", a smear read as
 * letters; "showlla nice sisomner", another box's labels) or a label's word in parentheses ("GARRETT MARK
 * (MontvDayrvear)_", the date box's "(Month/Day/Year)"). The name is read without them, flagged.
 */
function trailingJunk(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  // The words it ends with, from the last: what is left again ends no name ("... Dennis showlla nice sisomner").
  let name = v;
  const dropped: string[] = [];
  for (let i = 0; i < 4; i++) {
    const m = /^(.*[A-Za-z.])\s+(\([^()\s]{3,30}\)?\S{0,3}|[a-z][a-z'’:;.,]{2,30})$/.exec(name);
    if (!m || LOWER_SUFFIX.test(m[2]) || !/[A-Z]/.test(m[1])) break;
    name = m[1];
    dropped.unshift(m[2]);
  }
  if (!dropped.length) return;
  f.value = name;
  doc.doubt(
    f,
    what,
    `"${v}" read as "${name}": "${dropped.join(' ')}" ends no name (OCR read other text or a smear with it)`,
  );
}

/**
 * A company name ending in a colon or semicolon ("GOOGLE INC:"): a speck read with the period of its abbreviation, or
 * alone. Read with the period after an abbreviation (as `ADDRESS_ABBREVIATION`), else without it, flagged.
 */
function endColon(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300 || !/[:;]$/.test(v)) return;
  const body = v.slice(0, -1);
  const word = body.slice(body.lastIndexOf(' ') + 1);
  if (!/^[A-Za-z]+$/.test(word)) return;
  f.value = `${body}${ADDRESS_ABBREVIATION.test(word.toUpperCase()) ? '.' : ''}`;
  doc.doubt(f, what, `"${v}" read as "${f.value}": no name ends in "${v.slice(-1)}", a speck OCR read`);
}

/**
 * A company name begun by a lone small letter or mark ("a Snowflake Inc."): a speck or the box's edge read as text.
 * The name is read without it, flagged.
 */
function leadingJunk(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const m = /^(?:[a-z]|[^A-Za-z0-9\s]{1,2})\s+(?=[A-Z0-9])/.exec(v);
  if (!m) return;
  f.value = v.slice(m[0].length);
  doc.doubt(f, what, `"${v}" read as "${f.value}": "${m[0].trim()}" is a speck or the box's edge (OCR)`);
}

/**
 * An address line begun by a short word in lower case before its house number ("ous 106 EAST BABCOCK STREET"): an
 * address is printed in capitals or capitalized, so that word is the relationship box's text or a smear read
 * across. The line is read without it, flagged.
 */
function leadingWordJunk(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const m = /^[a-z]{1,4}[.,:;]?\s+(?=\d)/.exec(v);
  if (!m) return;
  f.value = v.slice(m[0].length);
  doc.doubt(
    f,
    what,
    `"${v}" read as "${f.value}": "${m[0].trim()}" begins no address line (OCR read other text with it)`,
  );
}

/** Words a name may end with a period: abbreviations of a legal form or a generation. */
const NAME_ABBREVIATION = /^(?:inc|corp|co|ltd|llc|lp|bros|assoc|jr|sr|esq|plc|sa|nv|bv|ag)$/i;

/**
 * A name ending in a period after a whole word ("Melkote Rajesh Ramaswamy."): a name ends so only after an initial or
 * an abbreviation ("Jr.", "Inc.", "L.P."); there it is a speck OCR read. Read without it, flagged.
 */
function wordPeriod(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300 || !v.endsWith('.')) return;
  const word = v.slice(v.lastIndexOf(' ') + 1, -1);
  if (!/^[A-Za-z][a-z]{3,30}$/.test(word) || NAME_ABBREVIATION.test(word)) return;
  f.value = v.slice(0, -1);
  doc.doubt(
    f,
    what,
    `"${v}" read as "${f.value}": a name ends in a period only after an initial or an abbreviation (OCR)`,
  );
}

/** A name's abbreviation with a doubled period ("L..P."): a speck OCR read beside the period. */
function doubledPeriod(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300 || !/[A-Za-z]\.\.[A-Za-z]/.test(v)) return;
  f.value = v.replace(/([A-Za-z])\.\.(?=[A-Za-z])/g, '$1.');
  doc.doubt(f, what, `"${v}" read as "${f.value}": a period doubled by a speck (OCR)`);
}

/** Particles a family name may start with, written in lower case: "de Souza Maria", "van der Berg Jan". */
const PARTICLE = /^(?:d[aeiou]|del|dos|das|van|von|der|den|ten|ter|la|le|al|bin|ibn)\b/;

/**
 * A name whose first word starts in lower case: the form prints a name as filed, which starts with a capital
 * letter or a name's particle, so OCR has taken other text for it or misread its first letters.
 */
function lowerCaseStart(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || f.uncertain || !/^[a-z]/.test(v) || PARTICLE.test(v)) return;
  doc.doubt(f, what, `"${v}" starts in lower case, as no name on the form does: OCR may have read other text for it`);
}

/** A line starting with "C/O" as OCR may write it. */
const CARE_OF_START = new RegExp(`^${CARE_OF_MISREAD}\\s+(?=[A-Za-z0-9])`, 'i');

/**
 * A "care of" line as OCR writes it (`CARE_OF_MISREAD`): an address line starts so only as "C/O". Read as "C/O",
 * flagged.
 */
function careOf(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const m = CARE_OF_START.exec(v);
  if (!m || /^C\/O\s/i.test(v)) return;
  f.value = `C/O ${v.slice(m[0].length)}`;
  doc.doubt(
    f,
    what,
    `"${v}" read as "${f.value}": an address line starts so only with "C/O" (care of), misread by OCR`,
  );
}

/** A mark OCR makes of a box's border or a check box ("|__X", "\\Chief"); no address line holds one. */
const BOX_MARK = /[|\\{}_]/;

/** The box's border glued before an address line's "C/O" or house number ("|\\C/O BESSEMER"). */
const ADDRESS_BORDER = /^[|\\[({]+(?=C\/O\s|\d)/;

/**
 * An address line written in capitals that OCR ran into a neighbouring box: a word holding a box's mark ("|__Bireetor",
 * "|__X", "\\Chief") and the words in small letters after it ("Financial Officer}"), a word in small letters alone
 * ("C/O 374 WATER INC: echnology", "INC, ee"), or capitalized words at its end ("SUITE 200 Technology"). A line
 * written in capitals holds no such word, so it is read without them, flagged; a line in small letters too ("1600
 * Amphitheatre Parkway", "123 MAIN ST Suite 200") is left as written.
 */
function addressJunk(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const kept: string[] = [];
  const dropped: string[] = [];
  let afterMark = false;
  // A border glued before the line's "C/O" or house number is the line's (`addressMarkSlips` reads it off).
  const border = ADDRESS_BORDER.exec(v)?.[0] ?? '';
  for (const w of v.slice(border.length).split(' ')) {
    if (BOX_MARK.test(w)) afterMark = true;
    const junk = BOX_MARK.test(w) || /^[a-z]+[^A-Za-z0-9]*$/.test(w) || (afterMark && /[a-z]/.test(w));
    if (junk) dropped.push(w);
    else {
      kept.push(w);
      afterMark = false;
    }
  }
  // Capitalized words ending the line ("SUITE 200 Technology"): the officer title's, read beside the street.
  while (kept.length > 1 && /[a-z]/.test(kept[kept.length - 1])) dropped.unshift(kept.pop()!);
  const out = (border + kept.join(' ')).trim();
  // Capitals only: at least two words of capitals kept, and nothing in small letters among them.
  if (!dropped.length || /[a-z]/.test(out) || (out.match(/\b[A-Z]{2,}/g) ?? []).length < 2) return;
  f.value = out;
  doc.doubt(
    f,
    what,
    `"${v}" read as "${out}": ${dropped.map((w) => `"${w}"`).join(', ')} ${dropped.length > 1 ? 'are' : 'is'} no part of an address written in capitals (OCR read a neighbouring box with it)`,
  );
}

/** Abbreviations an address line ends with a period ("INC.", "ST."), where OCR writes a colon, semicolon or comma. */
const ADDRESS_ABBREVIATION = /^(?:INC|CORP|CO|LTD|LLC|ST|AVE|BLVD|RD|DR|LN|CT|PL|STE|FL|PKWY|HWY|N|S|E|W)$/;

/** Names of a street's kind, which OCR may join to the name before them with a speck ("MCGOWEN-STREET"). */
const STREET_KIND = /^(?:STREET|AVENUE|ROAD|DRIVE|BOULEVARD|LANE|COURT|PLACE|PARKWAY|WAY|SUITE|FLOOR|PLAZA|CIRCLE)$/;

/**
 * Marks that OCR makes of specks in an address line, read back where the form's printing leaves one reading, flagged:
 * - a mark glued before the line's "C/O" or house number ("|\\C/O BESSEMER"), or right after "C/O" ("C/O, ALPHABET");
 * - a colon or semicolon after a word ("SUITE: 200"), and a comma ending the line: a period after an abbreviation
 *   ("INC:", "INC,"), else nothing;
 * - a period after the house number ("100. SOUTHCENTER");
 * - a hyphen or period joining a house number or a long word to the next word ("1865-PALMER", "PALMER.AVENUE"), or a
 *   hyphen before a street's kind ("MCGOWEN-STREET"): a space.
 */
function addressMarkSlips(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300 || /[a-z]/.test(v)) return;
  const changes: string[] = [];
  let out = v;
  const edit = (re: RegExp, to: (m: RegExpExecArray) => string, why: string) => {
    const m = re.exec(out);
    if (!m) return;
    out = out.slice(0, m.index) + to(m) + out.slice(m.index + m[0].length);
    changes.push(why);
  };
  edit(ADDRESS_BORDER, () => '', 'a border before the line');
  edit(/^C\/O\s?[,.:;]\s*/, () => 'C/O ', 'a mark after "C/O"');
  const words = out.split(' ');
  words.forEach((w, i) => {
    const m = /^([A-Z0-9.]+)[:;]$/.exec(w) ?? (i === words.length - 1 ? /^([A-Z.]+),$/.exec(w) : null);
    if (!m) return;
    const word = m[1];
    words[i] = ADDRESS_ABBREVIATION.test(word) ? `${word}.` : word;
    changes.push('a colon, semicolon or ending comma');
  });
  out = words.join(' ');
  edit(/^(\d+)\.(?=\s)/, (m) => m[1], 'a period after the house number');
  // A hyphen stays between two words otherwise ("WILKES-BARRE").
  // A period joins words of three letters too ("LAB.USA"): an abbreviation's period follows one or two letters.
  const joined = out.replace(/(\d|\b[A-Z]{3,})([-.])([A-Z]{3,})\b/g, (all, a: string, mark: string, b: string) =>
    /\d/.test(a) || mark === '.' || (a.length > 3 && STREET_KIND.test(b)) ? `${a} ${b}` : all,
  );
  if (joined !== out) changes.push('a speck joining two words');
  out = joined;
  if (out === v) return;
  f.value = out.replace(/\s+/g, ' ').trim();
  doc.doubt(
    f,
    what,
    `"${v}" read as "${f.value}": ${[...new Set(changes)].join('; ')}, which OCR makes of specks (no address line has them)`,
  );
}

/**
 * A city whose first word begins with an "I" that makes it no word, and is English without it ("ILONG BEACH"): the
 * box's left border, which OCR reads as an I. Read without it, flagged.
 */
function borderI(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  const m = v && v.length <= 100 ? /^I([A-Z]{3,20})\b/.exec(v) : null;
  if (!m || isEnglishWord(`i${m[1]}`.toLowerCase()) || !isEnglishWord(m[1].toLowerCase())) return;
  f.value = v!.slice(1);
  doc.doubt(f, what, `"${v}" read as "${f.value}": its "I" is the box's border, which OCR reads as a letter`);
}

/**
 * A city with a period after a word of three letters or more ("LONG. BEACH"): a city's abbreviations are of one or
 * two ("ST. LOUIS", "FT. WORTH", "MT. KISCO"), so the period is a speck OCR read. Read without it, flagged.
 */
function cityWordPeriod(doc: TextDoc, f: Field<string>): void {
  const v = f.value;
  if (!v || v.length > 100 || !/\b[A-Za-z]{3,}\. /.test(v)) return;
  f.value = v.replace(/\b([A-Za-z]{3,})\. /g, '$1 ');
  doc.doubt(f, 'City', `"${v}" read as "${f.value}": a period after a whole word, which OCR makes of a speck`);
}

/**
 * An address line holding a colon or semicolon, or a mark right after "C/O": no address has them, OCR makes them
 * of specks and of a period's or comma's place ("C/O, ALPHABET INC:").
 */
function addressMarks(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const mark = f.uncertain ? null : /^C\/O\s?[,.:;]/i.test(v) ? v.slice(3).trim()[0] : /[:;]/.exec(v)?.[0];
  if (mark) doc.doubt(f, what, `"${v}" holds "${mark}", which no address line has: OCR may have misread it`);
  // A period ends an abbreviation ("ST.", "BLVD.", "INC."), never a whole word or a number ("PARKWAY.", "SUITE 3A."):
  // there it is a speck OCR read, and the line is read without it.
  else if (/(?:\b[A-Za-z]{5,}|\d[A-Za-z]?)\.$/.test(v) && !/\b(?:corp|assoc|bldgs?|blvds?|pkwy)\.$/i.test(v)) {
    f.value = v.slice(0, -1);
    doc.doubt(
      f,
      what,
      `"${v}" ends in a period after a whole word or a number, as no address line does: read without it, a speck OCR read`,
    );
  }
}

/**
 * A name holding marks no name has: a bracket of the symbol's box ("... Inc. [-RKLB"), a lone mark between or after
 * its words ("Brin . Alphabet Inc.", "Kampani Arjun ."), a comma ending it ("USA, Inc,"): read across a box's edge.
 */
function strayMarks(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || f.uncertain || v.length > 300) return;
  const lone = v.split(' ').find((w) => !/[A-Za-z0-9&]/.test(w));
  const mark = /[[\]{}|]/.exec(v)?.[0] ?? lone ?? (/,$/.test(v) ? ',' : null);
  if (mark) doc.doubt(f, what, `"${v}" holds "${mark}", no part of a name: read across a box's edge (OCR)`);
}
