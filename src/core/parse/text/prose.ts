/**
 * The prose of an OCR reading (footnotes, remarks, signatures) checked word by word for the shapes OCR makes of
 * letters it cannot read: an accented letter in English text ("séld"), a comma, colon or semicolon between letters
 * ("L;P"), a period glued before a word ("B.Comioni"), a rule or bracket inside a word ("Trust|s"), "&" ending a
 * word ("VIIL&"). A field holding one is marked uncertain with the word: its other letters may be misread too.
 */
import type { Field } from '../../model';
import type { TextDoc } from './doc';
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

function check(doc: TextDoc, f: Field<string>, what: string): void {
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
}

/** Every footnote, the remarks and every signature's name of an OCR reading, checked. */
export function checkProse(doc: TextDoc): void {
  if (!doc.ocr) return;
  const f = doc.filing;
  for (const n of f.footnotes) check(doc, n.text, `Footnote (${(n.id.value ?? '').replace(/^F/, '')}) text`);
  check(doc, f.remarks, 'Remarks');
  for (const s of f.signatures) check(doc, s.name, 'Signature name');
}
