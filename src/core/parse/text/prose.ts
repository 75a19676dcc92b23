/**
 * The prose of an OCR reading (footnotes, remarks, signatures) checked word by word for the shapes OCR makes of
 * letters it cannot read: an accented letter in English text ("séld"), a comma, colon or semicolon between letters
 * ("L;P"), a period glued before a word ("B.Comioni"), a rule or bracket inside a word ("Trust|s"), "&" ending a
 * word ("VIIL&"). Then against an English dictionary (./english): OCR also misreads letters as other letters,
 * making words that are no words ("transacticns", "wasissued", "Colurnn"). A field holding such a word is marked
 * uncertain with the word: its other letters may be misread too. In footnotes and remarks, first, a word the
 * dictionary reads back in one way only is shown as that word (`undoSlips`), the field uncertain with each change.
 */
import type { Field, Filing } from '../../model';
import type { TextDoc } from './doc';
import { english, HYPHEN_PREFIXES, isEnglishWord, NAME_PREFIXES } from './english';
import { trimEndOf, withoutAccents } from './patterns';
import { docContext, nearestFrequent, readTemplates, type ProseContext } from './doc-words';

/** A word OCR likely misread, or null. Each test runs on one short word. */
export function misreadWord(w: string): string | null {
  if (w.length > 60) return null;
  let from = 0;
  while (from < w.length && `"'“”‘’(`.includes(w[from])) from++;
  const core = trimEndOf(w.slice(from), `"'“”‘’),.;:`);
  if (/[À-ÖØ-öø-ÿ]/.test(core)) return 'an accented letter';
  if (/[A-Za-z][;,:][A-Za-z]/.test(core)) return 'punctuation between letters';
  if (/[A-Za-z]\.[A-Z][a-z]{2}/.test(core)) return 'a period glued before a word';
  if (/[A-Za-z][|{}[\]~^_=<>¢©®°«»]|[|{}[\]~^_=<>¢©®°«»][A-Za-z]/.test(core)) return 'a mark inside a word';
  if (/[A-Za-z]&$/.test(core)) return '"&" ending a word';
  return null;
}

/** How often the text writes `phrase` (case-insensitive, within the part of the text that is read for words). */
function writtenTimes(doc: TextDoc, phrase: string): number {
  const t = (doc.t.length > 400_000 ? doc.t.slice(0, 400_000) : doc.t).toLowerCase();
  const p = phrase.toLowerCase();
  let n = 0;
  for (let i = t.indexOf(p); i >= 0 && n < 100; i = t.indexOf(p, i + p.length)) n++;
  return n;
}

/** A word the text writes that starts with `start` (letters only), longer than `word` and not it, or null. */
function longerWordWritten(doc: TextDoc, start: string, word: string): string | null {
  const t = doc.t.length > 400_000 ? doc.t.slice(0, 400_000) : doc.t;
  // `start` is letters only (checked by the caller), so the pattern is a plain word prefix: linear.
  const re = new RegExp(`\\b${start}[a-z]{1,20}\\b`, 'gi');
  for (let m = re.exec(t), n = 0; m && n < 50; m = re.exec(t), n++)
    if (m[0].length > word.length && m[0].toLowerCase() !== word.toLowerCase()) return m[0];
  return null;
}

/**
 * Letters OCR reads one for another: "m" as "rn" ("Colurnn"), "l" as "i" ("Tabie"), "c" as "e" ("Stoek"), "O" as
 * "G" ("Gne"), "n" as "ri" ("Persori").
 */
export const CONFUSIONS: readonly [string, string][] = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['in', 'm'],
  ['ni', 'm'],
  ['ri', 'n'],
  ['ii', 'u'],
  ['li', 'h'],
  ['cl', 'd'],
  ['vv', 'w'],
  ['i', 'l'],
  ['l', 'i'],
  ['e', 'c'],
  ['c', 'e'],
  ['h', 'n'],
  ['g', 'o'],
  ['f', 't'],
  ['t', 'f'],
  ['j', 'i'],
];

