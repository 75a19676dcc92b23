/**
 * The layout of Tables I and II: every field of a row (in the ownership XML schema's order) and the columns the
 * SEC's Forms 3, 4 and 5 print for them: column number, heading, the boxes a column is split into, and what a
 * box holds. The model's field lists, the preview's columns and the readers of printed forms (PDF, plain text,
 * EDGAR's HTML page) all read the form from here.
 *
 * Headings are as EDGAR renders the forms (its xslF345 page and PDFs), without the "(Instr. n)" and
 * "(Month/Day/Year)" notes. A column split into boxes prints each box's `box` name above it ("Code", "V").
 */

export type FormNumber = '3' | '4' | '5';
export type TableName = 'nonDerivative' | 'derivative';

/** Every field of a Table I row, in the schema's order (for generic walks: footnote citations, JSON, preview). */
export const NON_DERIVATIVE_FIELDS = [
  'securityTitle',
  'transactionDate',
  'deemedExecutionDate',
  'transactionFormType',
  'transactionCode',
  'equitySwapInvolved',
  'transactionTimeliness',
  'transactionShares',
  'transactionPricePerShare',
  'transactionAcquiredDisposedCode',
  'sharesOwnedFollowingTransaction',
  'valueOwnedFollowingTransaction',
  'directOrIndirectOwnership',
  'natureOfOwnership',
] as const;

/** Every field of a Table II row, in the schema's order. */
export const DERIVATIVE_FIELDS = [
  'securityTitle',
  'conversionOrExercisePrice',
  'transactionDate',
  'deemedExecutionDate',
  'transactionFormType',
  'transactionCode',
  'equitySwapInvolved',
  'transactionTimeliness',
  'transactionShares',
  'transactionTotalValue',
  'transactionPricePerShare',
  'transactionAcquiredDisposedCode',
  'exerciseDate',
  'expirationDate',
  'underlyingSecurityTitle',
  'underlyingSecurityShares',
  'underlyingSecurityValue',
  'sharesOwnedFollowingTransaction',
  'valueOwnedFollowingTransaction',
  'directOrIndirectOwnership',
  'natureOfOwnership',
] as const;

export type NonDerivativeFieldName = (typeof NON_DERIVATIVE_FIELDS)[number];
export type DerivativeFieldName = (typeof DERIVATIVE_FIELDS)[number];
export type RowFieldName = NonDerivativeFieldName | DerivativeFieldName;

/**
 * A box of a printed table: the field it fills, or for Table II's column 5 the "(A)" or "(D)" box, whose amount
 * fills `transactionShares` and whose position says `transactionAcquiredDisposedCode`.
 */
export type BoxKey = RowFieldName | 'sharesAcquired' | 'sharesDisposed';

/** What a box holds, which says how a reader reads it and whether the preview aligns it as a number. */
export type ValueKind = 'text' | 'date' | 'amount' | 'code' | 'flag' | 'acquiredDisposed' | 'directIndirect';

interface BoxSpec {
  kind: ValueKind;
  /** The name a reader gives the box after its column number ("column 5 (Amount Owned)"); a split column prints it. */
  box: string;
}

interface FieldSpec {
  kind: ValueKind;
  /** The preview's column heading: short, and clear without the form's column group. */
  label: string;
  /** The box's name where it is not the label (see `BoxSpec.box`). */
  box?: string;
  /** A holding has no such field: the transaction's own columns (the schema's holdings lack the element). */
  transaction?: true;
  /**
   * A field the form has no box of its own for: the field it is shown after, and (for a "$" amount written in
   * another field's box) that field.
   */
  unprinted?: { after: RowFieldName; writtenIn?: RowFieldName };
}

/** Every field of a row. */
const FIELDS: Record<RowFieldName, FieldSpec> = {
  securityTitle: { kind: 'text', label: 'Title of Security' },
  conversionOrExercisePrice: { kind: 'amount', label: 'Conversion or Exercise Price' },
  transactionDate: { kind: 'date', label: 'Transaction Date', transaction: true },
  deemedExecutionDate: { kind: 'date', label: 'Deemed Execution Date', transaction: true },
  transactionFormType: {
    kind: 'text',
    label: 'Form Type',
    transaction: true,
    unprinted: { after: 'deemedExecutionDate' },
  },
  transactionCode: { kind: 'code', label: 'Code', transaction: true },
  equitySwapInvolved: {
    kind: 'flag',
    label: 'Equity Swap',
    transaction: true,
    unprinted: { after: 'transactionTimeliness' },
  },
  // The form's "V": reported voluntarily, earlier than required (timeliness "E").
  transactionTimeliness: { kind: 'flag', label: 'V', transaction: true },
  transactionShares: { kind: 'amount', label: 'Amount', transaction: true },
  transactionTotalValue: {
    kind: 'amount',
    label: 'Total Value',
    transaction: true,
    unprinted: { after: 'transactionAcquiredDisposedCode', writtenIn: 'transactionShares' },
  },
  transactionPricePerShare: { kind: 'amount', label: 'Price', transaction: true },
  transactionAcquiredDisposedCode: { kind: 'acquiredDisposed', label: '(A) or (D)', transaction: true },
  exerciseDate: { kind: 'date', label: 'Date Exercisable' },
  expirationDate: { kind: 'date', label: 'Expiration Date' },
  underlyingSecurityTitle: { kind: 'text', label: 'Underlying Title', box: 'Title' },
  underlyingSecurityShares: { kind: 'amount', label: 'Underlying Amount', box: 'Amount or Number of Shares' },
  underlyingSecurityValue: {
    kind: 'amount',
    label: 'Underlying Value',
    unprinted: { after: 'underlyingSecurityShares', writtenIn: 'underlyingSecurityShares' },
  },
  sharesOwnedFollowingTransaction: {
    kind: 'amount',
    label: 'Amount Beneficially Owned Following Reported Transaction(s)',
    box: 'Amount Owned',
  },
  valueOwnedFollowingTransaction: {
    kind: 'amount',
    label: 'Value Owned Following',
    unprinted: { after: 'sharesOwnedFollowingTransaction', writtenIn: 'sharesOwnedFollowingTransaction' },
  },
  directOrIndirectOwnership: {
    kind: 'directIndirect',
    label: 'Ownership Form: Direct (D) or Indirect (I)',
    box: 'Ownership Form',
  },
  natureOfOwnership: { kind: 'text', label: 'Nature of Indirect Beneficial Ownership' },
};

