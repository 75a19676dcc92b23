/**
 * OCR's slips in prose read back (footnotes and remarks): marks glued between words, a misread letter the dictionary
 * or the text's own words undo in one way only, the phrases of a price range and a date, specks read as quotes.
 * Each change is said in the field's finding; `./prose` flags what is left.
 */
import type { Field } from '../../model';
import type { TextDoc } from './doc';
import { MONTH_NAMES } from '../../dates';
import { english, isEnglishWord } from './english';
import { trimEndOf, withoutAccents } from './patterns';
import { nearestFrequent, type ProseContext } from './doc-words';

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
 * The word `lower` is without one of its i's or l's after the first letter (a speck OCR read as a thin letter:
 * "kampaini" of "kampani"), the first such that `known` accepts, or null.
 */
export function withoutThinLetter(lower: string, known: (w: string) => boolean): string | null {
  for (let i = 1; i < lower.length; i++) {
    if (lower[i] !== 'i' && lower[i] !== 'l') continue;
    const w = lower.slice(0, i) + lower.slice(i + 1);
    if (known(w)) return w;
  }
  return null;
}

/** Each word `lower` becomes with one of `pairs` read back at one place ("colurnn" -> "column"), in order. */
export function* confusedReadings(lower: string, pairs: readonly [string, string][]): Generator<string> {
  for (const [from, to] of pairs)
    for (let i = lower.indexOf(from); i >= 0; i = lower.indexOf(from, i + 1))
      yield lower.slice(0, i) + to + lower.slice(i + from.length);
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

/** Month names written out, before a day in a date. */
const MONTHS = new Set(MONTH_NAMES);

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
export function undoSlips(
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
