/**
 * Letters of the header's names and addresses that OCR lost, doubled or confused, read back by what the rest of the
 * text writes: the owners table, the other owners' boxes, the footnotes and the signatures write the same names
 * again, and OCR seldom misreads a word the same way twice.
 */
import type { Field, ReportingOwner } from '../../model';
import type { TextDoc } from './doc';
import { isEnglishWord } from './english';
import { key, trimEndOf } from './patterns';
import { CONFUSIONS, confusedReadings } from './prose-readback';

/**
 * An issuer's name whose first word, in lower case, is another word of the text without its first letter ("ector
 * Acquisition Corp" beside "C/O VECTOR ACQUISITION"): OCR lost that letter at the box's edge. A company may be named
 * in lower case ("lululemon athletica inc."), so the word alone says nothing; the longer word elsewhere does.
 */
export function lostFirstLetter(doc: TextDoc, f: Field<string>, what: string): void {
  const v = f.value;
  const first = v && !f.uncertain ? /^([a-z]{3,30})\b/.exec(v)?.[1] : undefined;
  if (!first) return;
  const longer = new RegExp(`\\b[A-Za-z]${first}\\b`, 'i').exec(
    doc.t.length > 200_000 ? doc.t.slice(0, 200_000) : doc.t,
  );
  if (!longer) return;
  doc.doubt(
    f,
    what,
    `"${first}" is "${longer[0]}" elsewhere in the text without its first letter: OCR may have lost it`,
  );
}

/** An owner's address lines and city, each with the name its findings give it. */
const ADDRESS_FIELDS = [
  ['street1', 'Street'],
  ['street2', 'Street (second line)'],
  ['city', 'City'],
] as const;

/**
 * An owner's address line or city that is another owner's without its first letter ("NE MARKET ST." beside "ONE
 * MARKET ST.", "AN FRANCISCO"): joint filers often share an address, and the owners table's border eats letters.
 * Read as the other owner's, flagged.
 */
