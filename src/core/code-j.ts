/**
 * What describes a transaction coded J (other acquisition or disposition), which Form 4 General Instruction 8 asks
 * the filer to describe in the explanation of responses: the rule `code-j-footnote` asks whether anything does, and
 * the summary quotes what does.
 */
import type { Filing, FootnoteRef, Row } from './model';
import { rowFootnoteIds } from './model';
import { allRows, code, footnoteById, val } from './fields';

/**
 * Words that name what a transaction was (a split, a distribution, a transfer to a trust, a gift, a forfeiture ...):
 * a footnote or remark that uses one describes a transaction; one that only says whose holding it is ("IRA", "By
 * Trust") does not.
 */
const TRANSACTION_WORDS =
  /\b(?:split|dividend|distribut|transfer|exchang|conver|merge|reclassif|recapitaliz|reorganiz|spin-?off|gift|donat|divorce|domestic relations|pledg|forfeit|cancel|surrender|settle|redeem|redempt|repurchas|contribut|liquidat|in[- ]kind|inherit|beques|estate of|escrow|rescind|rescission|releas|laps|vest|withh|tender|sold|sale|purchas|acquir|acquisition|dispos|deliver|receiv|receipt|award|grant|issu|expir|assign|reinvest|allocat|swap|return|tax)/i;

/** The columns of a transaction itself: a footnote cited on one of them is about the transaction. */
function transactionFootnotes(row: Row): FootnoteRef[] {
  return [
    ...row.codingFootnotes,
    ...row.transactionCode.footnotes,
    ...row.transactionDate.footnotes,
    ...row.deemedExecutionDate.footnotes,
    ...row.transactionShares.footnotes,
    ...row.transactionPricePerShare.footnotes,
    ...row.transactionAcquiredDisposedCode.footnotes,
    ...(row.table === 'derivative' ? row.transactionTotalValue.footnotes : []),
  ];
}

/** Where a J transaction is described: a footnote (of the row, or of the transfer's other row), or the remarks. */
export type CodeJDescription = { footnote: string; otherRow?: Row } | { remarks: true };

/**
 * How a J row is described: a footnote on its transaction columns; a footnote of the row or the remarks naming a
 * transaction; or, for a transfer reported as two J rows, the other row's footnote naming it (`otherSide`).
 */
export function describeCodeJ(filing: Filing, row: Row): CodeJDescription | null {
  const own = transactionFootnotes(row);
  if (own.length) return { footnote: (own.find((r) => footnoteById(filing, r.id)) ?? own[0]).id };
  for (const id of rowFootnoteIds(row)) if (namesTransaction(filing, id)) return { footnote: id };
  const remarks = val(filing.remarks);
  if (remarks !== null && TRANSACTION_WORDS.test(remarks)) return { remarks: true };
  return otherSide(filing, row);
}

function namesTransaction(filing: Filing, id: string): boolean {
  const text = val(footnoteById(filing, id)?.text);
  return text !== null && TRANSACTION_WORDS.test(text);
}

/**
 * A transfer between two holders of record of one reporting person (from one company it controls to another) is
 * one transaction the form reports as two J rows: the same security and date, one disposed of and one acquired.
 * A footnote on the other row's transaction columns that says what was done ("transferred to ... by the previous
 * holder of record ...") describes both.
 */
function otherSide(filing: Filing, row: Row): CodeJDescription | null {
  const ad = code(row.transactionAcquiredDisposedCode);
  if (ad !== 'A' && ad !== 'D') return null;
  const title = val(row.securityTitle)?.trim().toLowerCase();
  const date = val(row.transactionDate);
  for (const other of allRows(filing)) {
    if (other === row || other.kind !== 'transaction' || other.table !== row.table) continue;
    if (code(other.transactionCode) !== 'J' || val(other.transactionDate) !== date) continue;
    const otherAd = code(other.transactionAcquiredDisposedCode);
    if (otherAd === ad || (otherAd !== 'A' && otherAd !== 'D')) continue;
    if (val(other.securityTitle)?.trim().toLowerCase() !== title) continue;
    for (const ref of transactionFootnotes(other))
      if (namesTransaction(filing, ref.id)) return { footnote: ref.id, otherRow: other };
  }
  return null;
}
