/**
 * Arithmetic as a second reader of a form's text. Within one holding, each row's amount owned is the amount before
 * it plus or minus its shares (Form 4 General Instruction 4(a)(i); the running tally of core/tally.ts). A digit an
 * OCR engine misread breaks that sum, so where the tally does not reconcile, the value it contradicts is marked
 * uncertain, with the value that would reconcile: the amount owned alone when the next row follows from the
 * corrected amount; the shares alone, read as the difference of the amounts, when the next row follows from the
 * amount owned and the shares read are one digit from that difference; else the amount owned and the shares, either
 * of which may be the misread one. Where a value is not read again, the tally rules still report the break; this
 * says that the reading, not the filer, may be at fault. A break the tally explains otherwise (two holdings described
 * alike, a reversed acquired/disposed flag, a change not reported) is no misread digit and is left to them.
 */
import { fmtAmount } from '../../format';
import { tallyFiling } from '../../tally';
import { rowLabel } from '../../fields';
import { dec } from '../../decimal';
import { priceRanges } from '../../priceRange';
import type { TextDoc } from './doc';
import { oneCharOff } from './patterns';

/**
 * A price whose decimal point OCR read as a comma, where the comma looks like a thousands separator ("$646,298" for
 * $646.298): read with the point when a footnote of the filing states a price range (the weighted-average price's
 * "prices ranging from $646.21 to $647.20") that holds it, and no range holds the price as read. The footnote is any
 * of the filing's, not only the ones the row cites: OCR garbles the markers of such rows too.
 */
export function readPricesByTheirRanges(doc: TextDoc): void {
  const f = doc.filing;
  const ranges = f.footnotes.flatMap((n) =>
    n.text.value && n.text.value.length <= 20_000 ? priceRanges(n.text.value) : [],
  );
  if (!ranges.length) return;
  const within = (v: string) => {
    const x = dec(v);
    return !!x && ranges.some((r) => x.gte(r.low) && x.lte(r.high));
  };
  for (const row of [...f.nonDerivative, ...f.derivative]) {
    const p = row.transactionPricePerShare;
    const m = p.value && p.raw ? /^\$?(\d{1,3}),(\d{3})(?!\d)/.exec(p.raw) : null;
    if (!m || p.value !== `${m[1]}${m[2]}`) continue;
    const point = `${m[1]}.${m[2]}`;
    if (within(p.value) || !within(point)) continue;
    p.value = point;
    doc.doubt(
      p,
      `${rowLabel(row)} price`,
      `"${p.raw}" read as $${point}: a footnote's price range holds $${point} and none holds $${fmtAmount(m[1] + m[2])}, and OCR reads a decimal point as a comma`,
    );
  }
}

/**
 * An amount owned whose thousands comma OCR read as a point ("8.635"), where another amount of its row writes the
 * same digits as a whole number (Table II's underlying amount "8,635" beside it): read as that number, flagged. A
 * fraction of a share is written so too, which is why the row's other amount must say it.
 */
export function readAmountsByTheirRow(doc: TextDoc): void {
  for (const row of [...doc.filing.nonDerivative, ...doc.filing.derivative]) {
    const owned = row.sharesOwnedFollowingTransaction;
    const m = owned.raw && owned.value ? /^(\d{1,3})\.(\d{3})$/.exec(owned.raw.trim()) : null;
    if (!m) continue;
    const whole = `${m[1]}${m[2]}`;
    const others = [row.transactionShares, row.table === 'derivative' ? row.underlyingSecurityShares : null];
    if (!others.some((f) => f?.value === whole)) continue;
    owned.value = whole;
    doc.doubt(
      owned,
      `${rowLabel(row)}, amount owned`,
      `"${owned.raw}" read as ${fmtAmount(whole)}: the row writes ${fmtAmount(whole)} beside it, and OCR reads a thousands comma as a point`,
    );
  }
}

/** Marks the values of `doc`'s filing that its running tally contradicts (see above). */
export function checkByArithmetic(doc: TextDoc): void {
  for (const group of tallyFiling(doc.filing)) {
    if (group.mode !== 'running') continue;
    for (const l of group.links) {
      if (l.status !== 'mismatch' || l.series || l.outside || l.reversed) continue;
      const row = l.to.row;
      const label = rowLabel(row);
      const start = fmtAmount(l.start);
      const op = l.to.sign > 0 ? '+' : '-';
      if (l.misstated) {
        doc.doubt(
          row.sharesOwnedFollowingTransaction,
          `${label}, amount owned`,
          `reads ${fmtAmount(l.to.ownedText)}, but the running tally gives ${start} ${op} ${fmtAmount(l.to.sharesText)} = ${fmtAmount(l.expected)}, from which the next row follows: ${fmtAmount(l.expected)} may be the value printed`,
        );
        continue;
      }
      const shares = l.to.owned.minus(l.start).abs();
      // The next row follows from this amount owned, so the amount stands; shares one digit from the difference of
      // the amounts are those shares misread ("4010" where 1,010 reconciles).
      const next = group.links.find((x) => x.from === l.to);
      const read = l.to.sharesText;
      if (next && next.status !== 'mismatch' && /^\d+$/.test(read) && oneCharOff(read, shares.toFixed())) {
        row.transactionShares.value = shares.toFixed();
        doc.doubt(
          row.transactionShares,
          `${label}, shares`,
          `"${read}" read as ${fmtAmount(shares.toFixed())}: the amounts owned before (${start}) and after (${fmtAmount(l.to.ownedText)}) differ by ${fmtAmount(shares.toFixed())}, one digit apart, and the next row follows from ${fmtAmount(l.to.ownedText)} (OCR misread a digit)`,
        );
        continue;
      }
      doc.doubt(
        row.sharesOwnedFollowingTransaction,
        `${label}, amount owned`,
        `reads ${fmtAmount(l.to.ownedText)}, but the running tally gives ${start} ${op} ${fmtAmount(l.to.sharesText)} = ${fmtAmount(l.expected)}: this amount (${fmtAmount(l.expected)}) or the shares (${fmtAmount(shares)}) may have been misread`,
      );
      doc.doubt(
        row.transactionShares,
        `${label}, shares`,
        `read as ${fmtAmount(l.to.sharesText)}, which the amounts owned before (${start}) and after (${fmtAmount(l.to.ownedText)}) do not reconcile: ${fmtAmount(shares)} would`,
      );
    }
  }
}
