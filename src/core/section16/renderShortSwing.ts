/** The short-swing report as text and CSV (`form4 short-swing`); the JSON is shortSwingJson in ./shortSwing.ts. */
import { dec } from '../decimal';
import { baseName, fmtAmount, fmtMoney, fmtPrice } from '../format';
import { toCsv } from '../csv';
import { mdCell } from './markup';
import { partyLabel } from './parties';
import type { ShortSwingGroup, ShortSwingReport, TradeRef } from './shortSwing';

/** How the codes were chosen, for the head of a report. */
export function codesLine(r: ShortSwingReport): string {
  const base = `Purchases: code ${r.purchaseCodes.join(', ')}; sales: code ${r.saleCodes.join(', ')}`;
  if (!r.additionalCodes.length)
    return `${base}. Transactions exempt under Rule 16b-3 (such as A, F, M, G) are not matched; add codes only on your own legal judgement.`;
  return `${base}; added by your legal judgement: ${r.additionalCodes.join(', ')} (a purchase when acquired, a sale when disposed of).`;
}

/** "$10.00", "$10.25 (weighted average, $10.00 to $10.50, F2)". */
export function priceText(t: TradeRef): string {
  if (t.price === null) return 'no price';
  const range = t.priceRange
    ? `, ${fmtPrice(t.priceRange.low)} to ${fmtPrice(t.priceRange.high)}, ${t.priceRange.footnote}`
    : '';
  return `${fmtPrice(t.price)}${t.weightedAverage ? ` (weighted average${range})` : ''}`;
}

/** "x.xml Table I row 2". */
export function tradePlace(t: TradeRef): string {
  return `${baseName(t.file)} Table I row ${t.row}`;
}

export function groupTitle(g: ShortSwingGroup): string {
  return `${partyLabel(g.owner)}, ${partyLabel(g.issuer)}, ${g.security || '(no title)'}`;
}

/** What the total leaves out: pairs that owners filing jointly each report, counted once. */
function jointNote(r: ShortSwingReport): string {
  const n = r.pairsCountedOnce;
  return n ? ` (${n} pair${n === 1 ? '' : 's'} that owners filing jointly both report counted once)` : '';
}

export function shortSwingText(r: ShortSwingReport): string {
  const out: string[] = ['Short-swing profits (Section 16(b)), matched lowest-in, highest-out', codesLine(r)];
  const notes = [`${r.filings} filing${r.filings === 1 ? '' : 's'} read`];
  if (r.duplicates.length)
    notes.push(`${r.duplicates.length} duplicate${r.duplicates.length === 1 ? '' : 's'} left out`);
  if (r.amendmentsApplied)
    notes.push(`${r.amendmentsApplied} amendment${r.amendmentsApplied === 1 ? '' : 's'} applied to their originals`);
  out.push(`${notes.join('; ')}.`, '');
  const matched = r.groups.filter((g) => g.pairs.length);
  if (!r.groups.length) out.push('No purchase and sale less than six months apart at a profit.');
  for (const g of r.groups) {
    out.push(
      `${groupTitle(g)}: ${fmtMoney(g.profit)}${g.pairs.length ? ` from ${g.pairs.length} pair${g.pairs.length === 1 ? '' : 's'}` : ''}`,
    );
    if (g.tooMany)
      out.push(`  Not matched: ${g.purchases} purchases and ${g.sales} sales are too many to weigh every pair.`);
    g.pairs.forEach((p, i) => {
      out.push(
        `  ${i + 1}. ${fmtAmount(p.shares)} shares: bought ${p.purchase.date} at ${priceText(p.purchase)} (${tradePlace(p.purchase)}), sold ${p.sale.date} at ${priceText(p.sale)} (${tradePlace(p.sale)}); ${fmtAmount(p.shares)} x ${fmtPrice(dec(p.difference) ?? p.difference)} = ${fmtMoney(p.profit)}`,
      );
    });
    for (const u of g.unmatched)
      out.push(
        `  Unmatched: ${tradePlace(u.trade)} (${u.trade.code}${u.trade.date ? ` ${u.trade.date}` : ''}${u.trade.shares ? `, ${fmtAmount(u.trade.shares)} shares` : ''}): ${u.reason}`,
      );
    out.push('');
  }
  if (r.groups.length)
    out.push(
      `Total: ${fmtMoney(r.profit)} over ${matched.length} owner/issuer/class group${matched.length === 1 ? '' : 's'} with a match${jointNote(r)}.`,
    );
  return `${out.join('\n').trimEnd()}\n`;
}

