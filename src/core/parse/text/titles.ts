/**
 * Security titles of an OCR reading read against each other: a form repeats a title down its table ("Class A
 * Common Stock" on every row), and OCR misreads one instance of it ("Class A Common Steck", "Class: B Common Stock",
 * "Stock Option (Right to Buy) ©"). A title written once that is within two letters of exactly one title the same
 * table writes at least twice is read as that title, flagged; the running tally then keeps the row in its holding
 * instead of opening a holding of its own.
 */
import type { DerivativeRow, Field, Filing, Row } from '../../model';
import type { TextDoc } from './doc';
import { english, isEnglishWord } from './english';
import { oneCharOff, trimEndOf, withinEdits } from './patterns';
import { docContext, nearestFrequent, type ProseContext } from './doc-words';

/** An "m" as OCR splits it into two letters ("Cornmon", "Conimon"), joined again for comparing. */
const SPLIT_M = /rn|ni/g;

/**
 * Letters a misread may change: at most two, and at most a tenth of the title's length plus one; an "m" that OCR
 * wrote as "rn" or "ni" counts as one letter ("Class A Cornmion Stock" is one letter from "Class A Common Stock").
 */
function near(a: string, b: string): boolean {
  const edits = Math.min(2, 1 + Math.floor(Math.min(a.length, b.length) / 10));
  return withinEdits(a, b, edits) || withinEdits(a.replace(SPLIT_M, 'm'), b.replace(SPLIT_M, 'm'), edits);
}

/**
 * Whether two titles near each other name different securities: a word for word difference between class letters,
 * numbers or English words ("Class A" and "Class B", "Series 1" and "Series 2", "Preferred" and "Common"), where a
 * misread makes a word that is no word ("Steck", "Class.A") or adds a mark. An English word one letter off a word of
 * the repeated title that the text writes at least three times as often is OCR's too ("Common Stack" beside "Common
 * Stock"): securities are not named by words a letter apart.
 */
function differentSecurities(a: string, b: string, ctx: ProseContext): boolean {
  const x = a.split(/\s+/);
  const y = b.split(/\s+/);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (/^[A-Za-z0-9]{1,2}$/.test(x[i]) && /^[A-Za-z0-9]{1,2}$/.test(y[i])) return true;
    if (/^\d+$/.test(x[i]) && /^\d+$/.test(y[i])) return true;
    const word = (w: string) => /^[A-Za-z]+$/.test(w) && isEnglishWord(w.toLowerCase());
    if (
      word(x[i]) &&
      word(y[i]) &&
      !(oneCharOff(x[i], y[i]) && ctx.count(y[i].toLowerCase()) >= 3 * ctx.count(x[i].toLowerCase()))
    )
      return true;
  }
  return false;
}

function readBack<R extends Row>(
  doc: TextDoc,
  ctx: ProseContext,
  rows: R[],
  box: (r: R) => Field<string>,
  what: string,
): void {
  const count = new Map<string, number>();
  for (const r of rows) {
    const v = box(r).value;
    if (v && v.length <= 120) count.set(v, (count.get(v) ?? 0) + 1);
  }
  const common = [...count].filter(([, n]) => n >= 2).map(([v]) => v);
  if (!common.length) return;
  for (const r of rows) {
    const f = box(r);
    const v = f.value;
    if (!v || count.get(v) !== 1) continue;
    const hits = common.filter((c) => near(v, c) && !differentSecurities(v, c, ctx));
    if (hits.length !== 1) continue;
    f.value = hits[0];
    doc.doubt(
      f,
      `${what} (row ${r.index + 1})`,
      `"${v}" read as "${hits[0]}", the title the table writes on ${count.get(hits[0])} other rows: OCR misread a letter or a mark`,
    );
  }
}