/**
 * The word a capitalized word not in the dictionary was misread from, or null when it may be a name: an English
 * word or a word the text writes elsewhere (a name in the boxes) with one letter read as one OCR confuses it with
 * ("Colurnn" of "Column"); an English word with its last letter lost ("Attorne"); a word the text writes elsewhere
 * with a thin letter added ("Kampaini" of "Kampani": a speck read as "i" or "l"). Names seldom are any of these,
 * and a name is what such a word otherwise is.
 */
function misreadOf(lower: string, ctx: ProseContext): string | null {
  for (const w of confusedReadings(lower, CONFUSIONS)) if (isEnglishWord(w) || (w.length >= 4 && ctx.seen(w))) return w;
  if (lower.length >= 5) {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') if (isEnglishWord(lower + c)) return lower + c;
    for (let i = 1; i < lower.length; i++) {
      const w = lower.slice(0, i) + lower.slice(i + 1);
      if ((lower[i] === 'i' || lower[i] === 'l') && ctx.seen(w)) return w;
    }
  }
  return null;
}

/** Each word `lower` becomes with one of `pairs` read back at one place ("colurnn" -> "column"), in order. */
export function* confusedReadings(lower: string, pairs: readonly [string, string][]): Generator<string> {
  for (const [from, to] of pairs)
    for (let i = lower.indexOf(from); i >= 0; i = lower.indexOf(from, i + 1))
      yield lower.slice(0, i) + to + lower.slice(i + from.length);
}

/** Letters in a row past which no English word goes: OCR joined words or read a smear as letters. */
const LONGEST = 30;

/**
 * A word of `text` that is not English and not a name, number or abbreviation, or null. Tested: words of letters
 * only (a digit, "/", "&", "@" or a dotted letter next to one makes a number, a rule, an abbreviation or an
 * address: "10b5-1", "U/T/D", "S&P", "L.P.", "www.sec.gov"), in lower case or capitalized (capitals and inner
 * capitals are abbreviations and names: "FBO", "RSUs", "McCabe"), each part of a hyphenated word alone, a word
 * hyphenated at a line's end also joined again. A lower-case word must be English; a capitalized word may be a
 * name, so it is taken as misread only when it is a word with a letter OCR confuses ("Colurnn") or its last letter
 * lost ("Attorne"). A word the text writes twice is no misreading (OCR seldom misreads a word the same way twice):
 * a name in the boxes and the footnotes, a term of the form's own labels ("Exercisable").
 */