export const SHORT_SWING_COLUMNS = [
  'record',
  'owner',
  'ownerCik',
  'issuer',
  'issuerCik',
  'security',
  'purchaseFile',
  'purchaseRow',
  'purchaseDate',
  'purchasePrice',
  'saleFile',
  'saleRow',
  'saleDate',
  'salePrice',
  'shares',
  'profit',
  'reason',
] as const;

/** One record per pair (`record` "pair") and per unmatched row ("unmatched", its trade in the purchase or sale columns). */
export function shortSwingCsv(r: ShortSwingReport): string {
  const records: Partial<Record<(typeof SHORT_SWING_COLUMNS)[number], string>>[] = [];
  for (const g of r.groups) {
    const base = {
      owner: g.owner.name,
      ownerCik: g.owner.cik ?? '',
      issuer: g.issuer.name,
      issuerCik: g.issuer.cik ?? '',
      security: g.security,
    };
    for (const p of g.pairs)
      records.push({
        record: 'pair',
        ...base,
        purchaseFile: p.purchase.file,
        purchaseRow: String(p.purchase.row),
        purchaseDate: p.purchase.date ?? '',
        purchasePrice: p.purchase.price ?? '',
        saleFile: p.sale.file,
        saleRow: String(p.sale.row),
        saleDate: p.sale.date ?? '',
        salePrice: p.sale.price ?? '',
        shares: p.shares,
        profit: p.profit,
        reason: '',
      });
    for (const u of g.unmatched) {
      const side = u.trade.side === 'sale' ? 'sale' : 'purchase';
      records.push({
        record: 'unmatched',
        ...base,
        [`${side}File`]: u.trade.file,
        [`${side}Row`]: String(u.trade.row),
        [`${side}Date`]: u.trade.date ?? '',
        [`${side}Price`]: u.trade.price ?? '',
        shares: u.trade.shares ?? '',
        reason: u.reason,
      });
    }
  }
  return toCsv(records, SHORT_SWING_COLUMNS);
}

/** The short-swing report as Markdown: a table per insider group, the unmatched rows under it. */
export function shortSwingMarkdown(r: ShortSwingReport): string {
  const out = ['## Short-swing profits (Section 16(b))', '', mdCell(codesLine(r)), ''];
  if (!r.groups.length) out.push('No purchase and sale less than six months apart at a profit.', '');
  for (const g of r.groups) {
    out.push(`### ${mdCell(groupTitle(g))}: ${fmtMoney(g.profit)}`, '');
    if (g.pairs.length) {
      out.push('| Shares | Purchase | Sale | Difference | Profit |', '| ---: | --- | --- | ---: | ---: |');
      for (const p of g.pairs)
        out.push(
          `| ${fmtAmount(p.shares)} | ${mdCell(`${p.purchase.date} at ${priceText(p.purchase)}, ${tradePlace(p.purchase)}`)} | ${mdCell(`${p.sale.date} at ${priceText(p.sale)}, ${tradePlace(p.sale)}`)} | ${fmtPrice(dec(p.difference) ?? p.difference)} | ${fmtMoney(p.profit)} |`,
        );
      out.push('');
    }
    for (const u of g.unmatched) out.push(`- Unmatched: ${mdCell(`${tradePlace(u.trade)}: ${u.reason}`)}`);
    if (g.unmatched.length) out.push('');
  }
  if (r.groups.length) out.push(`Total: ${fmtMoney(r.profit)}${jointNote(r)}.`);
  return `${out.join('\n').trim()}\n`;
}