/** Opening quotes, and what OCR makes of a speck before a word ("‘Class A Common Stock", "Capital ‘Stock"). */
const OPENING_QUOTE = /^[‘'`“"]+(?=[A-Za-z])/;
const CLOSING_QUOTE = /[’'”"]/;

/**
 * A title with a mark glued to a whole word inside it ("Class: B Common Stock", "Class B Common. Stock"): a title
 * abbreviates ("Conv. Pref.", "Ser. A"), but never ends an English word with a period or any word with a colon or
 * semicolon. Read without the mark, flagged; and a word's "C" read as "€" ("€ommon") read back. An opening quote
 * glued to a word of a title that closes no quote after it ("‘Class A Common Stock") is a speck too.
 */
function marksInTitle(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || v.length > 200) return;
  const words = v.split(' ');
  const marks: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = OPENING_QUOTE.exec(words[i]);
    if (!m || words.slice(i).some((w, j) => CLOSING_QUOTE.test(j === 0 ? w.slice(m[0].length) : w))) continue;
    marks.push(words[i]);
    words[i] = words[i].slice(m[0].length);
  }
  // A "C" read as the euro sign ("€ommon Stock"), where the word with a "C" is English.
  for (let i = 0; i < words.length; i++) {
    const m = /^€([a-z]{2,20})$/.exec(words[i]);
    if (!m || !isEnglishWord(`c${m[1]}`)) continue;
    marks.push(words[i]);
    words[i] = `C${m[1]}`;
  }
  for (let i = 0; i < words.length - 1; i++) {
    const m = /^([A-Za-z]+)([.:;])$/.exec(words[i]);
    if (!m || (m[2] === '.' && (m[1].length < 4 || !isEnglishWord(m[1].toLowerCase())))) continue;
    marks.push(words[i]);
    words[i] = m[1];
  }
  if (!marks.length) return;
  f.value = words.join(' ');
  doc.doubt(
    f,
    what,
    `"${v}" read as "${f.value}": ${marks
      .map((w) =>
        w.startsWith('€')
          ? `"${w}" is "C${w.slice(1)}" (OCR read the C as "€")`
          : OPENING_QUOTE.test(w)
            ? `"${w}" opens a quote the title never closes, a speck OCR read`
            : `no word of a title ends in "${w.slice(-1)}", a speck OCR read`,
      )
      .join('; ')}`,
  );
}

/** Titles written once, read against the titles their table repeats (OCR readings only). */
export function readTitlesByTheTable(doc: TextDoc): void {
  if (!doc.ocr) return;
  const f = doc.filing;
  for (const [t, what] of titleFields(f)) marksInTitle(doc, t, what);
  const ctx = docContext(doc);
  readBack(doc, ctx, f.nonDerivative, (r) => r.securityTitle, 'Table I security title');
  readBack(doc, ctx, f.derivative, (r) => r.securityTitle, 'Table II security title');
  readBack(doc, ctx, f.derivative, (r: DerivativeRow) => r.underlyingSecurityTitle, 'Table II underlying title');
  underlyingWithinNoise(doc);
  for (const [t, what] of titleFields(f)) titleSlips(doc, t, what, ctx);
  // Titles the filing writes clean (no junk word), as evidence for the ones written with junk after them.
  const written = new Set<string>();
  for (const [t] of titleFields(f))
    if (t.value && t.value.length <= 200 && !t.value.split(/\s+/).some(junkWord)) written.add(t.value);
  for (const [t, what] of titleFields(f)) titleBeforeJunk(doc, t, what, written);
  for (const [t, what] of titleFields(f)) junkInTitle(doc, t, what);
}

/**
 * A title's word that is no word ("Conimon Stock", "Comrnon"), an "m" split in two or a slip or two from an English
 * word the text writes at least three times as often: read as that word, flagged. A title capitalizes its words, so
 * a capital is no sign of a name here; a word in capitals (an abbreviation) and a word of English stay as read.
 */
function titleSlips(doc: TextDoc, f: Field<string>, what: string, ctx: ProseContext): void {
  const v = f.value;
  if (!v || v.length > 200) return;
  const read: string[] = [];
  // Whole words, accented letters included: a part of "sécurities" is no word of its own.
  const out = v.replace(/[A-Za-z\u00C0-\u024F]+/g, (w) => {
    const lower = w.toLowerCase();
    if (!/^[A-Za-z]{4,30}$/.test(w) || /^[A-Z]+$/.test(w) || english(lower)) return w;
    const joined = lower.replace(SPLIT_M, 'm');
    const hit =
      joined !== lower && isEnglishWord(joined) && ctx.count(joined) >= 3 * Math.max(1, ctx.count(lower))
        ? joined
        : nearestFrequent(lower, ctx, false, (x) => isEnglishWord(x));
    if (!hit) return w;
    const word = /^[A-Z]/.test(w) ? hit[0].toUpperCase() + hit.slice(1) : hit;
    read.push(`"${w}" as "${word}"`);
    return word;
  });
  if (!read.length) return;
  f.value = out;
  doc.doubt(f, what, `read ${read.join(', ')}: a word OCR misread, undone by the words the text writes again`);
}

/** Every title of the tables, with the name its findings give it, in reading order. */
function* titleFields(f: Filing): Generator<[Field<string>, string]> {
  for (const r of f.nonDerivative) yield [r.securityTitle, `Table I security title (row ${r.index + 1})`];
  for (const r of f.derivative) {
    yield [r.securityTitle, `Table II security title (row ${r.index + 1})`];
    yield [r.underlyingSecurityTitle, `Table II underlying title (row ${r.index + 1})`];
  }
}