export function unknownWord(text: string, ctx: ProseContext): { word: string; of: string | null } | null {
  const re = /[A-Za-z]+(?:['\u2019][A-Za-z]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 2);
    if (/[\d/\\&@_\u00c0-\u024f]$/.test(before) || /^[\d/\\&@_\u00c0-\u024f]/.test(after)) continue;
    if (/[A-Za-z]\.$/.test(before) || /^(?:\.[A-Za-z]|:\/)/.test(after)) continue;
    // A word hyphenated at the end of a line: "exer- cisable".
    const cont = /[a-z]$/.test(word) ? /^- ([a-z]{1,30})/.exec(text.slice(end, end + 34)) : null;
    if (cont) {
      const joined = (word + cont[1]).toLowerCase();
      if (joined.length <= LONGEST && (english(joined) || ctx.repeated(joined))) {
        re.lastIndex = end + cont[0].length;
        continue;
      }
    }
    const bare = word.replace(/['\u2019]s$/i, '');
    // Two letters: lower-case words only ("tn" of "in"); "Mr", "Jo" and "Li" are titles and names.
    if (bare.length < (/^[a-z]/.test(bare) ? 2 : 3) || !/^[A-Za-z]?[a-z]+$/.test(bare)) continue;
    if (bare.length > LONGEST) return { word, of: null };
    const lower = bare.toLowerCase();
    // A lower-case Roman numeral: "(iii)".
    if (/^[ivx]+$/.test(bare)) continue;
    if (english(lower) || (bare !== lower && isEnglishWord(bare)) || ctx.repeated(lower)) continue;
    if (bare === lower) {
      // A particle of a name: "Carlos del Rio", "Jan van der Berg".
      const name = /[A-Z][a-z]+ (?:[a-z]{1,3} )?$/.test(text.slice(Math.max(0, start - 34), start));
      if (lower.length <= 3 && name && /^ [A-Z]/.test(after)) continue;
      // A prefix standing for itself: "pre- and post-closing", "co-trustee".
      if (after[0] === '-' && HYPHEN_PREFIXES.has(lower)) continue;
      return { word, of: null };
    }
    const of = misreadOf(lower, ctx);
    if (of) return { word, of: of[0].toUpperCase() + of.slice(1) };
  }
  return null;
}

/**
 * `sentences`: the field is sentences (a footnote), which end on a period, not on a comma or colon; `othersEnd`: the
 * filing's other footnotes end in one, so one ending in a word lost its period or its last words.
 */
function check(
  doc: TextDoc,
  f: Field<string>,
  what: string,
  ctx: ProseContext,
  sentences = false,
  othersEnd = false,
): void {
  if (!f.value || f.uncertain || f.value.length > 20000) return;
  for (const w of f.value.split(/\s+/)) {
    const why = misreadWord(w);
    if (why) {
      doc.doubt(
        f,
        what,
        `"${w}" holds ${why}, a shape OCR makes of letters it cannot read: other letters may be misread too`,
      );
      return;
    }
  }
  // A footnote is sentences: one ending on a comma, colon or semicolon lost its period to OCR, or its last words.
  const end = sentences ? /[,:;]$/.exec(f.value.trimEnd())?.[0] : undefined;
  if (end) {
    doc.doubt(
      f,
      what,
      `it ends with "${end}" where its sentence should end: OCR may have misread a period or lost words`,
    );
    return;
  }
  // A lower-case letter standing alone between words ("in accordance with t the Securities"): English has "a"
  // alone, list items stand in parentheses ("(b)"), and initials in capitals; OCR lost the words around it.
  const lone = /(?:^|\s)([b-z])(?=\s+[A-Za-z])/.exec(f.value);
  if (lone) {
    doc.doubt(f, what, `"${lone[1]}" stands alone between words: OCR may have lost or broken the words around it`);
    return;
  }
  // A short word hyphenated to a capitalized one ("BVP VIII Inst ind-BVP VIII"): a hyphen joins a prefix to a name
  // ("pre-IPO", "non-U.S.", "mid-March", "de-SPAC"), so where the word is none, OCR read a space or a speck as one.
  for (const m of f.value.matchAll(/(?:^|[\s(])([a-z]{1,4})-[A-Z]/g)) {
    if (HYPHEN_PREFIXES.has(m[1]) || NAME_PREFIXES.has(m[1])) continue;
    const word = /\S{1,40}/.exec(f.value.slice(m.index).trimStart())?.[0] ?? m[0];
    doc.doubt(
      f,
      what,
      `"${word}" joins "${m[1]}" to a name with a hyphen: OCR may have read a space or a speck as one`,
    );
    return;
  }
  // Two words of officers' titles joined by a hyphen ("General-Counsel"): titles write them apart (only a prefix
  // takes a hyphen: "Vice-President", "Co-Founder"), so OCR may have read a space as one.
  for (const m of f.value.matchAll(/(?:^|[\s(,])([A-Z][a-z]{2,14})-([A-Z][a-z]{2,14})(?=[\s,.;:)]|$)/g)) {
    const [a, b] = [m[1].toLowerCase(), m[2].toLowerCase()];
    if (!TITLE_WORDS.has(a) || !TITLE_WORDS.has(b) || HYPHEN_PREFIXES.has(a) || a === 'vice') continue;
    doc.doubt(
      f,
      what,
      `"${m[1]}-${m[2]}" joins two words of an officer's title with a hyphen: OCR may have read a space as one`,
    );
    return;
  }
  // A last word cut at the page's edge: not English, and the start of a longer word the text writes elsewhere
  // ("/s/ See signatures included in Exhil" beside the "Exhibit 99.1" the text writes).
  const tail = /(?:^|\s)([A-Za-z]{3,20})[.,]?$/.exec(f.value.trimEnd());
  // A word the text writes elsewhere ("Kampani" in the boxes) is whole.
  if (tail && !english(tail[1].toLowerCase()) && writtenTimes(doc, tail[1]) === 1) {
    // Its last letter may be half a letter, cut too ("Exhil" of "Exhib...").
    const longer =
      longerWordWritten(doc, tail[1], tail[1]) ??
      (tail[1].length >= 5 ? longerWordWritten(doc, tail[1].slice(0, -1), tail[1]) : null);
    if (longer) {
      doc.doubt(
        f,
        what,
        `it ends with "${tail[1]}", the start of "${longer}", which the text writes elsewhere: OCR may have cut its last words`,
      );
      return;
    }
  }
  const last = othersEnd ? /[a-z]{1,40}$/.exec(f.value.trimEnd())?.[0] : undefined;
  if (last) {
    doc.doubt(
      f,
      what,
      `it ends with "${last}" without a period where the filing's other footnotes end in one: OCR may have lost its last words`,
    );
    return;
  }
  const u = unknownWord(f.value, ctx);
  if (u)
    doc.doubt(
      f,
      what,
      `"${u.word}" is not an English word: OCR may have misread it${u.of ? ` ("${u.of}"?)` : ''}; other letters may be misread too`,
    );
}

/**
 * Letters OCR reads one for another, for reading a non-word back: `CONFUSIONS` and a few more that a capitalized
 * word must not be tested with (names have them): "o" as "c" ("transacticns"), "r" as "i" or "y" ("shaies",
 * "shayes"), "t" as "i" ("setilement"), "o" as "e" ("ene"), "l" as "t" ("initiat"), "m" as "ii" ("froii").
 */
const READ_BACK: [string, string][] = [
  ...CONFUSIONS,
  ['c', 'o'],
  ['e', 'o'],
  ['i', 'r'],
  ['y', 'r'],
  ['i', 't'],
  ['t', 'l'],
  ['ii', 'm'],
];

/** Words of officers' titles (the form's box 5 and the remarks that give a title). */
const TITLE_WORDS = new Set(
  (
    'chief executive financial operating accounting legal technology information marketing revenue commercial ' +
    'medical scientific investment compliance risk people human resources officer president general counsel ' +
    'secretary treasurer controller director senior executive corporate principal managing partner chairman ' +
    'chair vice founder head global'
  ).split(' '),
);

/** Month names, before a day in a date. */
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

/** Internet names a period joins, which are no glued words: "sec.gov". */
const NET_WORDS = new Set(['www', 'com', 'gov', 'org', 'net', 'http', 'https', 'html', 'htm']);

/** Words prose writes with a period in mid-sentence ("approx. five", "etc. and"), which is then no speck. */
const ABBREVIATIONS = new Set([
  'approx',
  'etc',
  'viz',
  'vs',
  'cf',
  'al',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'nos',
  'jr',
  'sr',
  'st',
  'esq',
  'incl',
  'excl',
  'ie',
  'eg',
]);

/**
 * Short words a read-back may give: the dictionary also holds abbreviations and fragments of two or three letters
 * ("ma", "isl", "ion", "ted") that OCR's junk would otherwise become.
 */
const SMALL = new Set([
  'to',
  'of',
  'in',
  'on',
  'at',
  'is',
  'as',
  'by',
  'or',
  'an',
  'the',
  'and',
  'for',
  'are',
  'was',
  'its',
  'per',
  'any',
  'but',
  'not',
  'all',
  'has',
  'had',
  'one',
  'two',
]);
const plausible = (w: string) => w.length >= 4 || SMALL.has(w);

/**
 * The one English word a non-word (in lower case) becomes with one letter OCR confuses read back, or null. A
 * capitalized word may be a name: only `CONFUSIONS` and accents are read back in it.
 */
function onlyReading(lower: string, capitalized: boolean): string | null {
  let found: string | null = null;
  for (const w of confusedReadings(lower, capitalized ? CONFUSIONS : READ_BACK)) {
    if (!plausible(w) || w === found || !isEnglishWord(w)) continue;
    if (found) return null; // two readings: no way to choose
    found = w;
  }
  // An accent OCR put on an English letter: "moré", "irrevocablé", "sécurity".
  const plain = withoutAccents(lower);
  if (plain !== lower && isEnglishWord(plain)) return found && found !== plain ? null : plain;
  if (found || capitalized) return found;
  // A speck read as a thin letter before or after the word: "tmonths", "fromi".
  if (/^[til]/.test(lower) && lower.length >= 6 && isEnglishWord(lower.slice(1))) return lower.slice(1);
  if (/[il]$/.test(lower) && lower.length >= 5 && isEnglishWord(lower.slice(0, -1))) return lower.slice(0, -1);
  // Two words OCR ran together, one of them a short word ("numberof", "wasissued", "inthis"): the one place they
  // part into two English words (two long words apart are as often one word misread: "sundertakes").
  let split: string | null = null;
  for (let i = 2; i <= lower.length - 2 && lower.length >= 5; i++) {
    const a = lower.slice(0, i);
    const b = lower.slice(i);
    if (!(SMALL.has(a) || SMALL.has(b)) || !plausible(a) || !plausible(b)) continue;
    if (!isEnglishWord(a) || !isEnglishWord(b)) continue;
    if (split) return null;
    split = `${a} ${b}`;
  }
  return split;
}

/**
 * One whitespace-separated word of prose with the slips OCR makes that a dictionary undoes: marks glued between
 * English words ("price.reported", "was‘issued", "The.option.is"), a mark between a word and an amount
 * ("from’$639.26", "Column.4"), an accent on an English letter ("moré"), two words run together ("numberof"), and a
 * lower-case non-word that one confused letter read back makes the only English word it can be ("soid" of "sold",
 * "transacticns", "Tabie"). Null when nothing is undone. Words the text writes twice are kept (OCR seldom misreads
 * a word the same way twice), and so are Roman numerals, names, abbreviations and internet names.
 */
function undoSlip(w: string, ctx: ProseContext, budget: { left: number }, note: { said?: string } = {}): string | null {
  if (w.length > 60) return null;
  let from = 0;
  while (from < w.length && `"'“”‘’(`.includes(w[from])) from++;
  const core = trimEndOf(w.slice(from), `"'“”‘’),.;:`);
  if (!core) return null;
  const head = w.slice(0, from);
  const tail = w.slice(from + core.length);
  // A straight apostrophe too ("undertakes'to", "the'Issuer"): a possessive's or a contraction's part after it is
  // one letter ("Issuer's", "don't"), and a name's part before it ("O'Brien").
  const parts = core.split(/[.‘’':;]/);
  if (
    parts.length > 1 &&
    parts.every(
      (x, i) =>
        (x.length >= 2 || (i === 0 && /^[aI]$/.test(x))) && (i === 0 ? /^[A-Za-z][a-z]*$/ : /^[A-Za-z][a-z]+$/).test(x),
    ) &&
    parts.every((x) => !NET_WORDS.has(x.toLowerCase()) && english(x.toLowerCase())) &&
    !english(parts.join('').toLowerCase())
  )
    return `${head}${parts.join(' ')}${tail}`;
  const amount = /^([A-Za-z][a-z]{1,19})[.‘’':;](\$?\d[\d,.]{0,20})$/.exec(core);
  if (amount && english(amount[1].toLowerCase())) return `${head}${amount[1]} ${amount[2]}${tail}`;
  // A speck read as a hyphen after a comma: "of 1934,-as amended" (no word follows a comma with a hyphen).
  const comma = /^([^,]{1,30}),-([a-z]{2,20})$/.exec(core);
  if (comma && english(comma[2])) return `${head}${comma[1]}, ${comma[2]}${tail}`;
  // A number glued to the word after it by a stroke or a speck: "Column 4/is", "Column 4'is".
  const glued = /^(\d{1,3})[/|'’‘:;]([a-z]{2,20})$/.exec(core);
  if (glued && english(glued[2])) return `${head}${glued[1]} ${glued[2]}${tail}`;
  // A dollar amount's cents point read as a colon, semicolon or comma: "$653:97", "$4,14" (a comma groups three
  // digits, never two).
  const cents = /^(\$\d{1,3}(?:,\d{3}){0,4})[,:;](\d{2})$/.exec(core);
  if (cents) return `${head}${cents[1]}.${cents[2]}${tail}`;
  // A rule's number with its 1 read as a letter: "Rule I6a-9", "Rule l0b5-1".
  const rule = /^[Il](\d[0-9a-z]{1,3}-\d{1,2})$/.exec(core);
  if (rule && /[a-z]/.test(rule[1])) return `${head}1${rule[1]}${tail}`;
  const word = /^([A-Z]?)([a-z\u00e0-\u00ff]{2,30})$/.exec(core);
  if (!word || /^[ivx]+$/.test(core)) return null;
  const lower = core.toLowerCase();
  if (budget.left <= 0 || isEnglishWord(lower)) return null;
  const capitalized = word[1] !== '';
  budget.left--;
  let fixed: string | null;
  // Whether the text's own words gave the reading (said in the finding), not the dictionary alone.
  let byText = true;
  if (english(lower))
    // English only as a derived word: the rules of English make words of OCR's slips too ("colimn" as co + limn,
    // "reparting" as re + parting, "undersighed" as under + sighed). Such a word a letter off a dictionary word the
    // text writes three times as often is that word; the letter is not the first, so a prefix stands ("unvested"
    // beside "invested").
    fixed = nearestFrequent(
      lower,
      ctx,
      true,
      (x) => x.length === lower.length && x[0] === lower[0] && isEnglishWord(x),
    );
  else {
    // A word the text writes twice is kept unless the text writes a word a slip from it far more often: "shages"
    // twice beside "shares" thirteen times.
    fixed = ctx.repeated(lower) ? null : onlyReading(lower, capitalized);
    byText = !fixed;
    fixed ??= nearestFrequent(withoutAccents(lower), ctx, capitalized, (x) => english(x));
  }
  if (!fixed) return null;
  if (byText) note.said = `a word the text writes ${ctx.count(fixed)} times`;
  return `${head}${capitalized ? fixed[0].toUpperCase() + fixed.slice(1) : fixed}${tail}`;
}

/**
 * A footnote's or the remarks' text with OCR's slips undone (`undoSlip`), and for a footnote a comma, colon or
 * semicolon ending it read as the period it stands for; the field keeps what OCR wrote as its raw text and is marked
 * uncertain with each change. Signatures are names, left as read.
 */
function undoSlips(
  doc: TextDoc,
  f: Field<string>,
  what: string,
  ctx: ProseContext,
  sentences: boolean,
  lostPeriod: (text: string) => boolean = () => false,
): void {
  if (!f.value || f.value.length > 20000) return;
  const changes: string[] = [];
  const parts = f.value.split(/(\s+)/);
  // Non-words read back per field at most: each tries some hundred dictionary lookups, and a hostile footnote could
  // hold thousands (a real one holds a few).
  const budget = { left: 200 };
  for (let i = 0; i < parts.length; i += 2) {
    const before = parts[i - 2] ?? '';
    const after = parts[i + 2] ?? '';
    // "to" read as "40" between a price range's ends ("from $650.72 40 $651.71"), "in" as the numeral "ii" between
    // words ("sold ii multiple"): a numeral stands in parentheses ("(ii)").
    const to = parts[i] === '40' && /^\$\d/.test(before) && /^\$\d/.test(after);
    const inWord = parts[i] === 'ii' && /^[a-z]{2,}$/.test(before) && /^[a-z]{2,}/.test(after);
    if (to || inWord) {
      const fixed = to ? 'to' : 'in';
      changes.push(`"${parts[i]}" as "${fixed}"`);
      parts[i] = fixed;
      continue;
    }
    // The word of a price range OCR misread: "ranging trim $635.95", "ranging fro $644.96" (the range is written
    // "ranging from $X to $Y", and "$" follows no other word there).
    if (before === 'ranging' && /^\$\d/.test(after) && /^[a-z]{2,5}$/.test(parts[i]) && parts[i] !== 'from') {
      changes.push(`"ranging ${parts[i]}" as "ranging from"`);
      parts[i] = 'from';
      continue;
    }
    // A date's comma read as a semicolon: "March 31; 2022" (no sentence breaks between a day and its year).
    const day = /^(\d{1,2});$/.exec(parts[i]);
    if (day && MONTHS.has(before.toLowerCase()) && /^\d{4}\b/.test(after)) {
      changes.push(`"${before} ${parts[i]}" as "${before} ${day[1]},"`);
      parts[i] = `${day[1]},`;
      continue;
    }
    // A speck read as an opening quote that no quote closes: "Stock ‘was issued", "“The shares".
    const speck = budget.left > 0 ? /^[‘'`“"]([A-Za-z][a-z]{1,19}[,.;:]?)$/.exec(parts[i]) : null;
    if (speck) budget.left--;
    if (
      speck &&
      // A quote that closes ends a word ("Trust”,"); an apostrophe inside one ("Issuer’s") closes nothing.
      !parts.slice(i + 1, i + 80).some((x) => /[’'”"][,.;:)]*$/.test(x)) &&
      english(trimEndOf(speck[1], ',.;:').toLowerCase())
    ) {
      changes.push(`"${parts[i]}" as "${speck[1]}"`);
      parts[i] = speck[1];
      continue;
    }
    // A word's last letter OCR set apart: "are reporte d on".
    const last = parts[i + 2] ?? '';
    const split = budget.left > 0 && /^[b-z][.,;:]?$/.test(last) ? /^([a-z]{3,20})$/.exec(parts[i]) : null;
    if (split) budget.left--;
    if (split && !english(split[1]) && english(split[1] + last[0])) {
      const fixed = `${split[1]}${last}`;
      changes.push(`"${parts[i]}${parts[i + 1]}${last}" as "${fixed}"`);
      parts.splice(i, 3, fixed);
      continue;
    }
    // A speck read as a period after a word, in the middle of a sentence: "were sold. in multiple". A sentence
    // starts with a capital letter; an abbreviation keeps its period ("approx. five", "Inc. and").
    const stop = /^([a-z]{2,20})\.$/.exec(parts[i]);
    const next = /^[a-z]{2,20}(?=[,.;:]?$)/.exec(after)?.[0];
    if (stop && next && !ABBREVIATIONS.has(stop[1]) && budget.left > 0) {
      budget.left--;
      if (english(stop[1]) && english(next)) {
        changes.push(`"${parts[i]} ${after}" as "${stop[1]} ${after}"`);
        parts[i] = stop[1];
        continue;
      }
    }
    const note: { said?: string } = {};
    const fixed = undoSlip(parts[i], ctx, budget, note);
    if (fixed === null) continue;
    changes.push(`"${parts[i]}" as "${fixed}"${note.said ? ` (${note.said})` : ''}`);
    parts[i] = fixed;
  }
  let text = parts.join('');
  // Specks after a footnote's last sentence: "required report. -".
  const junk = sentences ? /(?<=[.!?)"”])\s{1,4}[-–—_~|.,'‘’]{1,3}$/.exec(text) : null;
  if (junk) {
    text = text.slice(0, junk.index);
    changes.push(`the "${junk[0].trim()}" after its last sentence left out`);
  }
  const end = sentences ? /[,:;]$/.exec(text)?.[0] : undefined;
  if (end) {
    text = `${text.slice(0, -1)}.`;
    changes.push(`the "${end}" ending it as "."`);
  } else if (sentences && /[a-z]$/.test(text) && lostPeriod(text)) {
    const last = /\S{1,40}$/.exec(text)?.[0] ?? '';
    text = `${text}.`;
    changes.push(`"${last}" ending it as "${last}." (the filing's other footnotes end in a period)`);
  }
  if (!changes.length) return;
  f.value = text;
  doc.doubt(
    f,
    what,
    `read ${changes.slice(0, 6).join(', ')}${changes.length > 6 ? ` and ${changes.length - 6} more` : ''}: slips OCR makes, undone by the dictionary and the text's own words; other letters may be misread too`,
  );
}

/** "Partners VIII", "Fund IV": a capitalized word and the Roman numeral after it. */
const NUMBERED = /\b([A-Z][A-Za-z]{1,30}) ([IVX]{1,6})\b/g;

/**
 * A name's Roman numeral that a stroke more or less makes of the numeral the text writes after the same word at
 * least twice ("Deer VI & Co." beside "Deer VIII" five times): OCR loses and adds strokes. Both may be names (a
 * fund VI beside a fund VIII), so the field is marked uncertain, not changed.
 */
function strokesOff(doc: TextDoc, f: Field<string>, what: string, numerals: Map<string, Map<string, number>>): void {
  const v = f.value;
  if (!v || v.length > 20_000 || f.uncertain) return;
  for (const m of v.matchAll(NUMBERED)) {
    const byNumeral = numerals.get(m[1]);
    if (!byNumeral || (byNumeral.get(m[2]) ?? 0) > 1) continue;
    // A stroke more or less: the numeral with I's added at its end, or taken off (at most 6 letters each way).
    for (let k = 0; k < 6; k++) {
      const longer = m[2] + 'I'.repeat(k + 1);
      const shorter = m[2].endsWith('I'.repeat(k + 1)) ? m[2].slice(0, -(k + 1)) : null;
      for (const numeral of [longer, shorter]) {
        const n = numeral ? (byNumeral.get(numeral) ?? 0) : 0;
        if (n < 2) continue;
        doc.doubt(
          f,
          what,
          `"${m[0]}" where the text writes "${m[1]} ${numeral}" ${n} times: OCR may have lost or added a stroke`,
        );
        return;
      }
    }
  }
}

/** Every footnote, the remarks and every signature's name of an OCR reading, checked. */
export function checkProse(doc: TextDoc): void {
  if (!doc.ocr) return;
  const f = doc.filing;
  const ctx = docContext(doc);
  // How often the text writes each word with each numeral after it.
  const numerals = new Map<string, Map<string, number>>();
  for (const m of (doc.t.length > 200_000 ? doc.t.slice(0, 200_000) : doc.t).matchAll(NUMBERED)) {
    let byNumeral = numerals.get(m[1]);
    if (!byNumeral) numerals.set(m[1], (byNumeral = new Map()));
    byNumeral.set(m[2], (byNumeral.get(m[2]) ?? 0) + 1);
  }
  // A footnote ending in a word where every other footnote (at least two) ends in a period lost its period: counted
  // once, not per footnote.
  const ended = f.footnotes.map((n) => (n.text.value ?? '').trimEnd().endsWith('.'));
  const unended = ended.filter((e) => !e).length;
  // How many footnotes end in each last word with its period: "inclusive." ending twelve sale footnotes.
  const endings = new Map<string, number>();
  for (const n of f.footnotes) {
    const last = /\S{1,40}$/.exec((n.text.value ?? '').trimEnd())?.[0];
    if (last?.endsWith('.')) endings.set(last, (endings.get(last) ?? 0) + 1);
  }
  const what = (n: Filing['footnotes'][number]) => `Footnote (${(n.id.value ?? '').replace(/^F/, '')}) text`;
  for (const [i, n] of f.footnotes.entries()) {
    // Asked of the text with its words read back ("lnclisive" ending it is "inclusive").
    const lostPeriod = (text: string) =>
      (f.footnotes.length >= 3 && unended === (ended[i] ? 0 : 1)) ||
      (endings.get(`${/\S{1,40}$/.exec(text)?.[0] ?? ''}.`) ?? 0) >= 2;
    undoSlips(doc, n.text, what(n), ctx, true, lostPeriod);
  }
  readTemplates(
    doc,
    f.footnotes.map((n) => [n.text, what(n)]),
    ctx,
  );
  const endsNow = f.footnotes.map((n) => /[.!?)"”]$/.test((n.text.value ?? '').trimEnd()));
  const endedNow = endsNow.filter(Boolean).length;
  for (const [i, n] of f.footnotes.entries()) {
    // At least two other footnotes, and at least half of them, end a sentence.
    const others = endedNow - (endsNow[i] ? 1 : 0);
    const othersEnd = others >= 2 && 2 * others >= f.footnotes.length - 1;
    check(doc, n.text, what(n), ctx, true, othersEnd);
    strokesOff(doc, n.text, what(n), numerals);
  }
  undoSlips(doc, f.remarks, 'Remarks', ctx, false);
  check(doc, f.remarks, 'Remarks', ctx);
  for (const s of f.signatures) check(doc, s.name, 'Signature name', ctx);
}