export function restoreFromOtherOwners(doc: TextDoc): void {
  const owners = doc.filing.reportingOwners;
  for (const [name, what] of ADDRESS_FIELDS) {
    // Each value whole, for a line that a bordered owners table wrote between its borders ("IONE MARKET ST.,
    // STEUART TOWER,23RD FLOOR)" beside the header's "ONE MARKET ST., STEUART TOWER,23RD FLOOR"); and by its key
    // without the first letter. One pass, so that many owners take linear time; the first owner's value for each key,
    // since the header's box is read before the owners table, whose copy of it OCR may misread. Not a value whose
    // first letter is an "I", "l", "|" or "[" (a border OCR read: "ILONG BEACH"), nor, by its tail, a "1".
    const whole = new Map<string, string>();
    const byTail = new Map<string, string>();
    for (const x of owners) {
      const v = x[name].value;
      if (!v || v.length > 300 || /^[Il|[]/.test(v)) continue;
      const k = key(v);
      if (!whole.has(k)) whole.set(k, v);
      if (!v.startsWith('1') && !byTail.has(k.slice(1))) byTail.set(k.slice(1), v);
    }
    for (const o of owners) {
      const f = o[name];
      const v = f.value;
      if (!v || v.length > 300) continue;
      const k = key(v);
      const bordered = /^[Il|[]/.test(v) ? trimEndOf(v.slice(1), ' )]|}') : '';
      const inner = bordered.length >= 4 && !whole.has(k) ? whole.get(key(bordered)) : undefined;
      if (inner) {
        f.value = inner;
        doc.doubt(
          f,
          what,
          `"${v}" read as "${inner}", another reporting person's: the marks around it are the table's borders, which OCR reads as letters`,
        );
        continue;
      }
      if (k.length < 4) continue;
      const found = byTail.get(k);
      if (!found) continue;
      f.value = found;
      doc.doubt(
        f,
        what,
        `"${v}" read as "${f.value}", another reporting person's, which OCR wrote with one more letter at its start (lost at the box's edge)`,
      );
    }
  }
}

/** How often the text writes each word (by its `key`: no accents, in capitals), counted once for the boxes. */
export function textWords(doc: TextDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const t = doc.t.length > 200_000 ? doc.t.slice(0, 200_000) : doc.t;
  for (const m of t.matchAll(/[A-Za-z\u00c0-\u024f]+/g)) {
    const k = key(m[0]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Words of a name or an address line that lost their first letter at a box's edge ("essemer Venture Partners",
 * "1865 PALMER AVENUE, UITE 104", "ARCHMONT"): not English, and the text writes them more often with one letter
 * before them, always the same letter ("Bessemer", "SUITE", "LARCHMONT" in the owners table, the notes, the
 * signatures). OCR loses a letter less often than it reads one, so the more frequent spelling is the name's; it is
 * read so, flagged. A word the text writes as often alone is left as written ("ASTON" beside one "EASTON"), and an "I"
 * is never restored: that is how OCR reads a border. A first letter doubled ("MMCGOWEN") is read once where the text
 * writes the word so more often.
 */
function restoreLostLetters(doc: TextDoc, f: Field<string>, what: string, counts: Map<string, number>): void {
  const v = f.value;
  if (!v || v.length > 300) return;
  const changes: string[] = [];
  const doubled: string[] = [];
  const out = v.split(' ').map((w) => {
    const m = /^([^A-Za-z\u00c0-\u024f]*)([A-Za-z\u00c0-\u024f]{4,30})([^A-Za-z\u00c0-\u024f]*)$/.exec(w);
    if (!m || /^[A-Z][a-z]/.test(m[2]) || isEnglishWord(m[2].toLowerCase())) return w;
    const k = key(m[2]);
    const alone = counts.get(k) ?? 0;
    // The other way round, a first letter doubled at the box's edge ("3881 MMCGOWEN STREET" beside the owners
    // table's "MCGOWEN"): the text writes the word more often with the letter once.
    if (k.length >= 5 && k[0] === k[1] && (counts.get(k.slice(1)) ?? 0) > alone) {
      doubled.push(`"${m[2]}" as "${m[2].slice(1)}"`);
      return `${m[1]}${m[2].slice(1)}${m[3]}`;
    }
    let found: string | null = null;
    // Not "I": a box's border read as a letter makes the longer word ("ILARCHMONT" in a bordered owners table).
    for (const c of 'ABCDEFGHJKLMNOPQRSTUVWXYZ') {
      if ((counts.get(c + k) ?? 0) <= alone) continue;
      if (found) return w; // two letters would do: no way to choose
      found = c;
    }
    if (!found) return w;
    const upper = m[2] === m[2].toUpperCase();
    const fixed = `${m[1]}${found}${upper ? m[2].toUpperCase() : m[2]}${m[3]}`;
    changes.push(`"${m[2]}" as "${found}${upper ? m[2].toUpperCase() : m[2]}"`);
    return fixed;
  });
  if (!changes.length && !doubled.length) return;
  f.value = out.join(' ');
  const said = [
    changes.length
      ? `${changes.join(', ')}: the text writes ${changes.length > 1 ? 'these words' : 'this word'} more often with that first letter, which OCR lost at the box's edge`
      : '',
    doubled.length
      ? `${doubled.join(', ')}: the text writes ${doubled.length > 1 ? 'these words' : 'this word'} more often with that first letter once, which OCR doubled at the box's edge`
      : '',
  ];
  doc.doubt(f, what, `read ${said.filter(Boolean).join('; ')}`);
}

/**
 * A word of the owner's name that a signature writes with one more letter at its end ("Brin Serge" beside "for Sergey
 * Brin"): the name box's right edge cut it. The signature names the owner, so its spelling is taken, flagged. Only a
 * word written nowhere else in the text, and only when one letter fits.
 */
export function lastLetterBySignature(doc: TextDoc, f: Field<string>, counts: Map<string, number>): void {
  const v = f.value;
  if (!v || v.length > 200) return;
  const signed = doc.filing.signatures.map((x) => x.name.value ?? '').join(' ');
  const sigWords = new Set(signed.split(/[^A-Za-z]+/).filter((w) => w.length >= 5));
  const changes: string[] = [];
  const out = v.split(' ').map((w) => {
    // An English word too ("Serge"): the signature's spelling says what the name is.
    if (!/^[A-Z][a-z]{3,20}$/.test(w) || (counts.get(key(w)) ?? 0) > 1) return w;
    const longer = [...sigWords].filter((x) => x.length === w.length + 1 && x.startsWith(w));
    if (longer.length !== 1) return w;
    changes.push(`"${w}" as "${longer[0]}"`);
    return longer[0];
  });
  if (!changes.length) return;
  f.value = out.join(' ');
  doc.doubt(
    f,
    'Reporting person name',
    `read ${changes.join(', ')}, as the signature writes it: the name box's edge cut its last letter (OCR)`,
  );
}

/**
 * A word of a name written nowhere else, not English, that one letter OCR confuses read back makes a word the text
 * writes at least twice ("Veetor Capital Partners" beside "VECTOR ACQUISITION" and the notes' "Vector"): the name's
 * word, misread once. Read so, flagged; only when one reading fits.
 */
export function confusedByTheText(doc: TextDoc, f: Field<string>, what: string, counts: Map<string, number>): void {
  const v = f.value;
  if (!v || v.length > 200) return;
  const changes: string[] = [];
  const out = v.split(' ').map((w) => {
    const m = /^([A-Za-z]{4,20})([.,]?)$/.exec(w);
    if (!m || (counts.get(key(m[1])) ?? 0) > 1 || isEnglishWord(m[1].toLowerCase())) return w;
    const found = new Set<string>();
    for (const r of confusedReadings(m[1].toLowerCase(), CONFUSIONS)) if ((counts.get(key(r)) ?? 0) >= 2) found.add(r);
    if (found.size !== 1) return w;
    const [r] = found;
    const upper = m[1] === m[1].toUpperCase();
    const fixed = upper ? r.toUpperCase() : /^[A-Z]/.test(m[1]) ? r[0].toUpperCase() + r.slice(1) : r;
    changes.push(`"${m[1]}" as "${fixed}"`);
    return fixed + m[2];
  });
  if (!changes.length) return;
  f.value = out.join(' ');
  doc.doubt(
    f,
    what,
    `read ${changes.join(', ')}: the text writes ${changes.length > 1 ? 'these words' : 'this word'} elsewhere, and OCR confuses the letters that differ`,
  );
}

/** An owner's name and address with the first letters OCR lost restored (`restoreLostLetters`). */
export function restoreOwnerLetters(doc: TextDoc, o: ReportingOwner, words: Map<string, number>): void {
  restoreLostLetters(doc, o.name, 'Reporting person name', words);
  for (const [name, what] of ADDRESS_FIELDS) restoreLostLetters(doc, o[name], what, words);
}