/** A word in lower case that is no English word, or letters glued to digits ("o4n142028", but not "2nd"). */
function junkWord(token: string): boolean {
  const w = trimEndOf(token.replace(/^[("“‘']+/, ''), '.,;:)"”’\'');
  return (/^[a-z]{1,12}$/.test(w) && !english(w)) || (/[a-z]\d|\d[a-z]/.test(w) && !/^\d+(?:st|nd|rd|th)$/.test(w));
}

/**
 * A title that is a title the filing writes elsewhere with only OCR's junk after it ("Class A Common Stock” ozs «
 * s i664", its row's values garbled into the title's cell): read as that title, flagged. Junk is a word `junkWord`
 * says is one, marks without a letter or digit, or a word of one to three small letters (no title ends in one after
 * a whole title); a longer word of English, or one in capitals, after the title keeps it whole.
 */
function titleBeforeJunk(doc: TextDoc, f: Field<string>, what: string, written: ReadonlySet<string>): void {
  const v = f.value;
  if (!v || v.length > 200) return;
  const words = v.split(/\s+/);
  for (let n = words.length - 1; n >= 2; n--) {
    const head = trimEndOf(words.slice(0, n).join(' '), '”"’\'');
    if (!written.has(head)) continue;
    const rest = words.slice(n);
    if (!rest.every((w) => junkWord(w) || !/[A-Za-z0-9]/.test(w) || /^[a-z]{1,3}\W*$/.test(w))) return;
    f.value = head;
    doc.doubt(f, what, `"${v}" read as "${head}", a title the filing writes elsewhere: the rest is OCR's junk`);
    return;
  }
}

/**
 * A title holding a word in lower case that is no English word ("Restricted Stock Units sth", "Class A Common
 * Stock” omnis") or letters glued to digits ("o4n142028", but not "2nd"): a title is words of English, names and
 * abbreviations in capitals, so these are OCR's, from specks or the cells beside it. Flagged, not changed: which
 * part of the cell is the title the text does not say.
 */
function junkInTitle(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  if (!v || f.uncertain || v.length > 200) return;
  for (const token of v.split(/\s+/)) {
    if (!junkWord(token)) continue;
    doc.doubt(
      f,
      what,
      `"${token}" is no word of a title: OCR may have read specks or the cells beside it into the title`,
    );
    return;
  }
}

/** Words that name a kind of security: a title holding one more of them names another security. */
const SECURITY_WORDS =
  /^(?:stock|shares?|preferred|common|class|series|warrants?|options?|units?|rights?|notes?|ordinary|restricted|convertible|debentures?|depositary|ads|adss|interests?|membership|partnership|lp|llc|bonds?|swaps?|calls?|puts?)$/i;

/**
 * An underlying title that holds, in order, the words of a title the filing writes elsewhere (Table I's, or another
 * row's underlying title), and besides them only words that name no security: OCR ran the columns beside it into
 * the cell ("Class A te Common Stock SMB", "24995 Common Stock", "Class B Common Limited Stock" beside Table II's
 * "Limited Partnership"). Read as that title, flagged; the longest such title, and only when one fits.
 */
function underlyingWithinNoise(doc: TextDoc): void {
  const f = doc.filing;
  // How often Table I's titles and Table II's underlying titles write each title.
  const written = new Map<string, number>();
  for (const t of [
    ...f.nonDerivative.map((r) => r.securityTitle),
    ...f.derivative.map((r) => r.underlyingSecurityTitle),
  ])
    if (t.value) written.set(t.value, (written.get(t.value) ?? 0) + 1);
  // Titles of securities only: a row's cells may hold OCR's junk ("Person Date").
  const known = [...written.keys()]
    .filter((t) => t.length <= 80 && t.split(' ').length >= 2 && t.split(' ').some((w) => SECURITY_WORDS.test(w)))
    .slice(0, 50);
  for (const r of f.derivative) {
    const u = r.underlyingSecurityTitle;
    const v = u.value;
    // A title the filing writes elsewhere (as well as in this row) stands.
    if (!v || v.length > 200 || (written.get(v) ?? 0) > 1) continue;
    const words = v.split(/\s+/);
    let best: string | null = null;
    let tie = false;
    for (const t of known) {
      if (t === v) continue;
      const want = t.split(' ');
      // `want` in order among `words`; every other word names no security.
      let j = 0;
      let clean = true;
      for (const w of words) {
        if (j < want.length && w.toLowerCase() === want[j].toLowerCase()) j++;
        else if (SECURITY_WORDS.test(w.replace(/[^A-Za-z]/g, ''))) clean = false;
      }
      if (j < want.length || !clean) continue;
      if (!best || t.length > best.length) {
        tie = false;
        best = t;
      } else if (t.length === best.length) tie = true;
    }
    if (!best || tie) continue;
    u.value = best;
    // The counts follow the cells as they now read, for the rows after this one.
    written.set(v, (written.get(v) ?? 1) - 1);
    written.set(best, (written.get(best) ?? 0) + 1);
    doc.doubt(
      u,
      `Table II underlying title (row ${r.index + 1})`,
      `"${v}" read as "${best}", a title the filing writes elsewhere: the other words are OCR's from the cells beside it`,
    );
  }
}
