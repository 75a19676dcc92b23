/**
 * The prose of an OCR reading (footnotes, remarks, signatures) checked word by word for the shapes OCR makes of
 * letters it cannot read: an accented letter in English text ("séld"), a comma, colon or semicolon between letters
 * ("L;P"), a period glued before a word ("B.Comioni"), a rule or bracket inside a word ("Trust|s"), "&" ending a
 * word ("VIIL&"). Then against an English dictionary (./english): OCR also misreads letters as other letters,
 * making words that are no words ("transacticns", "wasissued", "Colurnn"). A field holding such a word is marked
 * uncertain with the word: its other letters may be misread too. In footnotes and remarks, first, a word the
 * dictionary reads back in one way only is shown as that word (`undoSlips`, ./prose-readback), the field uncertain
 * with each change.
 */
import type { Field, Filing } from '../../model';
import type { TextDoc } from './doc';
import { english, HYPHEN_PREFIXES, isEnglishWord, NAME_PREFIXES } from './english';
import { trimEndOf } from './patterns';
import { countedText, docContext, readTemplates, type ProseContext } from './doc-words';
import { CONFUSIONS, confusedReadings, undoSlips, withoutThinLetter } from './prose-readback';

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

/** Words of officers' titles (the form's box 5 and the remarks that give a title). */
const TITLE_WORDS = new Set(
  (
    'chief executive financial operating accounting legal technology information marketing revenue commercial ' +
    'medical scientific investment compliance risk people human resources officer president general counsel ' +
    'secretary treasurer controller director senior executive corporate principal managing partner chairman ' +
    'chair vice founder head global'
  ).split(' '),
);

/** How often the text writes `phrase` (case-insensitive, within the part of the text that is read for words). */
function writtenTimes(doc: TextDoc, phrase: string): number {
  const t = countedText(doc).toLowerCase();
  const p = phrase.toLowerCase();
  let n = 0;
  for (let i = t.indexOf(p); i >= 0 && n < 100; i = t.indexOf(p, i + p.length)) n++;
  return n;
}

/** A word the text writes that starts with `start` (letters only), longer than `word` and not it, or null. */
function longerWordWritten(doc: TextDoc, start: string, word: string): string | null {
  const t = countedText(doc);
  // `start` is letters only (checked by the caller), so the pattern is a plain word prefix: linear.
  const re = new RegExp(`\\b${start}[a-z]{1,20}\\b`, 'gi');
  for (let m = re.exec(t), n = 0; m && n < 50; m = re.exec(t), n++)
    if (m[0].length > word.length && m[0].toLowerCase() !== word.toLowerCase()) return m[0];
  return null;
}

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
    const thin = withoutThinLetter(lower, (w) => ctx.seen(w));
    if (thin) return thin;
  }
  return null;
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
