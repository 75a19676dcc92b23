/**
 * Cross-filing reconciliation (docs/RULES.md, "Across filings"): the amount owned after the last transaction of one
 * filing should lead, via the next filing's first transaction, to that row's stated amount.
 *
 * Chains: one per (first reporting owner's CIK, issuer CIK, holding). The FIRST reporting owner is the
 * designated filer of a joint filing, and the holdings a joint filing lists are usually that filer's; chaining
 * on every co-owner would compare one owner's later single filings with rows that belong to another.
 * The holding is the in-filing key (table, normalized security title, D/I, nature of ownership; in Table II
 * also exercise price and expiration date) with the TEXT of the footnotes cited on the ownership form and in the
 * nature of ownership in place of their ids (ids are per filing). A key that names two holdings in one filing is
 * left out for that filing. A Form 5 holding whose rows all state one year-end amount is a statement of what is
 * held, as a holding row is.
 *
 * Filings are taken in time order (first transaction date, else period of report; then filing date, then name).
 * The same filing given twice (e.g. its XML and its submission text) counts once; an amendment replaces the
 * original it amends (same owner, issuer and period) when both are given.
 * A holding row resets the chain: silently when it equals the previous amount, with an info note otherwise.
 * Nothing here is an error: a filing missing from the folder, a stock split or a gift can explain a break.
 *
 * Each filing is first reduced to a `ChainSummary`: small plain data with no reference back into the filing, so a
 * folder of 10,000 filings can be reconciled without keeping the filings (or their text) in memory.
 */
import type Big from 'big.js';
import type { Filing, Finding, Loc, Row, SourceKind, TableName } from './model';
import { dec, scaleOf, unit } from './decimal';
import { docType, filingDate, footnoteById, locOf, normCik, rel, rowLabel, val } from './fields';
import { baseName, fmtAmount } from './format';
import { baseKey, holdingLabel } from './holdings';
import { type RuleOptions, CROSS_RULES, severityFor } from './rules';
import { tallyFiling } from './tally';
import { link, type TallyItem } from './tally-link';
import { detached, digest, memoizeShort } from './strings';

export interface CrossFinding {
  /** The file the finding is about (the later filing). */
  file: string;
  finding: Finding;
}

/** What the check says about a row: its label, its holding and where its amount owned stands. */
interface ChainRow {
  table: TableName;
  label: string;
  holding: string;
  /** The amount owned (or the row, when it has none). */
  loc: Loc;
}

/** A checkable transaction row as plain data (amounts as their decimal text, so a summary survives structured cloning). */
interface ChainItem {
  row: ChainRow;
  date: string;
  sharesText: string;
  ownedText: string;
  sign: 1 | -1;
}

/** A ChainItem with its amounts as exact decimals again. */
type LiveItem = ChainItem & { shares: Big; owned: Big };

function live(it: ChainItem): LiveItem {
  return { ...it, shares: dec(it.sharesText)!, owned: dec(it.ownedText)! };
}

interface Entry {
  source: SourceKind;
  /** The date the chain enters this filing, then the filing date: the chain's order (then the file's name). */
  order: string;
  /** Filing date, or '' when unknown. */
  filed: string;
  /** Checkable rows of the earliest transaction date, document order. */
  firstBlock: ChainItem[];
  /** Stated amount after the last transaction (reconciled order), or null when the chain is broken there. */
  last: { text: string; row: ChainRow; date: string } | null;
  /** A holding row (no transactions of this key in the filing). */
  holding: { text: string; row: ChainRow } | null;
}

/** An entry with the file it belongs to. */
type FileEntry = Entry & { file: string };

/** Where a chain stands after a filing: its last stated amount and where it was stated. */
interface ChainEnd {
  text: string;
  row: ChainRow;
  file: string;
  what: string;
  date: string;
  filed: string;
}

/** "x.xml: Table I row 2 states 10,500", at that amount: the related place of a cross-filing finding. */
function statedAt(p: ChainEnd) {
  return rel(`${baseName(p.file)}: ${p.row.label} states ${fmtAmount(p.text)}`, p.row.loc, p.file);
}

/**
 * One filing reduced to what the cross-filing check needs: plain data (it survives structured cloning), no
 * reference into the filing. Keys only compared for equality are digests: a holding's key holds the text of its
 * footnotes and the signature all the filing's rows, and a folder's check sends, caches and holds thousands.
 */
export interface ChainSummary {
  file: string;
  /** Same value for the same filing given twice (its XML and its submission text): a digest. */
  signature: string;
  /** Owner, issuer, period and form without /A (a digest): an amendment replaces the original with the same key. */
  amendKey: string;
  isAmendment: boolean;
  owner: string | null;
  issuer: string | null;
  entries: [string, Entry][];
}

function normText(s: string | null): string {
  return normTextMemo(s ?? '');
}

const normTextMemo = memoizeShort(
  (s) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  1000,
);

