/**
 * Whether a word is English, by the Hunspell en_US dictionary (SCOWL, through `dictionary-en`) and `nspell`, its
 * affix rules applied, and by the rules that derive the words of law and finance from it (`english`). Loading takes
 * about half a second and some 13 MB, so it happens on the first question only, once per thread: most inputs (XML,
 * extracted PDF text) never ask.
 */
import nspell from 'nspell';
import { englishDictionaryFiles } from './english-data';

/**
 * Terms of law and finance footnotes use that the dictionary (SCOWL's size 60) lacks: "voting and dispositive
 * power", "pro rata", "bona fide", "de minimis", "inter vivos", "et al.", the "earnout" of a merger's price, and
 * the abbreviations of trust names.
 */
const TERMS = [
  'dispositive',
  'rata',
  'bona',
  'fide',
  'minimis',
  'vivos',
  'et',
  'al',
  'earnout',
  'earnouts',
  'fbo',
  'ttee',
  'ttees',
];

let speller: nspell | null | undefined;

/**
 * Whether the dictionary knows `word` (as written, or in lower case when it starts a sentence or is in capitals).
 * Without its files (a bundle copied without dist/dictionary-en/) every word counts as English: the spelling check
 * then flags nothing, and the text is still read.
 */
export function isEnglishWord(word: string): boolean {
  if (speller === undefined) {
    try {
      speller = nspell(englishDictionaryFiles()).personal(TERMS.join('\n'));
    } catch {
      speller = null;
    }
  }
  return speller ? speller.correct(word) : true;
}

/** Prefixes English puts before words freely: "unvested", "nonqualified", "recapitalizations", "cotrustee". */
const PREFIXES = ['non', 'un', 're', 'pre', 'co', 'sub', 'post', 'multi', 'inter', 'over', 'under'];
/** Prefixes written with a hyphen, alone before "and" too: "pre- and post-closing", "ex-officio", "semi-annual". */
export const HYPHEN_PREFIXES = new Set([...PREFIXES, 'ex', 'semi', 'quasi', 'anti', 'self']);
/** Prefixes written with a hyphen before a name or an abbreviation too: "mid-March", "de-SPAC", "pro-Rata". */
export const NAME_PREFIXES = new Set(['mid', 'de', 'pro', 'all', 'bi', 'tri', 'neo', 'pan']);
/** Suffixes making a word of a verb the dictionary has: "exercisable", "issuable", "transferee", "settlor". */
const SUFFIXES = ['able', 'ably', 'ability', 'ible', 'ee', 'ees', 'or', 'ors'];

/**
 * Whether a lower-case word is English: in the dictionary, or made by the rules of English from a word in it
 * (the dictionary lists few derived words of law and finance), or a British spelling of a word in it.
 */
export function english(w: string, depth = 0): boolean {
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
