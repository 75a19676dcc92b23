/**
 * Tables I and II: the columns of each page's table from the x extents of its numbered header labels (the
 * sub-columns from the sub-labels under them), checked against the form's layout; the rows are read by ./rows.
 */
import { formColumns, type FormColumn, type FormNumber, type TableName } from '../../form/layout';
import type { LoadedPdf, PdfItem } from '../load';
import { pos, type Ctx, type Hit } from './context';
import { blocks, cellTokens, groupLines, plainTokens, type Line, type Tok } from './geometry';
import { readRows, type LeafCol, type TableLayout } from './rows';

/** Words of the column headers (a line made only of these is a header line, not data). */
const HEADER_WORD =
  /^(\d{1,2}A?\.|\d{1,2}A?\.?[A-Za-z].*|Title|of|Security|Securities|\(Instr\.|\d\)|\d,|\d|and|or|Trans\.?|Transaction(\(s\))?|Date,?|Deemed|Execution|if|any|Code|\(Instr\.?|8\)|Amount|Acquired|Disposed|\(A\)|\(D\)|\(I\)|Of|Beneficially|Owned|Following|Reported|Ownership|Form:?|Direct|Indirect|Nature|Beneficial|Price|Conversion|Exercise|Derivative|Derivate|Number|Expiration|Exercisable|Shares|Underlying|Month\/Day\/Year\)?|\(Month\/Day\/Year\)|\(MM\/DD\/YYYY\)|V|at|end|Issuer's|Fiscal|Year|derivative|Security:|\(e\.g\.,.*|4\)|5\)|3\)|Instr\.|\(I\)\s*\(Instr\.|[(),:.]+)$/i;

/** Two column labels in one text run ("2. Trans. Date 2A. Deemed"): split before each embedded number. */
function splitNumberedLabels(t: Tok): Tok[] {
  const s = t.str;
  const cuts = [...s.matchAll(/\s(?=\d{1,2}A?\.\s*[A-Z])/g)].map((m) => m.index! + 1);
  if (cuts.length === 0) return [t];
  const w = (t.x1 - t.x0) / Math.max(1, s.length);
  const bounds = [0, ...cuts, s.length];
  const out: Tok[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = s.slice(bounds[i], bounds[i + 1]).trim();
    if (part) out.push({ ...t, str: part, x0: t.x0 + w * bounds[i], x1: t.x0 + w * bounds[i + 1] });
  }
  return out;
}

/** EDGAR sometimes prints two sub-column labels as one run ("Title Amount or Number of"): split it. */
function splitSubLabels(t: Tok): Tok[] {
  const m = /^(Title|Date|Exercisable|Code)\s+(Amount.*|Expiration.*|V)$/.exec(t.str.trim());
  if (!m || (m[1] === 'Title') !== m[2].startsWith('Amount') || (m[1] === 'Code') !== (m[2] === 'V')) return [t];
  const w = (t.x1 - t.x0) / Math.max(1, t.str.trim().length);
  const cut = t.x0 + w * (t.str.trim().length - m[2].length);
  return [
    { ...t, str: m[1], x1: cut - w },
    { ...t, str: m[2], x0: cut },
  ];
}

/** Whether a line is made of column-header words. */
function isHeaderLine(line: Line): boolean {
  const words = line.toks.flatMap((t) => t.str.trim().split(/\s+/)).filter((w) => w);
  // Nearly all: two labels of neighbouring columns can touch and read as one word ("Ownershipof").
  return (
    words.length > 0 && words.filter((w) => HEADER_WORD.test(w)).length >= Math.max(1, Math.ceil(words.length * 0.75))
  );
}

