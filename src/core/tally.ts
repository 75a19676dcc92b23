/**
 * The running tally (docs/RULES.md, rule holdings-reconcile): within one filing, the amount owned after each
 * transaction follows from the amount owned after the previous transaction of the same holding (see ./holdings),
 * plus the shares acquired or minus the shares disposed of. Exact decimals throughout.
 *
 * Rows are taken in transaction-date order; rows of one date may be listed in any order, so an order that
 * reconciles is searched for before anything is reported. When a link does not add up, the tally looks one row
 * further: if the next row follows from the amount the row should have stated, that row's own amount owned is the
 * figure that does not fit (`misstated`), and the chain goes on from the amount that reconciles.
 *
 * What one holding is comes first from the description (./holdings), then from the amounts: rows that differ only
 * in the footnotes on their ownership are one holding when together they reconcile and apart they do not, and rows
 * of one description that form two or more separate series, each of them reconciling, are separate holdings.
 *
 * On a Form 5 the amount owned is the amount at the end of the issuer's fiscal year (the column heading of both
 * tables), and a Form 5 transaction reported on a Form 4 states the amount after changes reported elsewhere: such
 * rows are `deferred`, and a deferred row repeating the amount of the one before is `repeated`, not a mismatch.
 *
 * The rule holdings-reconcile reports the links that do not add up; the derived figures, the summary, the
 * cross-filing check and the timeline read the same tally.
 */
import type Big from 'big.js';
import type { Filing, Row } from './model';
import { formNumber, val } from './fields';
import { describedKey, groupByHolding, transactionRows } from './holdings';
import { link, linkStatus, tallyItem, type LinkStatus, type TallyItem } from './tally-link';

export interface Link {
  /** The row whose amount is the starting point. */
  from: TallyItem;
  /** The amount the link starts from: `from`'s stated amount, or, when that was the figure that did not fit, the amount `from` should have stated. */
  start: Big;
  startText: string;
  to: TallyItem;
  expected: Big;
  status: LinkStatus;
  /** (mismatch) `to`'s own amount owned is the figure that does not fit: `next` follows from `expected`. */
  misstated?: boolean;
  /** (mismatch) `to` stands outside the chain: `next` follows from `from` without it (another holding described alike, or its shares left out of the amounts). */
  outside?: boolean;
  /** (mismatch) The break between two series of rows that each add up (another holding described alike, or a change not reported). */
  series?: boolean;
  /** (mismatch) The amount moves by exactly the shares, the other way than the acquired/disposed flag says. */
  reversed?: boolean;
  /** (misstated, outside) The next row, which follows from `expected` (misstated) or from `from` (outside). */
  next?: TallyItem;
}

export interface TallyGroup {
  /** `holdingKey` of the rows; a holding the amounts split in several gets a suffix per part. */
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
  /** 'year-end': deferred rows that all state one amount (a Form 5's year-end amount on every row). */
  mode: 'running' | 'year-end';
}

const COST: Record<LinkStatus, number> = { exact: 0, rounding: 1, lot: 2, repeated: 2, mismatch: 1000 };
const MAX_SEARCH = 8;
const MAX_GREEDY = 120;
/** Orders tried per day's rows; a step looks back up to two rows, so this is about 40,000 links of work. */
const NODE_BUDGET = 12000;
/** Heads tried as the first of a long day's rows (each costs a greedy pass, quadratic in the rows). */
const MAX_HEADS = 8;

/**
 * Where the chain stands: the last row (the next link starts from the amount it states) and, after a mismatch, the
 * amount it should state.
 */
interface Cursor {
  item: TallyItem;
  /** The link into `item` did not add up: what it should have stated, tried when the next link does not add up either. */
  expected: Big | null;
  /** The link into `item` did not add up: where the chain stood before it, tried likewise. */
  before: Cursor | null;
}

interface Step {
  link: { from: TallyItem; start: Big; startText: string; expected: Big; status: LinkStatus; reversed: boolean } | null;
  /** What this link shows of the link into `cur.item`: its amount is misstated, or its row stands outside the chain. */
  prev: 'misstated' | 'outside' | null;
  cost: number;
  next: Cursor;
}

function cursorAt(it: TallyItem): Cursor {
  return { item: it, expected: null, before: null };
}

/**
 * `link` from one row's stated amount to another row, worked out once per pair: the search of a day's orders asks
 * for the same pairs thousands of times, and each asks big.js for new numbers. A cursor starts from its row's own
 * amount, so the link from it depends on the two rows alone.
 *
 * The pairs are kept for one `tallyRows` run (its rows are its own), then dropped. Keyed by row in a WeakMap that
 * outlived them, they had stayed alive through V8's young-generation collections; with `tallyFiling`'s WeakMap, a
 * folder check promoted 458 MB to the old generation instead of 31 MB over 10,000 filings in one thread
 * (`--trace-gc-nvp`), and spent more than twice as long collecting.
 */