/** The holding part of a chain key (exported for the holdings timeline, which draws the same chains). */
export function crossKey(filing: Filing, row: Row): string {
  const texts = (refs: { id: string }[]) => refs.map((r) => normText(val(footnoteById(filing, r.id)?.text))).sort();
  return [
    ...baseKey(row),
    texts(row.directOrIndirectOwnership.footnotes).join('|'),
    texts(row.natureOfOwnership.footnotes).join('|'),
  ].join('\u0001');
}

function signature(f: Filing): string {
  const rows = [...f.nonDerivative, ...f.derivative].map((r) =>
    [
      r.table,
      val(r.securityTitle),
      val(r.transactionDate),
      val(r.transactionShares),
      val(r.sharesOwnedFollowingTransaction),
      val(r.transactionAcquiredDisposedCode),
    ].join('~'),
  );
  return [
    docType(f),
    normCik(val(f.issuer.cik)),
    f.reportingOwners.map((o) => normCik(val(o.cik))).join(','),
    val(f.periodOfReport),
    ...rows,
  ].join('|');
}

function amendKey(f: Filing): string {
  return `${ownerOf(f)}|${normCik(val(f.issuer.cik))}|${val(f.periodOfReport)}|${(docType(f) ?? '').replace('/A', '')}`;
}

/** The chain's owner: the first reporting owner's CIK, else its normalized name. */
export function ownerOf(f: Filing): string | null {
  const o = f.reportingOwners[0];
  if (!o) return null;
  return normCik(val(o.cik)) ?? (val(o.name) ? 'name:' + normText(val(o.name)) : null);
}

/** Duplicates dropped (first kept), originals replaced by their amendments. */
function selectBy<T>(items: T[], sig: (t: T) => string, key: (t: T) => string, isAmendment: (t: T) => boolean): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const t of items) {
    const s = sig(t);
    if (seen.has(s)) continue;
    seen.add(s);
    unique.push(t);
  }
  const amended = new Set<string>();
  for (const t of unique) if (isAmendment(t)) amended.add(key(t));
  return unique.filter((t) => isAmendment(t) || !amended.has(key(t)));
}

/** Filings to chain: duplicates dropped, originals replaced by their amendments. */
export function selectFilings(filings: Filing[]): Filing[] {
  return selectBy(filings, signature, amendKey, (f) => /\/A$/.test(docType(f) ?? ''));
}

function chainRow(row: Row): ChainRow {
  return {
    table: row.table,
    label: rowLabel(row),
    holding: detached(holdingLabel(row)),
    loc: locOf(row.sharesOwnedFollowingTransaction, row),
  };
}

function chainItem(it: TallyItem): ChainItem {
  return {
    row: chainRow(it.row),
    date: it.date,
    sharesText: detached(it.sharesText),
    ownedText: detached(it.ownedText),
    sign: it.sign,
  };
}

function entriesOf(filing: Filing): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const ambiguous = new Set<string>();
  const filedOn = filingDate(filing)?.date ?? '';
  const filed = filedOn || '9999-99-99';
  const period = val(filing.periodOfReport) ?? '';
  const base = { source: filing.source, filed: filedOn };
  for (const g of tallyFiling(filing)) {
    const rows = [...g.ordered.map((i) => i.row), ...g.skipped];
    if (!rows.length) continue;
    const key = crossKey(filing, rows[0]);
    if (out.has(key)) {
      ambiguous.add(key);
      continue;
    }
    if (g.mode === 'year-end' && g.last) {
      out.set(key, {
        ...base,
        order: detached(`${period}|${filed}`),
        firstBlock: [],
        last: null,
        holding: { text: detached(g.last.ownedText), row: chainRow(g.last.row) },
      });
      continue;
    }
    const first = g.ordered[0]?.date ?? val(rows[0].transactionDate) ?? period;
    const last = g.last ? { text: detached(g.last.ownedText), row: chainRow(g.last.row), date: g.last.date } : null;
    out.set(key, {
      ...base,
      order: detached(`${first}|${filed}`),
      firstBlock: g.firstBlock.map(chainItem),
      last,
      holding: null,
    });
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
    out.set(key, {
      ...base,
      order: detached(`${period}|${filed}`),
      firstBlock: [],
      last: null,
      holding: { text: detached(text), row: chainRow(row) },
    });
  }
  for (const k of ambiguous) out.delete(k);
  return out;
}

