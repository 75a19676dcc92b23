/**
 * The words an OCR reading writes, as evidence for reading its prose back. A filing repeats its words: the same
 * footnote for each sale ("The shares were sold in multiple transactions at prices ranging from ..."), the issuer's
 * and the owners' names in the boxes, the footnotes and the signatures. OCR seldom misreads a word the same way
 * twice, so a non-word a few slips from a word the text writes again and again is that word misread ("shages",
 * "tfansactions", "Peison" beside "shares", "transactions" and "Person" written a dozen times).
 */
import type { Field } from '../../model';
import type { ProseContext, TextDoc } from './doc';
import { english } from './english';
import { oneCharOff, withinEdits } from './patterns';

export type { ProseContext };

/** Characters counted from the text's start at most: a real filing's text is a few pages. */
const COUNTED = 400_000;
/** Frequent words kept at most (the most frequent): a real filing writes a few hundred words twice or more. */
const FREQUENT = 1_000;
/**
 * Words compared with the frequent words per text at most: each comparison runs through them all, and a hostile
 * text could hold thousands of non-words (a real one holds a few dozen).
 */
const NEAREST = 500;

/** The part of the text read for its words: its first COUNTED characters. */
export function countedText(doc: TextDoc): string {
  return doc.t.length > COUNTED ? doc.t.slice(0, COUNTED) : doc.t;
}

/** How often each word (in lower case) occurs in the text, counted once per text, when a field first asks. */
export function docContext(doc: TextDoc): ProseContext {
  doc.words ??= countWords(doc);
  return doc.words;
}

