/**
 * The rows of a table on one page. Rows are anchored on the ownership-form column (one "D"/"I" per row) and every
 * column's lines are split among the rows so that each cell's middle meets its row's middle (cells are
 * vertically centred), which keeps empty cells empty.
 */
import { boxName, valueKind, type BoxKey, type TableName } from '../../form/layout';
import { absent, emptyRow, type Field, type Row } from '../../model';
import { typedField, uncertain, type Ctx } from './context';
import { blocks, cellText, groupLines, lineMid, splitByAnchors, type Tok } from './geometry';

/** A box of the table on the page: its x extent. */
export interface LeafCol {
  key: BoxKey;
  /** Main column number as printed ("4"), for box names. */
  num: string;
  left: number;
  right: number;
  /** The edges were estimated (equal widths), not found from sub-labels. */
  guessed?: boolean;
}

/** The boxes of a table on a page. */
export interface TableLayout {
  leaves: LeafCol[];
  /** Bottom of the header (data starts below). */
  headerBottom: number;
  page: number;
}

/** Reads the rows of the table's tokens below its header on `page` into the filing. */
export function readRows(
  ctx: Ctx,
  table: TableName,
  tname: string,
  layout: TableLayout,
  page: number,
  toks: Tok[],
): void {
  const f = ctx.filing;
  const leafOf = (t: Tok): LeafCol | null => {
    const cx = (t.x0 + t.x1) / 2;
    return layout.leaves.find((l) => cx >= l.left && cx < l.right) ?? null;
  };
  const byLeaf = new Map<BoxKey, Tok[]>();
  const straddle = new Set<Tok>();
  // A marker belongs to the value it follows ("G(1)", "$4.22(2)"), even when it pokes into the next column.
  const owner = new Map<Tok, Tok>();
  for (const m of toks) {
    if (!m.marks) continue;
    const prev = toks
      .filter(
        (t) =>
          !t.marks && t.page === m.page && Math.abs(lineMid(t) - m.y) < t.size && t.x1 <= m.x0 + 1 && t.x1 >= m.x0 - 3,
      )
      .sort((a, b) => b.x1 - a.x1)[0];
    if (prev) owner.set(m, prev);
  }
  for (const t of toks) {
    const leaf = leafOf(owner.get(t) ?? t);
    if (!leaf) continue;
    // Over a main column's edge (those come from the numbered labels, which start their cells) the text is not
    // one cell's; over a sub-column's edge (estimated between sub-labels) only when its middle is about on it.
    if (!t.marks) {
      const mainLeft = Math.min(...layout.leaves.filter((l) => l.num === leaf.num).map((l) => l.left));
      const mainRight = Math.max(...layout.leaves.filter((l) => l.num === leaf.num).map((l) => l.right));
      const cx = (t.x0 + t.x1) / 2;
      if (t.x0 < mainLeft - 3 || t.x1 > mainRight + 3 || Math.min(cx - leaf.left, leaf.right - cx) < 1.5)
        straddle.add(t);
    }
    const arr = byLeaf.get(leaf.key) ?? [];
    arr.push(t);
    byLeaf.set(leaf.key, arr);
  }
  // Rows: one per line of the ownership-form column ("D"/"I"); failing that, one per block of the title column.
  let anchorLines = groupLines((byLeaf.get('directOrIndirectOwnership') ?? []).filter((t) => !t.marks));
  let anchorsFromTitles = false;
  if (anchorLines.length === 0) {
    anchorLines = blocks(groupLines((byLeaf.get('securityTitle') ?? []).filter((t) => !t.marks)), 1.45).map((b) => ({
      ...b[0],
      y: (b[0].y + b[b.length - 1].y) / 2,
    }));
    anchorsFromTitles = anchorLines.length > 0;
  }
  const anchors = anchorLines.map(lineMid);
  if (anchors.length === 0) return;
  const rows: Row[] = anchors.map(() => {
    const r =
      table === 'nonDerivative' ? emptyRow('nonDerivative', 'holding', 0) : emptyRow('derivative', 'holding', 0);
    r.page = page;
    return r;
  });
  const cells: Map<BoxKey, Tok[]>[] = anchors.map(() => new Map());
  for (const [key, ts] of byLeaf) {
    const lines = groupLines(ts);
    const assign = splitByAnchors(lines, anchors);
    lines.forEach((l, i) => {
      const a = assign[i];
      if (a < 0) return;
      const m = cells[a];
      m.set(key, [...(m.get(key) ?? []), ...l.toks]);
    });
  }
  const base = table === 'nonDerivative' ? f.nonDerivative.length : f.derivative.length;
  rows.forEach((row, i) => {
    row.index = base + i;
    const rowNo = row.index + 1;
    const rec = row as unknown as Record<string, Field>;
    const read = (key: BoxKey) => {
      const ts = cells[i].get(key) ?? [];
      const leaf = layout.leaves.find((l) => l.key === key)!;
      const box = `${tname} row ${rowNo}, column ${leaf.num} (${boxName(key)})`;
      const c = cellText(ts);
      const fld = typedField(ctx, c.raw, c.marks, page, box, valueKind(key));
      if (ts.some((t) => straddle.has(t)))
        uncertain(ctx, fld, 'the text runs across a column boundary (merged cells?)');
      if (leaf.guessed && (c.raw || c.marks.length))
        uncertain(ctx, fld, 'the edges of this sub-column were estimated, not found from its label');
      if (c.lines.filter((l) => l.toks.some((t) => !t.marks)).length > 1 && valueKind(key) !== 'text')
        uncertain(ctx, fld, `more than one line of text in a one-value cell ("${c.raw}")`);
      return fld;
    };
    for (const leaf of layout.leaves) {
      const key = leaf.key;
      if (key === 'transactionTimeliness' || key === 'sharesAcquired' || key === 'sharesDisposed') continue;
      rec[key] = read(key);
    }
    // Markers beside the code are the footnotes of <transactionCoding> (the code element itself has none).
    if (row.transactionCode.footnotes.length) {
      row.codingFootnotes = row.transactionCode.footnotes;
      row.transactionCode = { ...row.transactionCode, footnotes: [] };
    }
    if (layout.leaves.some((l) => l.key === 'transactionTimeliness')) {
      // The form's "V" column: reported voluntarily, earlier than required = timeliness "E".
      const v = read('transactionTimeliness');
      if (v.raw && /^V$/i.test(v.raw)) row.transactionTimeliness = { ...v, value: 'E' };
      else if (v.raw) {
        row.transactionTimeliness = v;
        uncertain(ctx, v, `"${v.raw}" in the V column, where only "V" is expected`);
      } else if (v.footnotes.length) row.codingFootnotes = [...row.codingFootnotes, ...v.footnotes];
    }
    // An amount printed with "$" in a column of share counts is a value (fractional interests are reported so).
    const asValue = (
      from: 'sharesOwnedFollowingTransaction' | 'transactionShares' | 'underlyingSecurityShares',
      to: 'valueOwnedFollowingTransaction' | 'transactionTotalValue' | 'underlyingSecurityValue',
    ) => {
      const fld = rec[from];
      if (!fld?.raw || !fld.raw.trim().startsWith('$') || !Object.hasOwn(rec, to)) return;
      rec[to] = { ...fld };
      rec[from] = { ...absent(), page, box: fld.box };
      uncertain(
        ctx,
        rec[to],
        `"${fld.raw}" is a dollar amount in a column of share counts: read as a value, not shares`,
      );
    };
    asValue('sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction');
    if (table === 'derivative') {
      asValue('transactionShares', 'transactionTotalValue');
      asValue('underlyingSecurityShares', 'underlyingSecurityValue');
    }
    if (layout.leaves.some((l) => l.key === 'sharesAcquired')) {
      const a = read('sharesAcquired');
      const d = read('sharesDisposed');
      if (a.present && d.present && (a.raw || d.raw) && a.raw && d.raw) {
        row.transactionShares = a;
        uncertain(ctx, a, 'amounts in both the (A) and the (D) column');
      } else if (a.present && (a.raw || !d.present)) {
        row.transactionShares = a;
        row.transactionAcquiredDisposedCode = {
          raw: '(A)',
          value: 'A',
          present: true,
          footnotes: [],
          span: null,
          page,
          box: a.box,
        };
      } else if (d.present) {
        row.transactionShares = d;
        row.transactionAcquiredDisposedCode = {
          raw: '(D)',
          value: 'D',
          present: true,
          footnotes: [],
          span: null,
          page,
          box: d.box,
        };
      }
    }
    const isTransaction = row.transactionCode.present || row.transactionDate.present;
    row.kind = isTransaction ? 'transaction' : 'holding';
    if (anchorsFromTitles)
      uncertain(
        ctx,
        row.securityTitle,
        'no Direct/Indirect column value to anchor the row; rows taken from the titles',
      );
    if (table === 'nonDerivative') f.nonDerivative.push(row as Row & { table: 'nonDerivative' });
    else f.derivative.push(row as Row & { table: 'derivative' });
  });
}
