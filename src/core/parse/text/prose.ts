/**
 * The prose of an OCR reading (footnotes, remarks, signatures) checked word by word for the shapes OCR makes of
 * letters it cannot read: an accented letter in English text ("séld"), a comma, colon or semicolon between letters
 * ("L;P"), a period glued before a word ("B.Comioni"), a rule or bracket inside a word ("Trust|s"), "&" ending a
 * word ("VIIL&"). Then against an English dictionary (./english): OCR also misreads letters as other letters,
 * making words that are no words ("transacticns", "wasissued", "Colurnn"). A field holding such a word is marked
 * uncertain with the word: its other letters may be misread too.
 */
import type { Field } from '../../model';
import type { TextDoc } from './doc';
import { isEnglishWord } from './english';
import { trimEndOf } from './patterns';

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

/** Prefixes English puts before words freely: "unvested", "nonqualified", "recapitalizations", "cotrustee". */
const PREFIXES = ['non', 'un', 're', 'pre', 'co', 'sub', 'post', 'multi', 'inter', 'over', 'under'];
/** Prefixes written with a hyphen, alone before "and" too: "pre- and post-closing", "ex-officio", "semi-annual". */
const HYPHEN_PREFIXES = new Set([...PREFIXES, 'ex', 'semi', 'quasi', 'anti', 'self']);
/** Suffixes making a word of a verb the dictionary has: "exercisable", "issuable", "transferee", "settlor". */
const SUFFIXES = ['able', 'ably', 'ability', 'ible', 'ee', 'ees', 'or', 'ors'];

/**
 * Whether a lower-case word is English: in the dictionary, or made by the rules of English from a word in it
 * (the dictionary lists few derived words of law and finance), or a British spelling of a word in it.
 */
function english(w: string, depth = 0): boolean {
  if (isEnglishWord(w)) return true;
  if (depth > 1) return false;
  if (w.length > 4 && w.endsWith('s') && english(w.slice(0, -1), depth + 1)) return true;
  for (const p of PREFIXES)
    if (w.length - p.length >= 4 && w.startsWith(p) && english(w.slice(p.length), depth + 1)) return true;
  for (const x of SUFFIXES) {
    if (w.length - x.length < 3 || !w.endsWith(x)) continue;
    const stem = w.slice(0, -x.length);
    // "exercis|able" of exercise, "transferr|able" of transfer.
    if (isEnglishWord(stem) || isEnglishWord(`${stem}e`)) return true;
    if (stem.at(-1) === stem.at(-2) && isEnglishWord(stem.slice(0, -1))) return true;
  }
  // British spellings: "cancelled", "labelling", "recognised", "organisation", "labour".
  const us = w
    .replace(/ll(ed|ing|er|ers)$/, 'l$1')
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/our(s|ed|ing|able)?$/, 'or$1')
    .replace(/tre(s)?$/, 'ter$1');
  return us !== w && isEnglishWord(us);
}

/**
 * Letters OCR reads one for another: "m" as "rn" ("Colurnn"), "l" as "i" ("Tabie"), "c" as "e" ("Stoek"), "O" as
 * "G" ("Gne"), "n" as "ri" ("Persori").
 */
const CONFUSIONS: [string, string][] = [
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
  for (const [from, to] of CONFUSIONS) {
    for (let i = lower.indexOf(from); i >= 0; i = lower.indexOf(from, i + 1)) {
      const w = lower.slice(0, i) + to + lower.slice(i + from.length);
      if (isEnglishWord(w) || (w.length >= 4 && ctx.seen(w))) return w;
    }
  }
  if (lower.length >= 5) {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') if (isEnglishWord(lower + c)) return lower + c;
    for (let i = 1; i < lower.length; i++) {
      const w = lower.slice(0, i) + lower.slice(i + 1);
      if ((lower[i] === 'i' || lower[i] === 'l') && ctx.seen(w)) return w;
    }
  }
  return null;
}

/** What the text around a field tells of its words. */
export interface ProseContext {
  /** Whether a word (in lower case) occurs more than once in the text. */
  repeated(lower: string): boolean;
  /** Whether a word (in lower case) occurs in the text. */
  seen(lower: string): boolean;
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

/** `sentences`: the field is sentences (a footnote), which end on a period, not on a comma or colon. */
function check(doc: TextDoc, f: Field<string>, what: string, ctx: ProseContext, sentences = false): void {
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
  const u = unknownWord(f.value, ctx);
  if (u)
    doc.doubt(
      f,
      what,
      `"${u.word}" is not an English word: OCR may have misread it${u.of ? ` ("${u.of}"?)` : ''}; other letters may be misread too`,
    );
}

/** How often each word (in lower case) occurs in the text, counted once, when a field first asks. */
function docContext(doc: TextDoc): ProseContext {
  let counts: Map<string, number> | null = null;
  const count = (lower: string): number => {
    if (!counts) {
      counts = new Map();
      for (const m of doc.t.matchAll(/[A-Za-z]+/g)) {
        const k = m[0].toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    return counts.get(lower) ?? 0;
  };
  return { repeated: (lower) => count(lower) > 1, seen: (lower) => count(lower) > 0 };
}

/** Every footnote, the remarks and every signature's name of an OCR reading, checked. */
export function checkProse(doc: TextDoc): void {
  if (!doc.ocr) return;
  const f = doc.filing;
  const ctx = docContext(doc);
  for (const n of f.footnotes) check(doc, n.text, `Footnote (${(n.id.value ?? '').replace(/^F/, '')}) text`, ctx, true);
  check(doc, f.remarks, 'Remarks', ctx);
  for (const s of f.signatures) check(doc, s.name, 'Signature name', ctx);
}
