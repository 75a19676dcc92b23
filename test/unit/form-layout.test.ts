/**
 * The form-layout table against the form itself: the headings of EDGAR's rendered Form 4 (a fixture page), the
 * column numbers of each form, the consistency of its field lists, boxes and columns, and the HTML reader's
 * reading of every heading the table holds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DERIVATIVE_FIELDS,
  NON_DERIVATIVE_FIELDS,
  boxName,
  columnOf,
  fieldsInFormOrder,
  formBoxes,
  formColumns,
  formsWith,
  isPrinted,
  isTransactionField,
  tableFields,
  type FormNumber,
  type TableName,
} from '../../src/core/form/layout';
import { elements, parseHtml, rowsOf, cellsOf, textOf } from '../../src/core/parse/form/htmltree';
import { classifyColumn, collapse } from '../../src/core/parse/form/normalize';

const FORMS: FormNumber[] = ['3', '4', '5'];
const TABLES: TableName[] = ['nonDerivative', 'derivative'];

/** The header cells of Table I and II of an EDGAR page: numbered headings, then the sub-headings. */
function pageHeadings(file: string): Record<TableName, string[]> {
  const root = parseHtml(fs.readFileSync(file, 'utf8'));
  const out: Record<TableName, string[]> = { nonDerivative: [], derivative: [] };
  for (const t of elements(root, (e) => e.name === 'table')) {
    const rows = rowsOf(t);
    const title = rows[0] ? collapse(textOf(rows[0])) : '';
    const table = /^Table II\s*-/.test(title) ? 'derivative' : /^Table I\s*-/.test(title) ? 'nonDerivative' : null;
    if (!table) continue;
    for (const r of rows.slice(1))
      for (const c of cellsOf(r)) if (c.name === 'th') out[table].push(collapse(textOf(c)));
  }
  return out;
}

describe('form layout', () => {
  it('prints Form 4 headings and sub-headings as EDGAR renders the form', () => {
    const page = pageHeadings(path.join(__dirname, '../fixtures/html/form4a-joint-filers.html'));
    for (const table of TABLES) {
      const cols = formColumns('4', table);
      const expected = [
        ...cols.map((c) => `${c.number}. ${c.heading}`),
        ...cols.filter((c) => c.boxes.length > 1).flatMap((c) => c.boxes.map(boxName)),
      ];
      const notes = / \((?:Instr\.[^)]*|Month\/Day\/Year)\)/g;
      assert.deepEqual(
        page[table].map((h) => h.replace(notes, '')),
        expected,
      );
    }
  });

  it('numbers the columns of each form', () => {
    const numbers = (form: FormNumber, table: TableName) => formColumns(form, table).map((c) => c.number);
    assert.deepEqual(numbers('4', 'nonDerivative'), ['1', '2', '2A', '3', '4', '5', '6', '7']);
    assert.deepEqual(numbers('5', 'nonDerivative'), ['1', '2', '2A', '3', '4', '5', '6', '7']);
    assert.deepEqual(numbers('4', 'derivative'), ['1', '2', '3', '3A', '4', '5', '6', '7', '8', '9', '10', '11']);
    assert.deepEqual(numbers('3', 'nonDerivative'), ['1', '2', '3', '4']);
    assert.deepEqual(numbers('3', 'derivative'), ['1', '2', '3', '4', '5', '6']);
    assert.equal(columnOf('3', 'derivative', 'conversionOrExercisePrice')?.number, '4');
    assert.equal(columnOf('4', 'derivative', 'conversionOrExercisePrice')?.number, '2');
    assert.equal(
      columnOf('5', 'nonDerivative', 'sharesOwnedFollowingTransaction')?.heading.endsWith('Fiscal Year'),
      true,
    );
  });

  it('says which forms print a place for each field', () => {
    assert.deepEqual(formsWith('nonDerivative', 'sharesOwnedFollowingTransaction'), ['3', '4', '5']);
    // Form 3's Table II has no amount owned: the underlying amount is the holding.
    assert.deepEqual(formsWith('derivative', 'sharesOwnedFollowingTransaction'), ['4', '5']);
    // Form 5 has no "V" box.
    assert.deepEqual(formsWith('nonDerivative', 'transactionTimeliness'), ['4']);
    assert.deepEqual(formsWith('derivative', 'transactionCode'), ['4', '5']);
    assert.deepEqual(formsWith('derivative', 'transactionFormType'), []);
    assert.deepEqual(formsWith('derivative', 'equitySwapInvolved'), []);
  });

  it('places a "$" amount in the box of the amount it stands for', () => {
    assert.equal(columnOf('4', 'nonDerivative', 'valueOwnedFollowingTransaction')?.number, '5');
    assert.equal(columnOf('4', 'derivative', 'valueOwnedFollowingTransaction')?.number, '9');
    assert.equal(columnOf('4', 'derivative', 'transactionTotalValue')?.number, '5');
    assert.equal(columnOf('3', 'derivative', 'underlyingSecurityValue')?.number, '3');
    assert.equal(columnOf('3', 'derivative', 'valueOwnedFollowingTransaction'), null);
  });

  it('holds every field of a row once, in the schema order and in the form order', () => {
    assert.deepEqual(tableFields('nonDerivative'), NON_DERIVATIVE_FIELDS);
    assert.deepEqual(tableFields('derivative'), DERIVATIVE_FIELDS);
    for (const table of TABLES) {
      const order = fieldsInFormOrder(table);
      assert.deepEqual([...order].sort(), [...tableFields(table)].sort(), table);
    }
    assert.deepEqual(fieldsInFormOrder('derivative').slice(-5), [
      'transactionPricePerShare',
      'sharesOwnedFollowingTransaction',
      'valueOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ]);
  });

  it('prints only fields of the table, Form 3 none about a transaction', () => {
    for (const form of FORMS)
      for (const table of TABLES)
        for (const box of formBoxes(form, table)) {
          if (box === 'sharesAcquired' || box === 'sharesDisposed') assert.equal(table, 'derivative');
          else {
            assert.ok((tableFields(table) as readonly string[]).includes(box), `${form} ${table} ${box}`);
            assert.ok(isPrinted(box), box);
          }
          if (form === '3') assert.ok(!isTransactionField(box), box);
        }
  });

  it('is what the HTML reader makes of each heading and sub-heading', () => {
    for (const form of FORMS)
      for (const table of TABLES)
        for (const c of formColumns(form, table)) {
          if (c.boxes.length > 1) assert.notEqual(classifyColumn(c.heading, ''), null, c.heading);
          for (const box of c.boxes)
            assert.equal(
              classifyColumn(c.heading, c.boxes.length > 1 ? boxName(box) : ''),
              box,
              `${form} ${c.heading}`,
            );
        }
  });
});
