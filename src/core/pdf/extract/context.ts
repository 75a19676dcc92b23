/**
 * What every part of the PDF reader shares: the filing being read with its findings, fields read from a box
 * (marked uncertain, with a finding, when read with doubt), labels found by their text, and regions of a page.
 */
import type { ValueKind } from '../../form/layout';
import type { Field, Filing, Finding, FootnoteRef } from '../../model';
import { absent } from '../../model';
import { daysInMonth } from '../../dates';
import type { PdfItem } from '../load';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date as the form prints it, MM/DD/YYYY, to YYYY-MM-DD; null when it is not a real calendar date. */
function normDate(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const mo = Number(m[1]);
  const d = Number(m[2]);
  const y = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || y < 1900 || y > 2199 || d > daysInMonth(y, mo)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/** An amount as printed ("$1,234.50") to a digit string; null when it is not a plain non-negative decimal. */
function normNumber(raw: string | null): string | null {
  if (!raw) return null;
  let s = raw.replace(/[\s\u00a0]+/g, '');
  if (s.startsWith('$')) s = s.slice(1);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  return /^(\d+(\.\d+)?|\.\d+)$/.test(s) ? s : null;
}

/** A text run that is a date as the form prints it. */
export const DATE_TEXT_RE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** The filing being read and the findings of the reading, which join the filing's once it is read. */
export interface Ctx {
  filing: Filing;
  findings: Finding[];
}

function refs(ids: readonly string[], page: number, box: string): FootnoteRef[] {
  return ids.map((id) => ({ id, span: null, page, box }));
}

/** Marks a field read with doubt, with a finding on its box saying why. */
export function uncertain(ctx: Ctx, f: Field<unknown>, why: string): void {
  f.uncertain = true;
  ctx.findings.push({
    rule: 'extraction-uncertain',
    severity: 'info',
    message: `${f.box ?? 'A field'}: ${why}`,
    span: null,
    page: f.page ?? null,
    box: f.box ?? null,
  });
}

/** A field read from a box: null raw and no markers -> absent (with its place). */
export function boxField<T = string>(
  raw: string | null,
  value: T | null,
  marks: readonly string[],
  page: number,
  box: string,
): Field<T> {
  if (raw == null && marks.length === 0) return { ...absent<T>(), page, box };
  return { raw, value, present: true, footnotes: refs(marks, page, box), span: null, page, box };
}

/** A field read from a box as the kind of value the box holds; one that does not read as that kind is uncertain. */
export function typedField(
  ctx: Ctx,
  raw: string | null,
  marks: readonly string[],
  page: number,
  box: string,
  kind: ValueKind,
): Field {
  let value: string | null = null;
  let why: string | null = null;
  if (raw != null) {
    switch (kind) {
      case 'text':
        value = raw;
        break;
      case 'date':
        value = normDate(raw);
        if (!value) why = `"${raw}" is not a date MM/DD/YYYY`;
        break;
      case 'amount':
        value = normNumber(raw);
        if (!value) why = `"${raw}" is not a readable number`;
        break;
      case 'code': {
        const s = raw.replace(/\s+/g, '').toUpperCase();
        value = /^[A-Z]$/.test(s) ? s : null;
        if (!value) why = `"${raw}" is not a one-letter transaction code`;
        break;
      }
      case 'acquiredDisposed':
      case 'directIndirect': {
        const s = raw.replace(/[\s()]/g, '').toUpperCase();
        const ok = kind === 'acquiredDisposed' ? ['A', 'D'] : ['D', 'I'];
        value = ok.includes(s) ? s : null;
        if (!value) why = `"${raw}" is not ${kind === 'acquiredDisposed' ? '(A) or (D)' : 'D or I'}`;
        break;
      }
      case 'flag':
        value = raw;
        break;
    }
  }
  const f = boxField(raw, value, marks, page, box);
  if (why) uncertain(ctx, f, why);
  return f;
}

/** A text item found by its text: a label or heading. */
export interface Hit {
  item: PdfItem;
  page: number;
  y: number;
  x0: number;
}

/** Every item whose text matches, in reading order. */
export function findAll(items: readonly PdfItem[], re: RegExp): Hit[] {
  return items.filter((it) => re.test(it.str.trim())).map((it) => ({ item: it, page: it.page, y: it.y, x0: it.x0 }));
}

/** The first item whose text matches. */
export function findFirst(items: readonly PdfItem[], re: RegExp): Hit | null {
  return findAll(items, re)[0] ?? null;
}

/** Position in reading order across pages. */
export const pos = (page: number, y: number) => page * 100000 + y;

/** A box of the page: items whose left edge is inside and whose middle is left of `right`. */
export interface Region {
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const inRegion = (r: Region) => (it: PdfItem) => {
  const cx = (it.x0 + Math.min(it.x1, it.x0 + 400)) / 2;
  return it.page === r.page && it.x0 >= r.left - 1 && cx < r.right && it.y > r.top && it.y < r.bottom;
};

/** Label wording that sits inside a box but is not a value. */
export const BOX_LABEL_RE =
  /^(\(?Check (all|Applicable)|\(Check|Statement\s*\(MM|Statement$|Original Filed|\(MM\/DD\/YYYY\)|\(Month\/Day\/Year\)|Line\)$|Requiring( Statement)?$|(title|specify) below\)$|\(Last\)|\(First\)|\(Middle\)|\(Street\)|\(City\)|\(State\)|\(Zip\)|\*$)/i;

/** The items after a heading (in reading order, across pages) and before a position. */
export function itemsBetween(items: readonly PdfItem[], from: Hit, toPos: number, skipFrom = true): PdfItem[] {
  const a = pos(from.page, from.y);
  return items.filter((it) => {
    const p = pos(it.page, it.y);
    return (skipFrom ? p > a + 0.5 : p >= a) && p < toPos - 0.5 && it !== from.item;
  });
}