let pairLinks: Map<TallyItem, Map<TallyItem, ReturnType<typeof link>>> | null = null;
function linkRows(from: TallyItem, to: TallyItem): ReturnType<typeof link> {
  if (!pairLinks) return link(from, to);
  let row = pairLinks.get(from);
  if (!row) pairLinks.set(from, (row = new Map()));
  let l = row.get(to);
  if (!l) row.set(to, (l = link(from, to)));
  return l;
}

/** One link of the chain, looking back one row: see the module comment on `misstated`. */
function step(cur: Cursor | null, it: TallyItem): Step {
  if (!cur) return { link: null, prev: null, cost: 0, next: cursorAt(it) };
  const first = linkRows(cur.item, it);
  let l: NonNullable<Step['link']> = {
    expected: first.expected,
    status: first.status,
    reversed: first.reversed,
    from: cur.item,
    start: cur.item.owned,
    startText: cur.item.ownedText,
  };
  let prev: Step['prev'] = null;
  if (l.status === 'mismatch' && cur.expected) {
    const text = cur.expected.toFixed();
    const alt = link({ owned: cur.expected, ownedText: text, deferred: cur.item.deferred }, it);
    if (alt.status !== 'mismatch') {
      l = { ...alt, from: cur.item, start: cur.expected, startText: text };
      prev = 'misstated';
    }
  }
  if (l.status === 'mismatch' && cur.before) {
    const b = cur.before;
    const alt = linkRows(b.item, it);
    if (alt.status !== 'mismatch') {
      l = { ...alt, from: b.item, start: b.item.owned, startText: b.item.ownedText };
      prev = 'outside';
    }
  }
  const next = cursorAt(it);
  if (l.status === 'mismatch') {
    next.expected = l.expected;
    next.before = cur;
  }
  return { link: l, prev, cost: COST[l.status], next };
}

/** The cost of a whole order from `start` (the sum of its steps). */
function costOf(start: Cursor | null, order: TallyItem[]): { cost: number; end: Cursor | null } {
  let cur = start;
  let cost = 0;
  for (const it of order) {
    const s = step(cur, it);
    cost += s.cost;
    cur = s.next;
  }
  return { cost, end: cur };
}

/**
 * The order of one date's rows that reconciles best from `start` (null: the first row is free):
 * fewest mismatches, then fewest rounding notes, then closest to document order.
 */