/** Table II's column 5: the amount acquired, or disposed of. */
const SHARES_BOXES: Record<'sharesAcquired' | 'sharesDisposed', BoxSpec> = {
  sharesAcquired: { kind: 'amount', box: '(A)' },
  sharesDisposed: { kind: 'amount', box: '(D)' },
};

/** A numbered column of a printed table. */
export interface FormColumn {
  /** The column number as printed ("2A"). */
  number: string;
  heading: string;
  /** Its boxes left to right: one, or the boxes it is split into. */
  boxes: readonly BoxKey[];
}

const col = (number: string, heading: string, ...boxes: BoxKey[]): FormColumn => ({ number, heading, boxes });

const TABLE_I_4: readonly FormColumn[] = [
  col('1', 'Title of Security', 'securityTitle'),
  col('2', 'Transaction Date', 'transactionDate'),
  col('2A', 'Deemed Execution Date, if any', 'deemedExecutionDate'),
  col('3', 'Transaction Code', 'transactionCode', 'transactionTimeliness'),
  col(
    '4',
    'Securities Acquired (A) or Disposed Of (D)',
    'transactionShares',
    'transactionAcquiredDisposedCode',
    'transactionPricePerShare',
  ),
  col(
    '5',
    'Amount of Securities Beneficially Owned Following Reported Transaction(s)',
    'sharesOwnedFollowingTransaction',
  ),
  col('6', 'Ownership Form: Direct (D) or Indirect (I)', 'directOrIndirectOwnership'),
  col('7', 'Nature of Indirect Beneficial Ownership', 'natureOfOwnership'),
];

const TABLE_II_4: readonly FormColumn[] = [
  col('1', 'Title of Derivative Security', 'securityTitle'),
  col('2', 'Conversion or Exercise Price of Derivative Security', 'conversionOrExercisePrice'),
  col('3', 'Transaction Date', 'transactionDate'),
  col('3A', 'Deemed Execution Date, if any', 'deemedExecutionDate'),
  col('4', 'Transaction Code', 'transactionCode', 'transactionTimeliness'),
  col('5', 'Number of Derivative Securities Acquired (A) or Disposed of (D)', 'sharesAcquired', 'sharesDisposed'),
  col('6', 'Date Exercisable and Expiration Date', 'exerciseDate', 'expirationDate'),
  col(
    '7',
    'Title and Amount of Securities Underlying Derivative Security',
    'underlyingSecurityTitle',
    'underlyingSecurityShares',
  ),
  col('8', 'Price of Derivative Security', 'transactionPricePerShare'),
  col(
    '9',
    'Number of derivative Securities Beneficially Owned Following Reported Transaction(s)',
    'sharesOwnedFollowingTransaction',
  ),
  col('10', 'Ownership Form: Direct (D) or Indirect (I)', 'directOrIndirectOwnership'),
  col('11', 'Nature of Indirect Beneficial Ownership', 'natureOfOwnership'),
];

/** Form 5 has no "V" box (a Form 5 report is never early) and reports the amount owned at the fiscal year's end. */
const withoutV = (cols: readonly FormColumn[]) =>
  cols.map((c) => ({ ...c, boxes: c.boxes.filter((b) => b !== 'transactionTimeliness') }));

