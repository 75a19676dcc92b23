/**
 * Cross-filing reconciliation (RULES.md item 16): the amount owned after the last transaction of one filing
 * should lead, via the next filing's first transaction, to that row's stated amount.
 *
 * Chains: one per (first reporting owner's CIK, issuer CIK, holding). The FIRST reporting owner is the
 * designated filer of a joint filing, and the holdings a joint filing lists are usually that filer's; chaining
 * on every co-owner would compare one owner's later single filings with rows that belong to another.
 * The holding is the in-filing key (table, normalized security title, D/I, nature of ownership; in Table II
 * also exercise price and expiration date) with the TEXT of the footnotes cited in the nature of ownership in
 * place of their ids (ids are per filing). A key that names two holdings in one filing is left out for that filing.
 *
 * Filings are taken in time order (first transaction date, else period of report; then filing date, then name).
 * The same filing given twice (e.g. its XML and its submission text) counts once; an amendment replaces the
 * original it amends (same owner, issuer and period) when both are given.
 * A holding row resets the chain: silently when it equals the previous amount, with an info note otherwise.
 * Nothing here is an error: a filing missing from the folder, a stock split or a gift can explain a break.
 */
import type Big from 'big.js';
import type { Filing, Finding, Row } from './model';
import { dec, fmt, scaleOf, unit } from './decimal';
import { type RuleOptions, CROSS_RULES, severityFor } from './rules';
import { baseKey, holdingLabel, link, tallyFiling, type TallyItem } from './rules/tally';
import { docType, locOf, rel, rowLabel, val } from './rules/types';
import { normCik } from './rules/structure';
import { filingDate } from './rules/dates';

export interface CrossFinding {
  /** The file the finding is about (the later filing). */
  file: string;
  finding: Finding;
}

