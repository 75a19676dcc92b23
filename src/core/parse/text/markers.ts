/**
 * Footnote markers OCR garbled ("Stock“)", "$635.5491°)"): their numbers are recovered from what the form says
 * elsewhere, each way said. A weighted-average price cites the footnote whose price range holds it; otherwise the
 * same box of the row above cites the same note (a title's "(1)" repeated down the table); otherwise the marker
 * is the next note not yet cited (the form numbers its notes in reading order), or the form's only note. A marker left without a number
 * stays out of the row's footnotes and its box says so.
 */
import type { Field, FootnoteRef } from '../../model';
import { compareFootnoteIds } from '../../model';
import { priceRanges as statedRanges } from '../../priceRange';
import type { TextDoc } from './doc';

/** "ranging from $634.93 to $635.92": the first price range of each footnote that states one, by id. */
function priceRanges(doc: TextDoc): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const n of doc.filing.footnotes) {
    const text = n.text.value ?? '';
    const [r] = statedRanges(text.length > 4000 ? text.slice(0, 4000) : text);
    if (r && n.id.value) out.set(n.id.value, [Number(r.lowText), Number(r.highText)]);
  }
  return out;
}

export function resolveGarbledMarkers(doc: TextDoc): void {
  if (doc.ocr) pricesInRanges(doc);
  if (!doc.garbledMarkers.length) return;
  if (doc.ocr) markerDigitsInPrices(doc);
  const ids = doc.filing.footnotes.map((n) => n.id.value).filter((x): x is string => !!x);
  const ranges = priceRanges(doc);
  const cited = new Set<string>();
  const allRefs = (f: Field<unknown>) => f.footnotes;
  // Markers read with their number, in reading order, set what "cited before" means.
  const rows = [...doc.filing.nonDerivative, ...doc.filing.derivative];
  const firstGarbled = new Map<object, number>();
  doc.garbledMarkers.forEach((g, i) => {
    if (!firstGarbled.has(g.field)) firstGarbled.set(g.field, i);
  });
  const byBox = new Map<string, string>();
  for (const g of doc.garbledMarkers) {
    // Readable markers of earlier rows count as cited.
    for (const r of rows) {
      if (r.table === g.row.table && r.index > g.row.index) continue;
      if (r.table === 'derivative' && g.row.table === 'nonDerivative') continue;
      for (const ref of r.codingFootnotes) cited.add(ref.id);
      for (const v of Object.values(r))
        if (v && typeof v === 'object' && 'footnotes' in v)
          for (const ref of allRefs(v as Field<unknown>)) cited.add(ref.id);
    }
    const price = Number(g.field.value);
    let id: string | null = null;
    let why: string;
    const inRange = [...ranges].filter(([, [a, b]]) => Number.isFinite(price) && price >= a && price <= b);
    // A marker that kept its digit ("3)"): the note it names, when the form has it and nothing before cited it.
    const digit = /^\(?(\d{1,2})\)?$/.exec(g.text);
    const written = digit && ids.includes(`F${Number(digit[1])}`) ? `F${Number(digit[1])}` : null;
    const byDigit = (n: string) =>
      `the footnote marker "${g.text}" is garbled; read as (${n.slice(1)}), as its digit says`;
    if (written && !cited.has(written)) {
      id = written;
      why = byDigit(written);
    } else if (
      (g.box === 'transactionPricePerShare' || g.box === 'conversionOrExercisePrice') &&
      inRange.length === 1
    ) {
      id = inRange[0][0];
      why = `the footnote marker "${g.text}" is garbled; read as (${id.slice(1)}), the note whose price range holds ${g.field.raw}`;
    } else if (byBox.has(`${g.row.table}:${g.box}`)) {
      id = byBox.get(`${g.row.table}:${g.box}`)!;
      why = `the footnote marker "${g.text}" is garbled; read as (${id.slice(1)}), as the same box of the row above`;
    } else {
      const next = ids.filter((x) => !cited.has(x)).sort(compareFootnoteIds)[0];
      // A marker cites one of the form's notes: with a single note, it is that one even if cited before; with
      // every note cited, a digit that names one of them is taken ("3)" beside the "3)" of the box before it).
      const only = !next && ids.length === 1 ? ids[0] : null;
      const again = !next && !only ? written : null;
      id = next ?? only ?? again;
      why = next
        ? `the footnote marker "${g.text}" is garbled; read as (${next.slice(1)}), the first note not cited before it`
        : only
          ? `the footnote marker "${g.text}" is garbled; read as (${only.slice(1)}), the form's only note`
          : again
            ? byDigit(again)
            : `a footnote marker "${g.text}" whose number could not be read (OCR): not counted`;
    }
    if (id) {
      const ref: FootnoteRef = { id, span: null }; // where OCR wrote the marker is not kept
      if (!g.field.footnotes.some((r) => r.id === id)) g.field.footnotes.push(ref);
      cited.add(id);
      byBox.set(`${g.row.table}:${g.box}`, id);
    }
    if (!(g.box === 'transactionPricePerShare' && inRange.length === 1)) doc.doubt(g.field, `${g.where} footnote`, why);
  }
}

