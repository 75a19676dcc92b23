/** What the summary takes from the filing's footnotes: their text, weighted-average ranges, Rule 10b5-1 plans. */
import type { Field, Filing, Row } from '../model';
import { rowFootnoteIds } from '../model';
import { val } from '../fields';
import { dec } from '../decimal';
import { MONTHS } from '../format';

export function footnoteText(filing: Filing, id: string): string | null {
  const f = filing.footnotes.find((x) => (x.id.value ?? x.id.raw) === id);
  return f ? val(f.text) : null;
}

export function rowNotes(filing: Filing, row: Row): { id: string; text: string }[] {
  return rowFootnoteIds(row)
    .map((id) => ({ id, text: footnoteText(filing, id) ?? '' }))
    .filter((n) => n.text);
}

function fieldNotes(filing: Filing, f: Field<unknown>): { id: string; text: string }[] {
  return f.footnotes.map((r) => ({ id: r.id, text: footnoteText(filing, r.id) ?? '' })).filter((n) => n.text);
}

const NUM = String.raw`\$?\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)`;
const RANGE = new RegExp(
  String.raw`(?:from|between)\s+(?:a\s+low\s+of\s+)?${NUM}\s+(?:to|and|through)\s+(?:a\s+high\s+of\s+)?${NUM}`,
  'gi',
);

/** Weighted-average note of a row: its footnote id and the one price range the footnote states (if exactly one). */
export function weightedAverage(filing: Filing, row: Row): { id: string; range: [string, string] | null } | null {
  const notes = [...fieldNotes(filing, row.transactionPricePerShare), ...rowNotes(filing, row)];
  const n = notes.find((x) => /weighted[-\s]+average/i.test(x.text));
  if (!n) return null;
  const ranges = [...n.text.matchAll(RANGE)];
  if (ranges.length !== 1) return { id: n.id, range: null };
  const a = ranges[0][1].replace(/,/g, '');
  const b = ranges[0][2].replace(/,/g, '');
  // Written high to low ("from $9.8202 to $9.79"), the range is still said low to high.
  const x = dec(a);
  const y = dec(b);
  return { id: n.id, range: x && y && y.lt(x) ? [b, a] : [a, b] };
}

const MONTH_RE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const LONG_DATE = new RegExp(String.raw`(${MONTH_RE})\s+(\d{1,2}),\s*(\d{4})`);
const NUM_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4})/;

function dateIn(text: string): string | null {
  const m = LONG_DATE.exec(text);
  if (m) {
    const i = MONTHS.findIndex((x) => m[1].toLowerCase().startsWith(x.toLowerCase()));
    if (i >= 0) return `${MONTHS[i]} ${Number(m[2])}, ${m[3]}`;
  }
  const n = NUM_DATE.exec(text);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= 12) return `${MONTHS[Number(n[1]) - 1]} ${Number(n[2])}, ${n[3]}`;
  return null;
}

/** "under a Rule 10b5-1 trading plan[ adopted Nov 15, 2023]" when a footnote of the row says so. */
export function planPhrase(filing: Filing, row: Row): string | null {
  // A footnote that says a sale was NOT under a plan names the rule too: those are left out.
  const n = rowNotes(filing, row).find(
    (x) => /10b5-?1/i.test(x.text) && !/\b(not|no|neither|nor)\b[^.;]{0,60}10b5-?1/i.test(x.text),
  );
  if (!n) return null;
  const adopted = /adopted\s+(?:by\s+the\s+reporting\s+person\s+)?(?:on\s+)?([^.;]*)/i.exec(n.text);
  const d = adopted ? dateIn(adopted[1].slice(0, 40)) : null;
  return `under a Rule 10b5-1 trading plan${d ? ` adopted ${d}` : ''}`;
}