const TABLES: Record<FormNumber, Record<TableName, readonly FormColumn[]>> = {
  '4': { nonDerivative: TABLE_I_4, derivative: TABLE_II_4 },
  '5': {
    nonDerivative: withoutV(TABLE_I_4).map((c) =>
      c.number === '5'
        ? { ...c, heading: "Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year" }
        : c,
    ),
    derivative: withoutV(TABLE_II_4),
  },
  // Form 3 reports holdings only: its tables have no transaction columns, and Table II has no amount owned (the
  // underlying amount is the holding).
  '3': {
    nonDerivative: [
      col('1', 'Title of Security', 'securityTitle'),
      col('2', 'Amount of Securities Beneficially Owned', 'sharesOwnedFollowingTransaction'),
      col('3', 'Ownership Form: Direct (D) or Indirect (I)', 'directOrIndirectOwnership'),
      col('4', 'Nature of Indirect Beneficial Ownership', 'natureOfOwnership'),
    ],
    derivative: [
      col('1', 'Title of Derivative Security', 'securityTitle'),
      col('2', 'Date Exercisable and Expiration Date', 'exerciseDate', 'expirationDate'),
      col(
        '3',
        'Title and Amount of Securities Underlying Derivative Security',
        'underlyingSecurityTitle',
        'underlyingSecurityShares',
      ),
      col('4', 'Conversion or Exercise Price of Derivative Security', 'conversionOrExercisePrice'),
      col('5', 'Ownership Form: Direct (D) or Indirect (I)', 'directOrIndirectOwnership'),
      col('6', 'Nature of Indirect Beneficial Ownership', 'natureOfOwnership'),
    ],
  },
};

/** The numbered columns of a table as the form prints them, left to right. */
export function formColumns(form: FormNumber, table: TableName): readonly FormColumn[] {
  return TABLES[form][table];
}

/** The boxes of a table as the form prints them, left to right (a split column's boxes in turn). */
export function formBoxes(form: FormNumber, table: TableName): BoxKey[] {
  return TABLES[form][table].flatMap((c) => c.boxes);
}

/** The fields of a table's rows, in the schema's order. */
export function tableFields(table: TableName): readonly RowFieldName[] {
  return table === 'derivative' ? DERIVATIVE_FIELDS : NON_DERIVATIVE_FIELDS;
}

const ROW_FIELDS: ReadonlySet<string> = new Set<string>(DERIVATIVE_FIELDS);

/** Whether a name is a field of a Table I or II row. */
export function isRowField(name: string): name is RowFieldName {
  return ROW_FIELDS.has(name);
}

function spec(key: BoxKey): BoxSpec {
  if (key === 'sharesAcquired' || key === 'sharesDisposed') return SHARES_BOXES[key];
  const f = FIELDS[key];
  return { kind: f.kind, box: f.box ?? f.label };
}

/** What a box holds. */
export function valueKind(key: BoxKey): ValueKind {
  return spec(key).kind;
}

/** Whether a box holds an amount (shares, a price, a value). */
export function isNumeric(key: BoxKey): boolean {
  return spec(key).kind === 'amount';
}

/** The name of a box after its column number, as a reader names it in a message ("Amount Owned"). */
export function boxName(key: BoxKey): string {
  return spec(key).box;
}

/** The preview's heading of a field's column. */
export function fieldLabel(key: RowFieldName): string {
  return FIELDS[key].label;
}

/** Whether a field is the transaction's own (a holding row has no such field). */
export function isTransactionField(key: BoxKey): boolean {
  return key === 'sharesAcquired' || key === 'sharesDisposed' || FIELDS[key].transaction === true;
}

/** Whether the form prints a box of the field's own (else it is shown beside one, see `fieldsInFormOrder`). */
export function isPrinted(key: RowFieldName): boolean {
  return FIELDS[key].unprinted === undefined;
}

/** The boxes a field is read from: itself, or in Table II the (A) and (D) boxes for the amount and its code. */
function boxesOf(key: RowFieldName): BoxKey[] {
  return key === 'transactionShares' || key === 'transactionAcquiredDisposedCode'
    ? [key, 'sharesAcquired', 'sharesDisposed']
    : [key];
}

/** The form's column holding a field (or a "$" amount of it), or null when the form prints no place for it. */
export function columnOf(form: FormNumber, table: TableName, key: RowFieldName): FormColumn | null {
  const target = FIELDS[key].unprinted?.writtenIn ?? key;
  if (!isPrinted(target)) return null;
  const boxes = boxesOf(target);
  return TABLES[form][table].find((c) => c.boxes.some((b) => boxes.includes(b))) ?? null;
}

/** The forms that print a place for a field in the table. */
export function formsWith(table: TableName, key: RowFieldName): FormNumber[] {
  return (['3', '4', '5'] as const).filter((form) => columnOf(form, table, key) !== null);
}

/**
 * Every field of a table's rows in the order Form 4 prints its columns: the fields of each box in turn, each field
 * the form has no box for right after the field it belongs beside.
 */
export function fieldsInFormOrder(table: TableName): RowFieldName[] {
  const fields = tableFields(table);
  const out: RowFieldName[] = [];
  const place = (key: RowFieldName) => {
    if (out.includes(key) || !fields.includes(key)) return;
    out.push(key);
    for (const extra of fields) if (FIELDS[extra].unprinted?.after === key) place(extra);
  };
  for (const box of formBoxes('4', table)) {
    if (box === 'sharesAcquired' || box === 'sharesDisposed') {
      place('transactionShares');
      place('transactionAcquiredDisposedCode');
    } else place(box);
  }
  return out;
}