/** Reduce one filing to what the cross-filing check needs. */
export function chainSummary(filing: Filing): ChainSummary {
  const owner = ownerOf(filing);
  const issuer = normCik(val(filing.issuer.cik));
  return {
    file: filing.file,
    signature: digest(signature(filing)),
    amendKey: digest(amendKey(filing)),
    isAmendment: /\/A$/.test(docType(filing) ?? ''),
    owner: owner === null ? null : detached(owner),
    issuer,
    entries: owner === null || issuer === null ? [] : [...entriesOf(filing)].map(([k, e]) => [digest(k), e]),
  };
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
function splitNote(before: Big, it: LiveItem): string | null {
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
  return reconcileSummaries(filings.map(chainSummary), options);
}

/** The same over filings already reduced with `chainSummary` (a folder scan keeps only these). */
export function reconcileSummaries(summaries: ChainSummary[], options?: RuleOptions): CrossFinding[] {
  const out: CrossFinding[] = [];
  try {
    const chains = new Map<string, FileEntry[]>();
    const selected = selectBy(
      summaries,
      (s) => s.signature,
      (s) => s.amendKey,
      (s) => s.isAmendment,
    );
    for (const f of selected) {
      const { owner, issuer } = f;
      if (owner === null || issuer === null) continue;
      for (const [k, e] of f.entries) {
        const key = `${owner}\u0002${issuer}\u0002${k}`;
        const fe: FileEntry = { ...e, file: f.file };
        const list = chains.get(key);
        if (list) list.push(fe);
        else chains.set(key, [fe]);
      }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const list of chains.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => cmp(a.order, b.order) || cmp(a.file, b.file));
      let prev: ChainEnd | null = null;
      for (const e of list) {
        if (e.holding) {
          const diff = prev ? dec(e.holding.text)!.minus(dec(prev.text)!).abs() : null;
          if (prev && diff && diff.gt(unit(Math.min(scaleOf(prev.text), scaleOf(e.holding.text))))) {
            const sev = severityFor(CHANGED, e, options);
            if (sev !== 'off')
              out.push({
                file: e.file,
                finding: {
                  rule: CHANGED.id,
                  severity: sev,
                  message: `${e.holding.row.label} (${e.holding.row.holding}): holds ${fmtAmount(e.holding.text)}, but ${baseName(prev.file)} ${prev.what} ${fmtAmount(prev.text)} (${prev.row.label}); the difference is ${fmtAmount(dec(e.holding.text)!.minus(dec(prev.text)!))}`,
                  ...e.holding.row.loc,
                  related: [statedAt(prev)],
                },
              });
          }
          prev = {
            text: e.holding.text,
            row: e.holding.row,
            file: e.file,
            what: 'held',
            date: e.order.slice(0, e.order.indexOf('|')),
            filed: e.filed,
          };
          continue;
        }
        // Filings whose transactions overlap in time (a late filing, a Form 5) cannot be chained end to start;
        // nor can two filings of the same day unless their filing dates tell which came first.
        const first = e.firstBlock[0]?.date;
        const overlaps =
          prev !== null &&
          first !== undefined &&
          (prev.date > first || (prev.date === first && (prev.filed === '' || prev.filed === e.filed)));
        if (prev && e.firstBlock.length && !overlaps) {
          const p: ChainEnd = prev;
          const from = { owned: dec(p.text)!, ownedText: p.text };
          const results = e.firstBlock.map(live).map((it) => ({ it, ...link(from, it) }));
          // Across filings, one unit of the coarsest precision is rounding too (fractional RSU dividend
          // equivalents shown as whole shares drift by one from filing to filing).
          const offByOneUnit = (r: (typeof results)[number]) =>
            r.expected
              .minus(r.it.owned)
              .abs()
              .lte(unit(Math.min(scaleOf(p.text), scaleOf(r.it.sharesText), scaleOf(r.it.ownedText))));
          if (!results.some((r) => r.status !== 'mismatch' || offByOneUnit(r))) {
            const r = results[0];
            const sev = severityFor(CROSS, e, options);
            if (sev !== 'off')
              out.push({
                file: e.file,
                finding: {
                  rule: CROSS.id,
                  severity: sev,
                  message: `${r.it.row.label} (${r.it.row.holding}): ${baseName(p.file)} ${p.what} ${fmtAmount(p.text)} (${p.row.label}); ${fmtAmount(p.text)} ${r.it.sign > 0 ? '+' : '-'} ${fmtAmount(r.it.sharesText)} ${r.it.sign > 0 ? 'acquired' : 'disposed'} = ${fmtAmount(r.expected)}, but this filing states ${fmtAmount(r.it.ownedText)} (off by ${fmtAmount(r.expected.minus(r.it.owned).abs())}; ${splitNote(from.owned, r.it) ?? 'a filing in between, a split or an unreported change may explain it'})`,
                  ...r.it.row.loc,
                  related: [statedAt(p)],
                },
              });
          }
        }
        if (overlaps && e.last && prev && e.last.date < prev.date) continue; // the earlier-ending filing does not move the chain
        prev = e.last
          ? { text: e.last.text, row: e.last.row, file: e.file, what: 'ended with', date: e.last.date, filed: e.filed }
          : null;
      }
    }
  } catch (e) {
    const first = summaries[0];
    if (first)
      out.push({
        file: first.file,
        finding: {
          rule: 'internal-error',
          severity: 'info',
          message: `Cross-filing reconciliation failed: ${e instanceof Error ? e.message : String(e)}`,
          span: null,
        },
      });
  }
  return out;
}