interface Entry {
  filing: Filing;
  order: string;
  /** Filing date, or '' when unknown. */
  filed: string;
  /** Checkable rows of the earliest transaction date, document order. */
  firstBlock: TallyItem[];
  /** Stated amount after the last transaction (reconciled order), or null when the chain is broken there. */
  last: { text: string; row: Row; date: string } | null;
  /** A holding row (no transactions of this key in the filing). */
  holding: { text: string; row: Row } | null;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

function normText(s: string | null): string {
  return (s ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The holding part of a chain key (exported for the holdings timeline, which draws the same chains). */
export function crossKey(filing: Filing, row: Row): string {
  const texts = row.natureOfOwnership.footnotes
    .map((r) => normText(val(filing.footnotes.find((f) => (f.id.value ?? f.id.raw) === r.id)?.text)))
    .sort();
  return [...baseKey(row), texts.join('|')].join('\u0001');
}

function signature(f: Filing): string {
  const rows = [...f.nonDerivative, ...f.derivative].map((r) =>
    [r.table, val(r.securityTitle), val(r.transactionDate), val(r.transactionShares), val(r.sharesOwnedFollowingTransaction), val(r.transactionAcquiredDisposedCode)].join('~'),
  );
  return [docType(f), normCik(val(f.issuer.cik)), f.reportingOwners.map((o) => normCik(val(o.cik))).join(','), val(f.periodOfReport), ...rows].join('|');
}

/** The chain's owner: the first reporting owner's CIK, else its normalized name. */
export function ownerOf(f: Filing): string | null {
  const o = f.reportingOwners[0];
  if (!o) return null;
  return normCik(val(o.cik)) ?? (val(o.name) ? 'name:' + normText(val(o.name)) : null);
}

/** Filings to chain: duplicates dropped, originals replaced by their amendments. */
export function selectFilings(filings: Filing[]): Filing[] {
  const seen = new Set<string>();
  const unique: Filing[] = [];
  for (const f of filings) {
    const s = signature(f);
    if (seen.has(s)) continue;
    seen.add(s);
    unique.push(f);
  }
  const amended = new Set<string>();
  const id = (f: Filing) => `${ownerOf(f)}|${normCik(val(f.issuer.cik))}|${val(f.periodOfReport)}|${(docType(f) ?? '').replace('/A', '')}`;
  for (const f of unique) if (/\/A$/.test(docType(f) ?? '')) amended.add(id(f));
  return unique.filter((f) => /\/A$/.test(docType(f) ?? '') || !amended.has(id(f)));
}

function entriesOf(filing: Filing): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const ambiguous = new Set<string>();
  const filedOn = filingDate(filing)?.date ?? '';
  const filed = filedOn || '9999-99-99';
  const period = val(filing.periodOfReport) ?? '';
  for (const g of tallyFiling(filing)) {
    const rows = [...g.ordered.map((i) => i.row), ...g.skipped];
    if (!rows.length) continue;
    const key = crossKey(filing, rows[0]);
    if (out.has(key)) {
      ambiguous.add(key);
      continue;
    }
    const first = g.ordered[0]?.date ?? (val(rows[0].transactionDate) ?? period);
    const last = g.last ? { text: g.last.ownedText, row: g.last.row, date: g.last.date } : null;
    out.set(key, { filing, order: `${first}|${filed}|${filing.file}`, filed: filedOn, firstBlock: g.firstBlock, last, holding: null });
  }
  for (const row of [...filing.nonDerivative, ...filing.derivative]) {
    if (row.kind !== 'holding') continue;
    const text = val(row.sharesOwnedFollowingTransaction);
    const key = crossKey(filing, row);
    const e = out.get(key);
    if (e && !e.holding && e.firstBlock.length + (e.last ? 1 : 0) > 0) {
      // transactions and a holding of one key in the same filing: the transactions speak for the holding
      continue;
    }
    if (e) {
      ambiguous.add(key);
      continue;
    }
    if (text === null || dec(text) === null) continue;
    out.set(key, { filing, order: `${period}|${filed}|${filing.file}`, filed: filedOn, firstBlock: [], last: null, holding: { text, row } });
  }
  for (const k of ambiguous) out.delete(k);
  return out;
}

const [CROSS, CHANGED] = CROSS_RULES;

/** Common split ratios: new shares per old share. */
const SPLITS: [string, string][] = [
  ['2', '2-for-1'],
  ['3', '3-for-1'],
  ['4', '4-for-1'],
  ['5', '5-for-1'],
  ['10', '10-for-1'],
  ['20', '20-for-1'],
  ['1.5', '3-for-2'],
  ['0.5', '1-for-2 reverse'],
  ['0.2', '1-for-5 reverse'],
  ['0.1', '1-for-10 reverse'],
  ['0.05', '1-for-20 reverse'],
];

/** "consistent with a 2-for-1 split between the filings" when the amount before, split, leads exactly to the stated one. */
function splitNote(before: Big, it: TallyItem): string | null {
  // (Table II keys carry the exercise price, which a split changes; equal amounts make any ratio a coincidence.)
  if (it.row.table !== 'nonDerivative' || before.eq(0) || it.shares.eq(before) || it.shares.eq(it.owned)) return null;
  for (const [ratio, name] of SPLITS) {
    const split = before.times(ratio);
    const expected = it.sign > 0 ? split.plus(it.shares) : split.minus(it.shares);
    if (expected.eq(it.owned)) return `consistent with a ${name} split between the filings`;
  }
  return null;
}

/** Chain every holding across the given filings and report where one filing does not lead to the next. */
export function reconcileFilings(filings: Filing[], options?: RuleOptions): CrossFinding[] {
  const out: CrossFinding[] = [];
  try {
    const chains = new Map<string, Entry[]>();
    for (const f of selectFilings(filings)) {
      const owner = ownerOf(f);
      const issuer = normCik(val(f.issuer.cik));
      if (owner === null || issuer === null) continue;
      for (const [k, e] of entriesOf(f)) {
        const key = `${owner}\u0002${issuer}\u0002${k}`;
        const list = chains.get(key);
        if (list) list.push(e);
        else chains.set(key, [e]);
      }
    }
    for (const list of chains.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      let prev: { text: string; row: Row; filing: Filing; what: string; date: string; filed: string } | null = null;
      for (const e of list) {
        if (e.holding) {
          const diff = prev ? dec(e.holding.text)!.minus(dec(prev.text)!).abs() : null;
          if (prev && diff && diff.gt(unit(Math.min(scaleOf(prev.text), scaleOf(e.holding.text))))) {
            const sev = severityFor(CHANGED, e.filing, options);
            if (sev !== 'off')
              out.push({
                file: e.filing.file,
                finding: {
                  rule: CHANGED.id,
                  severity: sev,
                  message: `${rowLabel(e.holding.row)} (${holdingLabel(e.holding.row)}): holds ${fmt(e.holding.text)}, but ${baseName(prev.filing.file)} ${prev.what} ${fmt(prev.text)} (${rowLabel(prev.row)}); the difference is ${fmt(dec(e.holding.text)!.minus(dec(prev.text)!))}`,
                  ...locOf(e.holding.row.sharesOwnedFollowingTransaction, e.holding.row),
                  related: [rel(`${baseName(prev.filing.file)}: ${rowLabel(prev.row)} states ${fmt(prev.text)}`, locOf(prev.row.sharesOwnedFollowingTransaction, prev.row), prev.filing.file)],
                },
              });
          }
          prev = { text: e.holding.text, row: e.holding.row, filing: e.filing, what: 'held', date: val(e.filing.periodOfReport) ?? '', filed: e.filed };
          continue;
        }
        // Filings whose transactions overlap in time (a late filing, a Form 5) cannot be chained end to start;
        // nor can two filings of the same day unless their filing dates tell which came first.
        const first = e.firstBlock[0]?.date;
        const overlaps =
          prev !== null && first !== undefined && (prev.date > first || (prev.date === first && (prev.filed === '' || prev.filed === e.filed)));
        if (prev && e.firstBlock.length && !overlaps) {
          const p: { text: string; row: Row; filing: Filing; what: string; date: string; filed: string } = prev;
          const from = { owned: dec(p.text)!, ownedText: p.text };
          const results = e.firstBlock.map((it) => ({ it, ...link(from, it) }));
          // Across filings, one unit of the coarsest precision is rounding too (fractional RSU dividend
          // equivalents shown as whole shares drift by one from filing to filing).
          const offByOneUnit = (r: (typeof results)[number]) =>
            r.expected.minus(r.it.owned).abs().lte(unit(Math.min(scaleOf(p.text), scaleOf(r.it.sharesText), scaleOf(r.it.ownedText))));
          if (!results.some((r) => r.status !== 'mismatch' || offByOneUnit(r))) {
            const r = results[0];
            const sev = severityFor(CROSS, e.filing, options);
            if (sev !== 'off')
              out.push({
                file: e.filing.file,
                finding: {
                  rule: CROSS.id,
                  severity: sev,
                  message: `${rowLabel(r.it.row)} (${holdingLabel(r.it.row)}): ${baseName(p.filing.file)} ${p.what} ${fmt(p.text)} (${rowLabel(p.row)}); ${fmt(p.text)} ${r.it.sign > 0 ? '+' : '-'} ${fmt(r.it.sharesText)} ${r.it.sign > 0 ? 'acquired' : 'disposed'} = ${fmt(r.expected)}, but this filing states ${fmt(r.it.ownedText)} (off by ${fmt(r.expected.minus(r.it.owned).abs())}; ${splitNote(from.owned, r.it) ?? 'a filing in between, a split or an unreported change may explain it'})`,
                  ...locOf(r.it.row.sharesOwnedFollowingTransaction, r.it.row),
                  related: [
                    rel(`${baseName(p.filing.file)}: ${rowLabel(p.row)} states ${fmt(p.text)}`, locOf(p.row.sharesOwnedFollowingTransaction, p.row), p.filing.file),
                  ],
                },
              });
          }
        }
        if (overlaps && e.last && prev && e.last.date < prev.date) continue; // the earlier-ending filing does not move the chain
        prev = e.last ? { text: e.last.text, row: e.last.row, filing: e.filing, what: 'ended with', date: e.last.date, filed: e.filed } : null;
      }
    }
  } catch (e) {
    const first = filings[0];
    if (first)
      out.push({
        file: first.file,
        finding: { rule: 'internal-error', severity: 'info', message: `Cross-filing reconciliation failed: ${e instanceof Error ? e.message : String(e)}`, span: null },
      });
  }
  return out;
}
