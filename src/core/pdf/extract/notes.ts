/** The prose after the tables: the explanation of responses (footnotes), the remarks and the signatures. */
import { absent, type Footnote, type Signature } from '../../model';
import type { PdfItem } from '../load';
import { boxField, DATE_TEXT_RE, itemsBetween, pos, typedField, uncertain, type Ctx, type Hit } from './context';
import { groupLines, joinLines, joinToks, lineMid, plainTokens, splitByAnchors, type Line } from './geometry';
import { isWhite } from '../../linear';

/**
 * A line that starts a numbered note, "(3) text" or "3. text": the number and the text after it (leading spaces
 * dropped), or null. A line break in the text makes it none, as /^(?:\((\d{1,3})\)|(\d{1,3})\.)\s*(.*)$/ would say.
 */
export function noteStart(text: string): { n: number; rest: string } | null {
  const m = /^(?:\((\d{1,3})\)|(\d{1,3})\.)/.exec(text);
  if (!m) return null;
  let i = m[0].length;
  while (i < text.length && isWhite(text.charCodeAt(i))) i++;
  const rest = text.slice(i);
  return /[\n\r\u2028\u2029]/.test(rest) ? null : { n: Number(m[1] ?? m[2]), rest };
}

/** The numbered notes under "Explanation of Responses", each with its continuation lines. */
export function readFootnotes(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number, maxLineX: number): void {
  const lines = groupLines(plainTokens(itemsBetween(items, head, endPos))).filter((l) => l.x0 < maxLineX);
  const notes: { n: number; lines: string[]; from: Line[]; page: number; x: number }[] = [];
  for (const l of lines) {
    const text = joinToks(l.toks);
    const m = noteStart(text);
    const n = m ? m.n : NaN;
    const last = notes[notes.length - 1];
    const startsNote = m && (!last || (n > last.n && n <= last.n + 3 && Math.abs(l.x0 - last.x) < 4));
    if (startsNote) notes.push({ n, lines: [m.rest], from: [l], page: l.page, x: l.x0 });
    else if (last) {
      last.lines.push(text);
      last.from.push(l);
    }
  }
  // footnotes fill their column: its edge is the widest line's
  const edge = Math.max(...lines.map((l) => l.x1));
  const right = (): number => edge;
  for (const n of notes) {
    const box = 'Explanation of Responses';
    const text = joinProse(n.from, n.lines, right);
    const fn: Footnote = {
      id: { raw: `(${n.n})`, value: `F${n.n}`, present: true, footnotes: [], span: null, page: n.page, box },
      text: { raw: text, value: text, present: true, footnotes: [], span: null, page: n.page, box },
      span: null,
      page: n.page,
    };
    ctx.filing.footnotes.push(fn);
  }
}

/** The remarks: the text after "Remarks:" (and on its line). */
export function readRemarks(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number, maxLineX: number): void {
  const inline = head.item.str.trim().replace(/^Remarks\s*:?\s*/, '');
  const lines = groupLines(plainTokens(itemsBetween(items, head, endPos)))
    .filter((l) => l.x0 < maxLineX)
    .filter((l) => !/^No securities are beneficially owned\.?$/i.test(joinToks(l.toks)));
  const it = head.item;
  const headLine: Line = { page: it.page, y: it.y, size: it.size, x0: it.x0, x1: it.x1, toks: [] };
  const from = inline ? [headLine, ...lines] : lines;
  const texts = lines.map((l) => joinToks(l.toks));
  // remarks are often a line or two, too few to show their column's edge: the page's text edge stands for it
  const text = joinProse(from, inline ? [inline, ...texts] : texts, pageRight(items));
  if (!text) return;
  ctx.filing.remarks = {
    raw: text,
    value: text,
    present: true,
    footnotes: [],
    span: null,
    page: head.page,
    box: 'Remarks',
  };
}

/**
 * Prose lines as the filer wrote them: a line the text wrapped at the column's edge is joined to the next with a
 * space (or a hyphen closed up), while a line that ends short of the edge by more than the next line's first word
 * ended there on purpose ("Senior Vice President" / "Exhibit 24 - Power of Attorney") and keeps its line break.
 * `right` gives the right edge of a page's text.
 */
export function joinProse(lines: readonly Line[], texts: readonly string[], right: (page: number) => number): string {
  let s = '';
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i].trim();
    if (!t) continue;
    const prev = i > 0 ? lines[i - 1] : undefined;
    const cur = lines[i];
    // the width the next line's first word (and a space) would have taken, from the font size
    const firstWord = t.split(' ', 1)[0].length + 1;
    const hard = !!prev && !!s && prev.page === cur.page && right(prev.page) - prev.x1 > firstWord * cur.size * 0.6;
    s = !s ? t : hard ? `${s}\n${t}` : joinLines([s, t]);
  }
  return s;
}

/** The right edge of each page's text (the edge a wrapped line reaches). */
function pageRight(items: readonly PdfItem[]): (page: number) => number {
  const edge = new Map<number, number>();
  for (const it of items) if (it.str.trim()) edge.set(it.page, Math.max(edge.get(it.page) ?? 0, it.x1));
  return (page) => edge.get(page) ?? 0;
}

/** The signatures above the "Signature of Reporting Person" caption: each date with the name beside it. */
export function readSignatures(
  ctx: Ctx,
  items: readonly PdfItem[],
  start: Hit | null,
  caption: Hit | null,
  minX: number,
): void {
  if (!start || !caption) return;
  const captionLineEnd = pos(caption.page, caption.y + 3);
  const zone = itemsBetween(items, start, captionLineEnd).filter(
    (it) =>
      it.x0 >= minX &&
      !/^\*{1,2}$|Signature of Reporting|^Person$|^Date$|^\*\*\s*Signature/.test(it.str.trim()) &&
      !(it.page === caption.page && it.y > caption.y - 4),
  );
  if (zone.length === 0) return;
  const toks = plainTokens(zone);
  const dateToks = toks.filter((t) => DATE_TEXT_RE.test(t.str.trim()));
  const nameToks = toks.filter((t) => !DATE_TEXT_RE.test(t.str.trim()));
  const nameLines = groupLines(nameToks);
  const dateLines = groupLines(dateToks);
  const sigs: Signature[] = [];
  if (dateLines.length === 0) {
    const name = joinLines(nameLines.map((l) => joinToks(l.toks)));
    if (name) {
      const s: Signature = {
        name: boxField(name, name, [], nameLines[0].page, 'Signatures'),
        date: absent(),
        span: null,
      };
      uncertain(ctx, s.name, 'no date MM/DD/YYYY next to the signature');
      sigs.push(s);
    }
  } else {
    const pages = [...new Set([...nameLines, ...dateLines].map((l) => l.page))];
    for (const pg of pages) {
      const dl = dateLines.filter((l) => l.page === pg);
      const nl = nameLines.filter((l) => l.page === pg);
      const assign = dl.length ? splitByAnchors(nl, dl.map(lineMid)) : nl.map(() => -1);
      dl.forEach((d, i) => {
        const name = joinLines(nl.filter((_, j) => assign[j] === i).map((l) => joinToks(l.toks)));
        const raw = joinToks(d.toks);
        sigs.push({
          name: boxField(name || null, name || null, [], pg, 'Signatures'),
          date: typedField(ctx, raw, [], pg, 'Signatures', 'date'),
          span: null,
        });
      });
    }
  }
  ctx.filing.signatures = sigs;
}