/** Read the header of a table on `page` starting below `top`; null when no numbered column labels are there. */
function readTableHeader(
  ctx: Ctx,
  page: number,
  pageW: number,
  items: readonly PdfItem[],
  top: number,
  bottom: number,
  shape: readonly FormColumn[],
  table: string,
): TableLayout | null {
  const zone = items.filter((it) => it.page === page && it.y > top && it.y < bottom);
  const lines = groupLines(plainTokens(zone));
  const headerLines: Line[] = [];
  for (const l of lines) {
    if (isHeaderLine(l)) headerLines.push(l);
    else if (headerLines.length > 0) break;
  }
  if (headerLines.length === 0) return null;
  const headerBottom = Math.max(...headerLines.flatMap((l) => l.toks.map((t) => t.y))) + 1;
  const hdr = headerLines.flatMap((l) => l.toks).flatMap(splitNumberedLabels);
  // Numbered labels in order: "1.Title", "2A. Deemed", "3.", "10." ...
  const numbered = hdr
    .map((t) => ({ t, m: /^(\d{1,2}A?)\./.exec(t.str.trim()) }))
    .filter((x): x is { t: Tok; m: RegExpExecArray } => x.m != null)
    .sort((a, b) => a.t.x0 - b.t.x0);
  // Keep one label per number (the top one), in x order.
  const seen = new Map<string, Tok>();
  for (const { t, m } of numbered) if (!seen.has(m[1]) || seen.get(m[1])!.y > t.y) seen.set(m[1], t);
  const mains = [...seen.entries()].sort((a, b) => a[1].x0 - b[1].x0);
  if (mains.length !== shape.length) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `${table} on page ${page}: found ${mains.length} numbered column headers where the form has ${shape.length}; the table was not read`,
      span: null,
      page,
    });
    return null;
  }
  const leaves: LeafCol[] = [];
  for (let c = 0; c < mains.length; c++) {
    const [num, label] = mains[c];
    const left = c === 0 ? 0 : label.x0 - 2;
    const right = c + 1 < mains.length ? mains[c + 1][1].x0 - 2 : pageW;
    const spec = shape[c].boxes;
    if (spec.length === 1) {
      leaves.push({ key: spec[0], num, left, right });
      continue;
    }
    // Sub-labels: header tokens of this column below the main label's own block of lines.
    const colToks = hdr.filter((t) => t.x0 >= left && t.x0 < right).sort((a, b) => a.y - b.y);
    const colLines = groupLines(colToks);
    const bl = blocks(colLines, 1.45);
    const subs = bl
      .slice(1)
      .flat()
      .flatMap((l) => l.toks)
      .flatMap(splitSubLabels);
    // Cluster sub-label tokens by overlapping x extents.
    const clusters: { x0: number; x1: number }[] = [];
    for (const t of [...subs].sort((a, b) => a.x0 - b.x0)) {
      const last = clusters[clusters.length - 1];
      if (last && t.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, t.x1);
      else clusters.push({ x0: t.x0, x1: t.x1 });
    }
    if (clusters.length !== spec.length) {
      // Fall back to equal widths, and say so.
      const w = (right - left) / spec.length;
      spec.forEach((key, i) => leaves.push({ key, num, left: left + i * w, right: left + (i + 1) * w, guessed: true }));
      ctx.findings.push({
        rule: 'extraction-uncertain',
        severity: 'info',
        message: `${table} on page ${page}: the sub-columns of column ${num} could not be told apart from their labels; equal widths assumed`,
        span: null,
        page,
      });
      continue;
    }
    for (let i = 0; i < spec.length; i++) {
      const l = i === 0 ? left : (clusters[i - 1].x1 + clusters[i].x0) / 2;
      const r = i + 1 < spec.length ? (clusters[i].x1 + clusters[i + 1].x0) / 2 : right;
      leaves.push({ key: spec[i], num, left: l, right: r });
    }
  }
  return { leaves, headerBottom, page };
}

/** Reads a table from its heading to `endPos`, page by page (a page without its own header keeps the last one's). */
export function readTable(
  ctx: Ctx,
  pdf: LoadedPdf,
  formNo: FormNumber,
  table: TableName,
  heading: Hit,
  endPos: number,
  formItems: readonly PdfItem[],
): void {
  const shape = formColumns(formNo, table);
  const tname = table === 'nonDerivative' ? 'Table I' : 'Table II';
  let layout: TableLayout | null = null;
  for (let page = heading.page; page <= pdf.pages.length && pos(page, 0) < endPos; page++) {
    const pageW = pdf.pages[page - 1].width;
    const top = page === heading.page ? heading.y + 1 : 0;
    const bottom = Math.min(
      pdf.pages[page - 1].height + 1,
      endPos >= pos(page + 1, 0) ? Infinity : endPos - pos(page, 0) - 0.5,
    );
    const here = readTableHeader(ctx, page, pageW, formItems, top, bottom, shape, tname);
    if (here) layout = here;
    if (!layout) {
      if (page === heading.page) return;
      continue;
    }
    const dataTop = here ? here.headerBottom : top;
    const data = formItems.filter((it) => it.page === page && it.y > dataTop && it.y < bottom);
    if (data.length === 0) continue;
    readRows(ctx, table, tname, layout, page, cellTokens(data));
  }
}
