/**
 * Whether a word is English, by the Hunspell en_US dictionary (SCOWL, through `dictionary-en`) and `nspell`, its
 * affix rules applied. Loading takes about half a second and some 13 MB, so it happens on the first question only,
 * once per thread: most inputs (XML, extracted PDF text) never ask.
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
