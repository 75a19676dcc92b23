/**
 * The running tally (RULES.md item 15): within one filing, the amount owned after each transaction follows
 * from the amount owned after the previous transaction of the same holding (see ./holdings), plus the shares
 * acquired or minus the shares disposed of. Exact decimals throughout.
 *
 * Rows are taken in transaction-date order; rows of one date may be listed in any order, so an order that
 * reconciles is searched for before anything is reported. The rule `holdings-reconcile` reports the links that
 * do not add up; the derived figures, the summary, the cross-filing check and the timeline read the same tally.
 */
import type Big from 'big.js';
import type { Filing, Row } from './model';
import { dec, scaleOf, unit } from './decimal';
import { code, val } from './fields';
import { groupByHolding, transactionRows } from './holdings';

export interface TallyItem {
  row: Row;
  date: string;
  shares: Big;
  sharesText: string;
  owned: Big;
  ownedText: string;
  /** +1 acquired, -1 disposed. */
  sign: 1 | -1;
}

export interface Link {
  /** The row whose stated amount is the starting point. */
  from: TallyItem;
  to: TallyItem;
  expected: Big;
  /** 'exact'; 'rounding' (a difference within the precision the filer used); 'lot' (a Table II row that is its own grant); 'mismatch'. */
  status: 'exact' | 'rounding' | 'lot' | 'mismatch';
}

export interface TallyGroup {
  key: string;
  /** Rows of the group in the order they were reconciled (checkable transactions only). */
  ordered: TallyItem[];
  links: Link[];
  /** Transaction rows of the group that could not be checked (missing shares, amount or A/D code, or a value instead of shares). */
  skipped: Row[];
  /** Checkable rows of the group's earliest transaction date, in document order. */
  firstBlock: TallyItem[];
  /** The group's stated amount after its last transaction in reconciled order, if that row is checkable. */
  last: TallyItem | null;
}

/** A row's tally item, or null when the row cannot be checked. */
export function tallyItem(row: Row): TallyItem | null {
  if (row.kind !== 'transaction') return null;
  const date = val(row.transactionDate);
  const sharesText = val(row.transactionShares);
  const ownedText = val(row.sharesOwnedFollowingTransaction);
  const ad = code(row.transactionAcquiredDisposedCode);
  const shares = dec(sharesText);
  const owned = dec(ownedText);
  if (
    date === null ||
    shares === null ||
    owned === null ||
    sharesText === null ||
    ownedText === null ||
    (ad !== 'A' && ad !== 'D')
  )
    return null;
  return { row, date: date.slice(0, 10), shares, sharesText, owned, ownedText, sign: ad === 'A' ? 1 : -1 };
}

/** What `link` reads of the row it leads to (a TallyItem, or the cross-filing check's reduced copy of one). */
export type LinkTarget = Pick<TallyItem, 'shares' | 'sharesText' | 'owned' | 'ownedText' | 'sign'> & {
  row: { table: Row['table'] };
};

/**
 * The link from a stated amount to the next row.
 * - 'rounding': the difference is below the precision the filer used, or exactly one unit of it when a
 *   fractional amount is involved (three rounded figures can be one unit apart).
 * - 'lot': a Table II row that is its own lot: an acquisition stating exactly the shares acquired, or a
 *   disposal from nothing to nothing (separate grants of the same terms, each reported with its own balance).
 */
export function link(
  from: { owned: Big; ownedText: string },
  to: LinkTarget,
): { expected: Big; status: Link['status'] } {
  const expected = to.sign > 0 ? from.owned.plus(to.shares) : from.owned.minus(to.shares);
  const diff = expected.minus(to.owned).abs();
  if (diff.eq(0)) return { expected, status: 'exact' };
  const scales = [scaleOf(from.ownedText), scaleOf(to.sharesText), scaleOf(to.ownedText)];
  const tol = unit(Math.min(...scales));
  if (diff.lt(tol) || (diff.eq(tol) && Math.max(...scales) > 0)) return { expected, status: 'rounding' };
  if (to.row.table === 'derivative') {
    if (to.sign > 0 && to.owned.eq(to.shares)) return { expected, status: 'lot' };
    if (to.sign < 0 && to.owned.eq(0) && from.owned.eq(0)) return { expected, status: 'lot' };
  }
  return { expected, status: 'mismatch' };
}

const COST: Record<Link['status'], number> = { exact: 0, rounding: 1, lot: 2, mismatch: 1000 };
const MAX_SEARCH = 8;
const MAX_GREEDY = 120;
const NODE_BUDGET = 40000;