function orderBlock(start: Cursor | null, items: TallyItem[]): TallyItem[] {
  if (items.length <= 1) return items;
  if (items.length <= MAX_SEARCH) {
    let best: TallyItem[] | null = null;
    let bestCost = Infinity;
    let nodes = 0;
    const used = new Array<boolean>(items.length).fill(false);
    const path: TallyItem[] = [];
    const dfs = (cur: Cursor | null, cost: number) => {
      if (cost >= bestCost || nodes > NODE_BUDGET) return;
      if (path.length === items.length) {
        best = [...path];
        bestCost = cost;
        return;
      }
      for (let i = 0; i < items.length; i++) {
        if (used[i]) continue;
        nodes++;
        const s = step(cur, items[i]);
        used[i] = true;
        path.push(items[i]);
        dfs(s.next, cost + s.cost);
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
  // Every pair is tried here, most of them mismatches: their status only, without the figures a link keeps.
  const ok = (x: TallyItem, y: TallyItem) => linkStatus(x, y) !== 'mismatch';
  const heads = items.filter((it) => !items.some((o) => o !== it && ok(o, it)));
  let best: { order: TallyItem[]; cost: number } | null = null;
  for (const h of (heads.length ? heads : items).slice(0, MAX_HEADS)) {
    const rest = items.filter((x) => x !== h);
    const g = greedy(cursorAt(h), rest);
    if (!best || g.cost < best.cost) best = { order: [h, ...g.order], cost: g.cost };
  }
  return best ? best.order : items;
}

/** The next row in document order that reconciles, else the next row in document order. */
function greedy(start: Cursor, items: TallyItem[]): { order: TallyItem[]; cost: number } {
  const left = [...items];
  const order: TallyItem[] = [];
  let cur = start;
  let cost = 0;
  while (left.length) {
    let i = left.findIndex((it) => step(cur, it).link?.status !== 'mismatch');
    if (i < 0) i = 0;
    const [it] = left.splice(i, 1);
    const s = step(cur, it);
    cost += s.cost;
    order.push(it);
    cur = s.next;
  }
  return { order, cost };
}

/** A sequence of checkable rows; the chain starts afresh after each (a row that cannot be checked breaks it). */
type Segment = TallyItem[];

/** Links along segments in the given order, with the misstated rows marked. */
function linksOf(segments: Segment[]): Link[] {
  const links: Link[] = [];
  for (const seg of segments) {
    let cur: Cursor | null = null;
    for (const it of seg) {
      const s = step(cur, it);
      if (s.link) {
        if (s.prev) {
          const prev = links[links.length - 1];
          if (s.prev === 'misstated') prev.misstated = true;
          else prev.outside = true;
          prev.next = it;
        }
        links.push({ to: it, ...s.link });
      }
      cur = s.next;
    }
  }
  return links;
}

/** Links that do not add up and are not shown to be one misstated, reversed or outside row. */
function unexplained(links: Link[]): number {
  return links.filter((l) => l.status === 'mismatch' && !l.misstated && !l.reversed && !l.outside).length;
}

function mismatches(links: Link[]): number {
  let n = 0;
  for (const l of links) if (l.status === 'mismatch') n++;
  return n;
}

/** Run the tally over the rows of one group (any order; they are sorted here). `form`: the filing's form number. */
export function tallyRows(key: string, rows: Row[], form: string | null = null): TallyGroup {
  pairLinks = new Map();
  try {
    return tallyRowsOnce(key, rows, form);
  } finally {
    pairLinks = null;
  }
}

function tallyRowsOnce(key: string, rows: Row[], form: string | null): TallyGroup {
  const sorted = rows
    .filter((r) => r.kind === 'transaction')
    .map((row) => ({ row, date: (val(row.transactionDate) ?? '').slice(0, 10) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row.index - b.row.index));
  const blocks: { date: string; rows: Row[] }[] = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.date === s.date) last.rows.push(s.row);
    else blocks.push({ date: s.date, rows: [s.row] });
  }
  const group: TallyGroup = {
    key,
    ordered: [],
    links: [],
    skipped: [],
    firstBlock: [],
    last: null,
    mode: 'running',
  };
  const segments: Segment[] = [[]];
  let cur: Cursor | null = null;
  blocks.forEach((block, bi) => {
    const items: TallyItem[] = [];
    let broken = block.date === '';
    for (const r of block.rows) {
      const it = tallyItem(r, form);
      if (it) items.push(it);
      else {
        group.skipped.push(r);
        broken = true;
      }
    }
    if (bi === 0) group.firstBlock = items;
    if (broken) {
      cur = null;
      segments.push([]);
    }
    const order = orderBlock(cur, items);
    segments[segments.length - 1].push(...order);
    cur = costOf(cur, order).end;
    if (broken) {
      cur = null;
      segments.push([]);
    }
  });
  let segs = segments.filter((s) => s.length > 0);
  let links = linksOf(segs);
  // Rows dated earlier may be listed after the rows whose amounts they precede (a late or deferred transaction
  // reported with the amount owned at the time of the report): the document's own order, when it adds up.
  if (unexplained(links) > 0 && group.skipped.length === 0) {
    const docOrder = [...segs.flat()].sort((a, b) => a.row.index - b.row.index);
    const alt = linksOf([docOrder]);
    if (mismatches(alt) === 0) {
      segs = [docOrder];
      links = alt;
    }
  }
  group.ordered = segs.flat();
  group.links = links;
  const lastSeg = segs[segs.length - 1];
  // The chain's end is known only when the last block was not broken by a row that cannot be checked.
  const lastBlockBroken = blocks.length > 0 && blocks[blocks.length - 1].rows.some((r) => group.skipped.includes(r));
  group.last = lastSeg && !lastBlockBroken ? lastSeg[lastSeg.length - 1] : null;
  if (
    group.ordered.length >= 2 &&
    group.ordered.every((it) => it.deferred) &&
    links.every((l) => l.status === 'repeated')
  )
    group.mode = 'year-end';
  return group;
}

/**
 * Where a filing keeps its tally: on the filing itself, under a symbol that JSON and structured clones leave out,
 * so that the tally lives and dies with its filing. Kept in a WeakMap keyed by the filing instead, it stayed alive
 * through V8's young-generation collections and was promoted with the whole filing (see `pairLinks`).
 */
const TALLY = Symbol('tally');

/** The tally of every holding of a filing, keyed by `holdingKey` (computed once per filing object). */
export function tallyFiling(filing: Filing): TallyGroup[] {
  const kept = (filing as Filing & { [TALLY]?: TallyGroup[] })[TALLY];
  if (kept) return kept;
  const groups = computeTally(filing);
  Object.defineProperty(filing, TALLY, { value: groups });
  return groups;
}

/** Groups beyond which the holding-identity search is skipped (hostile input; a form has at most 60 rows). */
const MAX_GROUPS = 60;
/**
 * Bounds of the merge search, which re-runs the tally per pair of groups: the rows that leave out their neighbours'
 * footnote are a few (a plain row among described ones), one holding fits on a form, and the merges tried are
 * capped, so that a hostile filing of many look-alike groups cannot make the search quadratic in tallies.
 */
const MAX_MERGE_SMALL = 3;
const MAX_MERGE_ROWS = 60;
const MAX_MERGE_TRIES = 32;
/** Rows beyond which one description is not searched for separate holdings (the search is quadratic in rows). */
const MAX_SPLIT_ROWS = 120;

function computeTally(filing: Filing): TallyGroup[] {
  const form = formNumber(filing);
  const byKey = [...groupByHolding(transactionRows(filing)).entries()].map(([key, rows]) => ({
    key,
    rows,
    tally: tallyRows(key, rows, form),
  }));
  if (byKey.length > MAX_GROUPS) return byKey.map((g) => g.tally);
  const merged = mergeByAmounts(byKey, form);
  return merged.flatMap((g) => splitByAmounts(g.tally, form));
}

/**
 * Rows that differ only in the footnotes on their ownership (one row leaves out the footnote its neighbours cite)
 * are one holding when together they reconcile and apart they do not.
 */
function mergeByAmounts(
  groups: { key: string; rows: Row[]; tally: TallyGroup }[],
  form: string | null,
): { key: string; rows: Row[]; tally: TallyGroup }[] {
  const out = [...groups];
  // Each pair of groups is compared, and a group's key is the same every time.
  const keys = new Map<Row, string>();
  const keyOf = (row: Row) => {
    let k = keys.get(row);
    if (k === undefined) keys.set(row, (k = describedKey(row)));
    return k;
  };
  let tries = 0;
  for (let changed = true; changed && tries < MAX_MERGE_TRIES;) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i];
        const b = out[j];
        if (mismatches(a.tally.links) + mismatches(b.tally.links) === 0) continue;
        if (keyOf(a.rows[0]) !== keyOf(b.rows[0])) continue;
        if (a.tally.skipped.length + b.tally.skipped.length > 0) continue;
        // The larger group gives the key: the plain row joins the described holding.
        const [big, small] = a.rows.length >= b.rows.length ? [a, b] : [b, a];
        if (small.rows.length > MAX_MERGE_SMALL || big.rows.length + small.rows.length > MAX_MERGE_ROWS) continue;
        if (++tries > MAX_MERGE_TRIES) break outer;
        const rows = [...big.rows, ...small.rows].sort((x, y) => x.index - y.index);
        const tally = tallyRows(big.key, rows, form);
        if (mismatches(tally.links) > 0) continue;
        out.splice(j, 1);
        out[i] = { key: big.key, rows, tally };
        changed = true;
        break outer;
      }
  }
  return out;
}