function countWords(doc: TextDoc): ProseContext {
  let counts: Map<string, number> | null = null;
  let frequent: Map<string, number> | null = null;
  const all = (): Map<string, number> => {
    if (!counts) {
      counts = new Map();
      for (const m of countedText(doc).matchAll(/[A-Za-z]+/g)) {
        const k = m[0].toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    return counts;
  };
  const count = (lower: string): number => all().get(lower) ?? 0;
  return {
    count,
    repeated: (lower) => count(lower) > 1,
    seen: (lower) => count(lower) > 0,
    frequent: () => {
      frequent ??= new Map(
        [...all()]
          .filter(([w, n]) => n >= 2 && w.length >= 4 && w.length <= 30)
          .sort((a, b) => b[1] - a[1])
          .slice(0, FREQUENT),
      );
      return frequent;
    },
    nearest: { left: NEAREST },
  };
}

/**
 * The one word the text writes at least twice, and at least three times as often as `lower` itself, that `lower`
 * becomes with one slip (two in a word of seven letters or more: "rhultiple", "expiratioti"), or null: none, or
 * two as near with no way to choose. `accept` says which frequent words may be the reading (English ones: a name
 * written twice is no evidence that a word beside it is that name). A word of a name (`capitalized`) is read back
 * with one slip only, and only in a word of five letters or more: names differ by a letter ("Brian", "Bryan").
 */
export function nearestFrequent(
  lower: string,
  ctx: ProseContext,
  capitalized: boolean,
  accept: (w: string) => boolean,
): string | null {
  if (lower.length < (capitalized ? 5 : 4) || lower.length > 30 || ctx.nearest.left <= 0) return null;
  ctx.nearest.left--;
  const most = capitalized || lower.length < 7 ? 1 : 2;
  const own = ctx.count(lower);
  for (let edits = 1; edits <= most; edits++) {
    const found: [string, number][] = [];
    for (const [w, n] of ctx.frequent()) {
      if (w === lower || n < 3 * own || n < 2 || !withinEdits(lower, w, edits)) continue;
      if (accept(w)) found.push([w, n]);
    }
    if (found.length === 1) return found[0][0];
    if (!found.length) continue;
    // Two as near: the one of the same length (OCR changes letters more than it adds or drops them:
    // "trahsactioné" is "transactions", not "transaction"), or one written three times as often as any other.
    const same = found.filter(([w]) => w.length === lower.length);
    if (same.length === 1) return same[0][0];
    const [top, ...rest] = found.sort((a, b) => b[1] - a[1]);
    return rest.every(([, n]) => 3 * n <= top[1]) ? top[0] : null;
  }
  return null;
}

/** A word as a context of another: an amount or a date stands for any ("$635.95" as "$0.0", "10/02/2015" as "0/0/0"). */
const shape = (w: string) => w.replace(/\d+/g, '0');

/** Tokens compared across footnotes at most: a hostile text could hold a million (a real filing a few thousand). */
const TEMPLATE_TOKENS = 50_000;

/** Words one context (the words before and after) may hold and still be a template's slot. */
const SLOT = 16;

/** One word of a text read back by `templateSlips`: at which token, as what, and what says so. */
export interface TemplateSlip {
  token: number;
  read: string;
  as: string;
  /** How many other texts write `as` between the same two words. */
  others: number;
  between: [string, string];
}

/**
 * Texts written from one template (a footnote for each sale: "The shares were sold in multiple transactions at
 * prices ranging from $X to $Y, inclusive."): in each (split at white space), a word that OCR made of the word at
 * least two other texts write between the same two words (amounts and dates compared by their shape), where no
 * other text writes it there, and a word of four letters or more the text writes nowhere else:
 * - an English word one letter off ("shores" where twelve footnotes write "The shares were"), which the dictionary
 *   cannot see: one letter changed only, since words a template varies differ by more ("sold", "held"; "June",
 *   "July") or are too short to tell ("Class A", "Class B"), and in a word of two or three letters ("it" for "in")
 *   only where three other texts agree;
 * - a non-word one slip off ("itr" where they write "sold in multiple"), or two in a word of three letters or more;
 *   a capitalized one only where a sentence starts, and as an English word, never as another name.
 */
export function templateSlips(
  texts: readonly string[],
  ctx: ProseContext,
  isWord: (lower: string) => boolean,
): TemplateSlip[][] {
  const tokens = texts.map((t) => t.split(/\s+/).filter(Boolean));
  const slips: TemplateSlip[][] = texts.map(() => []);
  if (tokens.reduce((n, t) => n + t.length, 0) > TEMPLATE_TOKENS) return slips;
  const key = (t: string[], k: number) => `${shape(t[k - 1] ?? '^')}\u0000${shape(t[k + 1] ?? '$')}`;
  // For each context (the words before and after), each word written there, and the texts that write it there.
  const written = new Map<string, Map<string, Set<number>>>();
  for (const [i, t] of tokens.entries())
    for (let k = 0; k < t.length; k++) {
      if (!/^[A-Za-z]{2,30}$/.test(t[k])) continue;
      const c = key(t, k);
      let words = written.get(c);
      if (!words) written.set(c, (words = new Map()));
      let by = words.get(t[k]);
      if (!by) words.set(t[k], (by = new Set()));
      by.add(i);
    }
  for (const [i, t] of tokens.entries())
    for (let k = 0; k < t.length; k++) {
      const w = t[k];
      if (!/^[A-Za-z]{2,30}$/.test(w)) continue;
      const words = written.get(key(t, k));
      // A template's slot holds a few words; a context with dozens is no template (and would cost a pass each).
      if (!words || words.size < 2 || words.size > SLOT || words.get(w)?.size !== 1) continue;
      // The text writes the word nowhere else (OCR seldom misreads a word the same way twice); a short word ("it",
      // "in") it writes everywhere, so for one only this text writes it here.
      if (w.length >= 4 && ctx.count(w.toLowerCase()) !== 1) continue;
      const english = isWord(w.toLowerCase());
      // A capitalized word may be a name, and names of one template differ by a letter ("the Mark Smith Trust", "the
      // Marc Smith Trust", "the Mary Smith Trust"; "Mark" is English too): it is read back only where a sentence
      // starts, and a non-word only as an English word ("Thie shares" as "The shares").
      const capital = /^[A-Z]/.test(w);
      if (capital && k > 0 && !/[.!?:]$/.test(t[k - 1])) continue;
      const name = capital && !english;
      const near = english
        ? (x: string) => oneCharOff(w, x)
        : (x: string) =>
            withinEdits(w.toLowerCase(), x.toLowerCase(), w.length >= 3 ? 2 : 1) && (!name || isWord(x.toLowerCase()));
      let found: [string, number] | null = null;
      let ambiguous = false;
      for (const [x, by] of words) {
        const others = by.has(i) ? by.size - 1 : by.size;
        // A short English word ("it" for "in") wants three texts: short words vary more ("in", "on", "at").
        if (x === w || others < (english && w.length < 4 ? 3 : 2) || !near(x)) continue;
        ambiguous = found !== null;
        found = [x, others];
      }
      if (found && !ambiguous)
        slips[i].push({ token: k, read: w, as: found[0], others: found[1], between: [t[k - 1] ?? '', t[k + 1] ?? ''] });
    }
  return slips;
}

/** The footnotes' words that OCR made of their template's words, read back (`templateSlips`) and flagged. */
export function readTemplates(doc: TextDoc, fields: [Field<string>, string][], ctx: ProseContext): void {
  const texts = fields.map(([f]) => (f.value && f.value.length <= 20000 ? f.value : ''));
  for (const [i, slips] of templateSlips(texts, ctx, english).entries()) {
    if (!slips.length) continue;
    const [f, what] = fields[i];
    const parts = texts[i].split(/(\s+)/);
    const at = new Map(slips.map((s) => [s.token, s]));
    let token = 0;
    for (let p = 0; p < parts.length; p += 2) {
      if (!parts[p]) continue;
      const s = at.get(token++);
      if (s) parts[p] = s.as;
    }
    f.value = parts.join('');
    const said = slips
      .slice(0, 4)
      .map(
        (s) =>
          `"${s.read}" as "${s.as}" (${s.others} other footnotes write "${s.as}" between "${s.between[0]}" and "${s.between[1]}")`,
      );
    doc.doubt(
      f,
      what,
      `read ${said.join(', ')}${slips.length > 4 ? ` and ${slips.length - 4} more` : ''}: OCR misreads letters, also into other English words; other letters may be misread too`,
    );
  }
}
