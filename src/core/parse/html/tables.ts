/** Tables I and II: columns mapped from the header cells (with their colspan/rowspan), then each row's cells. */
import type { TableName } from '../../form/layout';
import { emptyRow, type DerivativeRow, type NonDerivativeRow, type Row } from '../../model';
import { cellsOf, elements, rowsOf, type HtmlElement } from '../form/htmltree';
import {
  classifyColumn,
  emptyBox,
  makeField,
  normalizeAcquiredDisposed,
  normalizeDirectIndirect,
  type ColumnKey,
} from '../form/normalize';
import type { CellValue, HtmlPage } from './page';

/** The page's Table I and Table II, by their title rows. */
export function formTables(page: HtmlPage): { el: HtmlElement; table: TableName }[] {
  const out: { el: HtmlElement; table: TableName }[] = [];
  for (const t of elements(page.root, (e) => e.name === 'table')) {
    const rows = rowsOf(t);
    const first = rows[0] ? page.label(rows[0]) : '';
    if (/^Table II\s*-/i.test(first)) out.push({ el: t, table: 'derivative' });
    else if (/^Table I\s*-/i.test(first)) out.push({ el: t, table: 'nonDerivative' });
  }
  return out;
}

/** Column keys of a table from its header rows (title row excluded), honouring colspan and rowspan. */
function columns(page: HtmlPage, headerRows: HtmlElement[]): ColumnKey[] {
  const grid: (string | null)[][] = headerRows.map(() => []);
  headerRows.forEach((r, ri) => {
    let col = 0;
    for (const c of cellsOf(r)) {
      while (grid[ri][col] !== undefined) col++;
      const cs = Math.max(1, Math.min(50, parseInt(c.attrs['colspan'] ?? '1', 10) || 1));
      const rs = Math.max(1, Math.min(5, parseInt(c.attrs['rowspan'] ?? '1', 10) || 1));
      const label = page.label(c);
      for (let y = ri; y < Math.min(grid.length, ri + rs); y++)
        for (let x = col; x < col + cs; x++) grid[y][x] = y === ri ? label : null;
      col += cs;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  const keys: ColumnKey[] = [];
  for (let x = 0; x < width; x++) {
    const group = grid[0]?.[x] ?? '';
    let sub = '';
    for (let y = 1; y < grid.length; y++) if (grid[y][x]) sub = grid[y][x]!;
    keys.push(classifyColumn(group ?? '', sub));
  }
  return keys;
}

/** Each row of a table below its header rows, cell by cell into the box its column names. */
export function readTable(page: HtmlPage, table: HtmlElement, name: TableName, form3: boolean): void {
  const rows = rowsOf(table);
  const headerRows = rows.slice(1).filter((r) => cellsOf(r).length > 0 && cellsOf(r).every((c) => c.name === 'th'));
  const cols = columns(page, headerRows);
  const tableLabel = name === 'derivative' ? 'Table II' : 'Table I';
  for (const r of rows.slice(1)) {
    const cells = cellsOf(r);
    if (!cells.length || cells.every((c) => c.name === 'th')) continue;
    const target = name === 'derivative' ? page.filing.derivative : page.filing.nonDerivative;
    const index = target.length;
    const row: Row =
      name === 'derivative' ? emptyRow('derivative', 'holding', index) : emptyRow('nonDerivative', 'holding', index);
    row.span = { start: r.start, end: r.end };
    let col = 0;
    let acquired: CellValue | null = null;
    let disposed: CellValue | null = null;
    const where = `${tableLabel} row ${index + 1}`;
    for (const c of cells) {
      const key = cols[col] ?? null;
      col += Math.max(1, Math.min(50, parseInt(c.attrs['colspan'] ?? '1', 10) || 1));
      const cv = page.cell(c);
      if (!key) {
        if (cv.raw != null)
          page.finding(
            'html-unknown-column',
            'info',
            `${where}: a value in a column this reader does not know: "${cv.raw}"`,
            cv.span,
          );
        continue;
      }
      assign(page, row, key, cv, where, (a, d) => {
        if (a) acquired = a;
        if (d) disposed = d;
      });
    }
    assignShares(page, row, acquired, disposed, where);
    const isTx =
      !form3 &&
      (row.transactionDate.value != null ||
        row.transactionCode.raw != null ||
        row.transactionShares.raw != null ||
        row.transactionAcquiredDisposedCode.raw != null);
    row.kind = isTx ? 'transaction' : 'holding';
    if (row.table === 'derivative') page.filing.derivative.push(row as DerivativeRow);
    else page.filing.nonDerivative.push(row as NonDerivativeRow);
  }
}

/** Table II's (A) and (D) boxes: the amount (a value when written with "$") and which of the two holds it. */
function assignShares(
  page: HtmlPage,
  row: Row,
  acquired: CellValue | null,
  disposed: CellValue | null,
  where: string,
): void {
  const a = acquired as CellValue | null;
  const d = disposed as CellValue | null;
  const hasA = !!a && (a.raw != null || a.refs.length > 0);
  const hasD = !!d && (d.raw != null || d.refs.length > 0);
  if (!hasA && !hasD) return;
  if (hasA && hasD)
    page.finding('html-ambiguous-value', 'warning', `${where}: both the (A) and the (D) column hold a value`, a!.span);
  const cv = (hasA ? a : d)!;
  const code = hasA ? 'A' : 'D';
  if (cv.dollar && row.table === 'derivative') row.transactionTotalValue = page.numberField(cv, `${where} total value`);
  else row.transactionShares = page.numberField(cv, `${where} number of securities`);
  row.transactionAcquiredDisposedCode = makeField(null, code, cv.span ?? cv.place);
}

/** A cell into the field of its box; the (A) and (D) boxes are handed to `shares` to be read together. */
function assign(
  page: HtmlPage,
  row: Row,
  key: Exclude<ColumnKey, null>,
  cv: CellValue,
  where: string,
  shares: (a: CellValue | null, d: CellValue | null) => void,
): void {
  const d = row.table === 'derivative' ? (row as DerivativeRow) : null;
  switch (key) {
    case 'securityTitle':
      row.securityTitle = page.textField(cv);
      return;
    case 'conversionOrExercisePrice':
      if (d) d.conversionOrExercisePrice = page.numberField(cv, `${where} conversion or exercise price`);
      return;
    case 'transactionDate':
      row.transactionDate = page.dateField(cv, `${where} transaction date`);
      return;
    case 'deemedExecutionDate':
      row.deemedExecutionDate = page.dateField(cv, `${where} deemed execution date`);
      return;
    case 'transactionCode': {
      row.codingSpan = cv.span ?? cv.place;
      row.codingFootnotes = cv.refs;
      if (cv.raw == null) return;
      const code = cv.raw.toUpperCase();
      row.transactionCode = makeField(cv.raw, code, cv.span);
      return;
    }
    case 'transactionTimeliness':
      if (cv.raw == null) return;
      // The form's "V" column: voluntarily reported earlier than required = timeliness "E".
      row.transactionTimeliness = makeField(cv.raw, /^V$/i.test(cv.raw) ? 'E' : cv.raw.toUpperCase(), cv.span, cv.refs);
      return;
    case 'transactionShares':
      row.transactionShares = page.numberField(cv, `${where} amount`);
      return;
    case 'sharesAcquired':
      shares(cv, null);
      return;
    case 'sharesDisposed':
      shares(null, cv);
      return;
    case 'securitiesAcquiredDisposed':
      return;
    case 'transactionAcquiredDisposedCode': {
      if (cv.raw == null) {
        row.transactionAcquiredDisposedCode = emptyBox(cv.place, cv.refs);
        return;
      }
      const v = normalizeAcquiredDisposed(cv.raw);
      if (v == null) page.finding('value-unreadable', 'warning', `${where}: "(A) or (D)" is "${cv.raw}"`, cv.span);
      row.transactionAcquiredDisposedCode = makeField(cv.raw, v, cv.span, cv.refs);
      return;
    }
    case 'transactionPricePerShare':
      row.transactionPricePerShare = page.numberField(cv, `${where} price`);
      return;
    case 'exerciseDate':
      if (d) d.exerciseDate = page.dateField(cv, `${where} date exercisable`);
      return;
    case 'expirationDate':
      if (d) d.expirationDate = page.dateField(cv, `${where} expiration date`);
      return;
    case 'underlyingSecurityTitle':
      if (d) d.underlyingSecurityTitle = page.textField(cv);
      return;
    case 'underlyingSecurityShares':
      if (!d) return;
      if (cv.dollar) d.underlyingSecurityValue = page.numberField(cv, `${where} underlying value`);
      else d.underlyingSecurityShares = page.numberField(cv, `${where} underlying amount`);
      return;
    case 'sharesOwnedFollowingTransaction':
      if (cv.dollar) row.valueOwnedFollowingTransaction = page.numberField(cv, `${where} value owned`);
      else row.sharesOwnedFollowingTransaction = page.numberField(cv, `${where} amount owned`);
      return;
    case 'directOrIndirectOwnership': {
      if (cv.raw == null) {
        row.directOrIndirectOwnership = emptyBox(cv.place, cv.refs);
        return;
      }
      const v = normalizeDirectIndirect(cv.raw);
      if (v == null)
        page.finding('value-unreadable', 'warning', `${where}: ownership form is "${cv.raw}", not D or I`, cv.span);
      row.directOrIndirectOwnership = makeField(cv.raw, v, cv.span, cv.refs);
      return;
    }
    case 'natureOfOwnership':
      row.natureOfOwnership = page.textField(cv);
      return;
    case 'exerciseAndExpiration':
    case 'underlyingTitleAndAmount':
      return;
  }
}