/**
 * A weighted-average price whose marker OCR dropped: when exactly one note's price range holds the price and the
 * price cites no note, it cites that one (said so). A price outside every range is left as read.
 */
function pricesInRanges(doc: TextDoc): void {
  const ranges = priceRanges(doc);
  if (!ranges.size) return;
  const garbled = new Set(doc.garbledMarkers.map((g) => g.field));
  for (const r of doc.filing.nonDerivative) {
    const f = r.transactionPricePerShare;
    const price = Number(f.value);
    if (f.value == null || f.footnotes.length || garbled.has(f) || !Number.isFinite(price)) continue;
    const hits = [...ranges].filter(([, [a, b]]) => price >= a && price <= b);
    if (hits.length !== 1) continue;
    f.footnotes.push({ id: hits[0][0], span: null }); // no marker is written there
    doc.doubt(
      f,
      `Table I row ${r.index + 1} price footnote`,
      `no footnote marker was read beside the price; it cites (${hits[0][0].slice(1)}), the note whose price range holds ${f.raw}`,
    );
  }
}

/**
 * A price whose garbled marker left digits behind it ("$652.131709)" for $652.1317(15)): a table writes its prices
 * with one number of decimals (weighted averages to four places), so a price with a garbled marker and more decimals
 * than at least three of its table's prices write, all alike, is cut to theirs, flagged. Zeros cut off change no
 * value and are left.
 */
function markerDigitsInPrices(doc: TextDoc): void {
  const rows = doc.filing.nonDerivative;
  const decimals = (raw: string | null) => /\.(\d{1,8})\s*$/.exec(raw ?? '')?.[1].length ?? 0;
  const count = new Map<number, number>();
  for (const r of rows) {
    const d = decimals(r.transactionPricePerShare.raw);
    if (d) count.set(d, (count.get(d) ?? 0) + 1);
  }
  const [usual, n] = [...count].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (n < 3 || usual < 2) return;
  const garbled = new Set(doc.garbledMarkers.filter((g) => g.box === 'transactionPricePerShare').map((g) => g.field));
  for (const r of rows) {
    const f = r.transactionPricePerShare;
    const v = f.value;
    if (!v || !garbled.has(f) || !/^\d+\.\d+$/.test(v) || decimals(v) <= usual) continue;
    const kept = v.slice(0, v.indexOf('.') + 1 + usual);
    const cut = v.slice(kept.length);
    if (/^0+$/.test(cut)) continue;
    f.value = kept;
    doc.doubt(
      f,
      `Table I row ${r.index + 1} price`,
      `read as $${kept}: "${cut}" after it is its footnote marker, garbled (the table writes its prices with ${usual} decimals)`,
    );
  }
}