/**
 * Rows of one description that form two or more series, each of at least two rows and each reconciling, are
 * separate holdings described alike (family members' or trusts' holdings that share one nature text) when the
 * series interleave in the document, which one holding's rows cannot do. Series listed one after the other are
 * kept as one holding, the break between them marked `series`: a second holding, or a change not reported.
 */
function splitByAmounts(g: TallyGroup, form: string | null): TallyGroup[] {
  if (unexplained(g.links) === 0 || g.skipped.length > 0 || g.ordered.length < 4) return [g];
  if (g.ordered.length > MAX_SPLIT_ROWS) return [g];
  const chains: TallyItem[][] = [];
  for (const it of g.ordered) {
    // The chain this row continues: the most recently extended one whose last amount leads to it.
    let target: TallyItem[] | null = null;
    for (let c = chains.length - 1; c >= 0 && !target; c--) {
      const end = chains[c][chains[c].length - 1];
      if (link(end, it).status !== 'mismatch') target = chains[c];
    }
    if (target) {
      target.push(it);
      chains.splice(chains.indexOf(target), 1);
      chains.push(target);
    } else chains.push([it]);
  }
  if (chains.length < 2 || chains.some((c) => c.length < 2)) return [g];
  const parts = chains
    .sort((x, y) => x[0].row.index - y[0].row.index)
    .map((c, i) =>
      tallyRows(
        `${g.key}\u0002${i + 1}`,
        c.map((it) => it.row),
        form,
      ),
    );
  if (parts.some((p) => mismatches(p.links) > 0)) return [g];
  const span = (c: TallyItem[]) => {
    const idx = c.map((it) => it.row.table + String(it.row.index).padStart(4, '0')).sort();
    return [idx[0], idx[idx.length - 1]];
  };
  const spans = chains.map(span).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const interleaved = spans.some((s, i) => i > 0 && s[0] < spans[i - 1][1]);
  if (interleaved) return parts;
  for (const l of g.links) if (l.status === 'mismatch' && !l.misstated && !l.reversed && !l.outside) l.series = true;
  return [g];
}
