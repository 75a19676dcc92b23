/** Exercises and conversions of Table II paired with the Table I acquisitions they produced. */
import type Big from 'big.js';
import type { Filing, Row } from '../model';
import { dec } from '../decimal';
import { code, val } from '../fields';
import { normTitle } from '../holdings';

const EXERCISE_CODES: ReadonlySet<string> = new Set(['M', 'X', 'O', 'C']);
/** Above this many candidate rows, only the obvious groupings are tried (all of them; those of one ownership form). */
const MAX_SUBSET_SEARCH = 12;

/** The number of underlying shares a Table II row gave up (its underlying amount, else its own amount). */
function underlyingOf(d: Row): Big | null {
  return d.table === 'derivative' ? (dec(val(d.underlyingSecurityShares)) ?? dec(val(d.transactionShares))) : null;
}

function sameOwnership(a: Row, b: Row): boolean {
  const ids = (r: Row) =>
    [...r.directOrIndirectOwnership.footnotes, ...r.natureOfOwnership.footnotes]
      .map((x) => x.id)
      .sort()
      .join(',');
  return code(a.directOrIndirectOwnership) === code(b.directOrIndirectOwnership) && ids(a) === ids(b);
}

/** Rows of `pool` whose amounts add up to `target` exactly: a grouping in one ownership form first, then fewer rows. */
function rowsAddingUpTo(pool: Row[], target: Big, like: Row): Row[] | null {
  const amounts = pool.map(underlyingOf);
  const sum = (rows: number[]) => {
    let t: Big | null = dec('0');
    for (const i of rows) t = t && amounts[i] ? t.plus(amounts[i]!) : null;
    return t;
  };
  const all = pool.map((_, i) => i);
  const same = all.filter((i) => sameOwnership(pool[i], like));
  const obvious = [same, all, ...all.map((i) => [i])].filter((x) => x.length > 0);
  if (pool.length > MAX_SUBSET_SEARCH) {
    const hit = obvious.find((x) => sum(x)?.eq(target));
    return hit ? hit.map((i) => pool[i]) : null;
  }
  let best: { rows: number[]; score: number } | null = null;
  for (let mask = 1; mask < 1 << pool.length; mask++) {
    const rows = all.filter((i) => mask & (1 << i));
    const score = (rows.every((i) => sameOwnership(pool[i], like)) ? 0 : 100) + rows.length;
    if (best && score >= best.score) continue;
    if (sum(rows)?.eq(target)) best = { rows, score };
  }
  return best ? best.rows.map((i) => pool[i]) : null;
}

/**
 * Table II exercises and conversions (M, X, O, C; disposed of) tied to the Table I acquisition they produced: same
 * code and day, an underlying security of the acquisition's title, and underlying amounts that add up to the
 * acquisition exactly. Rows that do not add up to any acquisition are left to be said on their own.
 */
export function pairExercises(filing: Filing): Map<Row, Row[]> {
  const paired = new Map<Row, Row[]>();
  const used = new Set<Row>();
  const derivs = filing.derivative.filter((d) => {
    const c = code(d.transactionCode);
    return d.kind === 'transaction' && !!c && EXERCISE_CODES.has(c) && code(d.transactionAcquiredDisposedCode) === 'D';
  });
  for (const r of filing.nonDerivative) {
    const c = code(r.transactionCode);
    const target = dec(val(r.transactionShares));
    if (r.kind !== 'transaction' || !c || !EXERCISE_CODES.has(c) || !target) continue;
    if (code(r.transactionAcquiredDisposedCode) !== 'A') continue;
    const title = normTitle(val(r.securityTitle));
    const pool = derivs.filter((d) => {
      if (used.has(d) || code(d.transactionCode) !== c || dayOf(d) !== dayOf(r)) return false;
      const under = d.table === 'derivative' ? normTitle(val(d.underlyingSecurityTitle)) : '';
      return !under || under === title;
    });
    const rows = rowsAddingUpTo(pool, target, r);
    if (!rows) continue;
    paired.set(r, rows);
    for (const d of rows) used.add(d);
  }
  return paired;
}

export function dayOf(r: Row): string {
  return (val(r.transactionDate) ?? '').slice(0, 10);
}
