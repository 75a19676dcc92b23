/**
 * Leaf-by-leaf comparison of two filings' JSON models (`toJson`): used to measure what a rendered-form reader
 * (EDGAR HTML, text extracted from a PDF) recovers against the ownership XML of the same filing.
 */
import type { Filing } from '../../src/core/model';
import { toJson } from '../../src/core/json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Fields the stylesheet never prints: not compared (listed in the report instead). */
const NOT_RENDERED = new Set(['schemaVersion']);
// `derived` is computed from the model (running totals): comparing it would count each difference twice.
const SKIP = new Set(['file', 'source', 'findings', 'submission', 'derived', ...NOT_RENDERED]);

function leaves(v: Json, prefix: string, out: Map<string, Json>): void {
  if (Array.isArray(v)) {
    out.set(`${prefix}.length`, v.length);
    v.forEach((x, i) => leaves(x, `${prefix}[${i}]`, out));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (!prefix && SKIP.has(k)) continue;
      leaves(x, prefix ? `${prefix}.${k}` : k, out);
    }
  } else out.set(prefix, v);
}

export interface Comparison {
  matched: number;
  total: number;
  /** Mismatches that are the same decimal written differently ("134018" vs "134018.0": the page formats numbers). */
  sameNumber: number;
  mismatches: { path: string; html: Json | undefined; xml: Json | undefined }[];
}

export function compareModels(html: Filing, xml: Filing): Comparison {
  const a = new Map<string, Json>();
  const b = new Map<string, Json>();
  leaves(toJson(html) as unknown as Json, '', a);
  leaves(toJson(xml) as unknown as Json, '', b);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const mismatches: Comparison['mismatches'] = [];
  let matched = 0;
  let sameNumber = 0;
  const num = (v: Json | undefined) => (typeof v === 'string' && /^\d*\.?\d+$/.test(v) ? Number(v) : NaN);
  for (const k of keys) {
    if (a.get(k) === b.get(k)) matched++;
    else {
      mismatches.push({ path: k, html: a.get(k), xml: b.get(k) });
      if (!Number.isNaN(num(a.get(k))) && num(a.get(k)) === num(b.get(k))) sameNumber++;
    }
  }
  return { matched, total: keys.size, sameNumber, mismatches };
}