/**
 * The order of one date's rows that reconciles best from `start` (null: the first row is free):
 * fewest mismatches, then fewest rounding notes, then closest to document order.
 */
function orderBlock(start: TallyItem | null, items: TallyItem[]): TallyItem[] {
  if (items.length <= 1) return items;
  if (items.length <= MAX_SEARCH) {
    let best: TallyItem[] | null = null;
    let bestCost = Infinity;
    let nodes = 0;
    const used = new Array<boolean>(items.length).fill(false);
    const path: TallyItem[] = [];
    const dfs = (cur: TallyItem | null, cost: number) => {
      if (cost >= bestCost || nodes > NODE_BUDGET) return;
      if (path.length === items.length) {
        best = [...path];
        bestCost = cost;
        return;
      }
      for (let i = 0; i < items.length; i++) {
        if (used[i]) continue;
        nodes++;
        const c = cur ? COST[link(cur, items[i]).status] : 0;
        used[i] = true;
        path.push(items[i]);
        dfs(items[i], cost + c);
        path.pop();
        used[i] = false;
        if (bestCost === 0) return;
      }
    };
    dfs(start, 0);
    if (best) return best;
  }
  // (Beyond a table's 30 rows, hostile input: document order, linear.)
  if (items.length > MAX_GREEDY) return items;
  if (start) return greedy(start, items).order;
  // Without a starting amount, try each row that no other row leads to (a head of the chain) as the first.
  const ok = (x: TallyItem, y: TallyItem) => link(x, y).status !== 'mismatch';
  const heads = items.filter((it) => !items.some((o) => o !== it && ok(o, it)));
  let best: { order: TallyItem[]; cost: number } | null = null;
  for (const h of heads.length ? heads : items) {
    const rest = items.filter((x) => x !== h);
    const g = greedy(h, rest);
    if (!best || g.cost < best.cost) best = { order: [h, ...g.order], cost: g.cost };
  }
  return best ? best.order : items;
}

/** The next row in document order that reconciles, else the next row in document order. */
function greedy(start: TallyItem, items: TallyItem[]): { order: TallyItem[]; cost: number } {
  const left = [...items];
  const order: TallyItem[] = [];
  let cur = start;
  let cost = 0;
  while (left.length) {
    let i = left.findIndex((it) => link(cur, it).status !== 'mismatch');
    if (i < 0) {
      i = 0;
      cost++;
    }
    const [it] = left.splice(i, 1);
    order.push(it);
    cur = it;
  }
  return { order, cost };
}

/** Run the tally over the rows of one group (any order; they are sorted here). */
export function tallyRows(key: string, rows: Row[]): TallyGroup {
  const sorted = rows
    .filter((r) => r.kind === 'transaction')
    .map((row, i) => ({ row, i, date: (val(row.transactionDate) ?? '').slice(0, 10) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row.index - b.row.index));
  const blocks: { date: string; rows: Row[] }[] = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.date === s.date) last.rows.push(s.row);
    else blocks.push({ date: s.date, rows: [s.row] });
  }
  const group: TallyGroup = { key, ordered: [], links: [], skipped: [], firstBlock: [], last: null };
  let cur: TallyItem | null = null;
  blocks.forEach((block, bi) => {
    const items: TallyItem[] = [];
    let broken = block.date === '';
    for (const r of block.rows) {
      const it = tallyItem(r);
      if (it) items.push(it);
      else {
        group.skipped.push(r);
        broken = true;
      }
    }
    if (bi === 0) group.firstBlock = items;
    if (broken) cur = null;
    const order = orderBlock(cur, items);
    for (const it of order) {
      if (cur) {
        const l = link(cur, it);
        group.links.push({ from: cur, to: it, expected: l.expected, status: l.status });
      }
      group.ordered.push(it);
      cur = it;
    }
    if (broken) cur = null;
  });
  group.last = cur;
  return group;
}

const tallyCache = new WeakMap<Filing, TallyGroup[]>();

/** The tally of every holding of a filing, keyed by `holdingKey` (computed once per filing object). */
export function tallyFiling(filing: Filing): TallyGroup[] {
  const cached = tallyCache.get(filing);
  if (cached) return cached;
  const groups = computeTally(filing);
  tallyCache.set(filing, groups);
  return groups;
}

function computeTally(filing: Filing): TallyGroup[] {
  return [...groupByHolding(transactionRows(filing)).entries()].map(([k, rows]) => tallyRows(k, rows));
}
