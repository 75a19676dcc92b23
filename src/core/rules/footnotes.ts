/** Footnotes: docs/RULES.md, "Footnotes" (sources TS 9 and TS 10). */
import { citations } from '../model';
import type { Filing } from '../model';
import { citationPlace, isExactSource, locOf, rel } from '../fields';
import { type Draft, type RuleDef, draft, q } from './types';

const FID = /^F[1-9][0-9]?$/;

/** Where footnote markers are exact enough to check references (not PDF boxes or OCR text). */
function markersExact(filing: Filing): boolean {
  return isExactSource(filing) || filing.source === 'html';
}

export const footnoteIdFormat: RuleDef = {
  id: 'footnote-id-format',
  severity: 'error',
  title: 'Footnote id format',
  description: 'Footnote ids are exactly F1..F99 (not f3, 1 or F01), where defined and where cited.',
  source: 'TS 9',
  check({ filing, shared }) {
    if (!isExactSource(filing)) return []; // rendered forms print "(1)" for F1
    const out: Draft[] = [];
    for (const fn of filing.footnotes) {
      const id = fn.id.raw ?? fn.id.value;
      if (id !== null && !FID.test(id))
        out.push(draft(`Footnote id ${q(id)} is not of the form F1..F99`, locOf(fn.id, fn)));
    }
    for (const c of shared(citations)) {
      if (!FID.test(c.ref.id))
        out.push(
          draft(
            `${citationPlace(filing, c)} cites footnote id ${q(c.ref.id)}, which is not of the form F1..F99`,
            locOf(c.ref),
          ),
        );
    }
    return out;
  },
};

export const footnoteDefinedTwice: RuleDef = {
  id: 'footnote-defined-twice',
  severity: 'error',
  title: 'Footnote defined twice',
  description: 'No footnote id is defined twice.',
  source: 'TS 10',
  check({ filing }) {
    const out: Draft[] = [];
    const seen = new Map<string, Filing['footnotes'][number]>();
    for (const fn of filing.footnotes) {
      const id = fn.id.value ?? fn.id.raw;
      if (id === null) continue;
      const first = seen.get(id);
      if (first)
        out.push(
          draft(`Footnote ${id} is defined twice`, locOf(fn.id, fn), [
            rel(`First definition of ${id}`, locOf(first.id, first)),
          ]),
        );
      else seen.set(id, fn);
    }
    return out;
  },
};

export const footnoteUndefined: RuleDef = {
  id: 'footnote-undefined',
  severity: 'error',
  title: 'Footnote cited but not defined',
  description: 'Every cited footnote id is defined in <footnotes>.',
  source: 'TS 10',
  check({ filing, shared }) {
    if (!markersExact(filing)) return [];
    const defined = new Set(filing.footnotes.map((f) => f.id.value ?? f.id.raw).filter((x): x is string => x !== null));
    const out: Draft[] = [];
    for (const c of shared(citations)) {
      if (!defined.has(c.ref.id))
        out.push(
          draft(
            `${citationPlace(filing, c)} cites footnote ${c.ref.id}, which the filing does not define`,
            locOf(c.ref, c.row),
          ),
        );
    }
    return out;
  },
};

export const footnoteUnused: RuleDef = {
  id: 'footnote-unused',
  severity: 'error',
  title: 'Footnote never cited',
  description: 'Every defined footnote is cited at least once (EDGAR suspends filings that break this).',
  source: 'TS 10',
  check({ filing, shared }) {
    if (!markersExact(filing)) return [];
    const cited = new Set(shared(citations).map((c) => c.ref.id));
    const out: Draft[] = [];
    for (const fn of filing.footnotes) {
      const id = fn.id.value ?? fn.id.raw;
      if (id !== null && !cited.has(id)) out.push(draft(`Footnote ${id} is defined but never cited`, locOf(fn.id, fn)));
    }
    return out;
  },
};

export const footnoteCitedTwice: RuleDef = {
  id: 'footnote-cited-twice',
  severity: 'error',
  title: 'Footnote cited twice by one element',
  description: 'No element cites the same footnote twice.',
  source: 'TS 10',
  check({ filing, shared }) {
    if (!markersExact(filing)) return [];
    const out: Draft[] = [];
    const seen = new Map<string, import('../model').FootnoteRef>();
    for (const c of shared(citations)) {
      const key = `${c.path}\u0000${c.ref.id}`;
      const first = seen.get(key);
      if (first)
        out.push(
          draft(`${citationPlace(filing, c)} cites footnote ${c.ref.id} twice`, locOf(c.ref, c.row), [
            rel(`First citation of ${c.ref.id}`, locOf(first)),
          ]),
        );
      else seen.set(key, c.ref);
    }
    return out;
  },
};

export const FOOTNOTE_RULES: RuleDef[] = [
  footnoteIdFormat,
  footnoteDefinedTwice,
  footnoteUndefined,
  footnoteUnused,
  footnoteCitedTwice,
];
