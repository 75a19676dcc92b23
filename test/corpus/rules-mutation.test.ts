/**
 * Mutation tests on real corpus filings: change one value in the text (an amount owned, a footnote reference,
 * an acquired/disposed code); the right rule fires at the changed value and nothing else changes.
 * Findings are compared before/after with spans after the edit shifted by the edit's change in length.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, corpusOrSkip, sharedOrSkip } from '../helpers/shared';
import { parseText } from '../../src/core/parse';
import { runRules } from '../../src/core/rules';
import { tallyFiling } from '../../src/core/tally';
import { citations, type Filing, type Finding, type Span } from '../../src/core/model';

const FILES = [
  'xml/edgartools__form4.snow.xml',
  'xml/darkmindfx__Docs__Sample_Reportings__SEC__Form4__GOOG__000112760215028697__form4.xml',
  'xml/manpreet__sampleForm4.xml',
];
const NOW = new Date('2026-01-01T00:00:00Z');

function parse(text: string, file: string): Filing {
  const out = parseText(text, file);
  if (!out.ok) throw new Error(out.reason);
  return out.filing;
}

function findings(f: Filing): Finding[] {
  return [...f.findings, ...runRules(f, { now: NOW })];
}

const key = (f: Finding, start: number | null) => `${f.rule}@${start ?? '-'}: ${f.message}`;

/** Replace `span` by `replacement`; return the findings that are new, with positions in the mutated text. */
function mutate(
  text: string,
  file: string,
  span: Span,
  replacement: string,
): { added: Finding[]; removed: string[]; text: string } {
  const before = findings(parse(text, file));
  const mutated = text.slice(0, span.start) + replacement + text.slice(span.end);
  const after = findings(parse(mutated, file));
  const delta = replacement.length - (span.end - span.start);
  const shift = (s: Span | null) => (s === null ? null : s.start >= span.end ? s.start + delta : s.start);
  const old = new Set(before.map((f) => key(f, shift(f.span))));
  const now = new Set(after.map((f) => key(f, f.span?.start ?? null)));
  return {
    added: after.filter((f) => !old.has(key(f, f.span?.start ?? null))),
    removed: [...old].filter((k) => !now.has(k)),
    text: mutated,
  };
}

describe('mutation tests on corpus filings', function () {
  before(function () {
    corpusOrSkip(this);
  });

  for (const rel of FILES) {
    describe(rel, () => {
      let text = '';
      let filing: Filing;
      before(function () {
        const file = path.join(CORPUS_DIR, rel);
        sharedOrSkip(this, file);
        text = fs.readFileSync(file, 'utf8');
        filing = parse(text, rel);
      });

      /** The last row of the longest in-filing chain, whose stated amount only one link leads to. */
      function lastOfChain() {
        const groups = tallyFiling(filing).filter(
          (g) => g.ordered.length >= 2 && g.links.length > 0 && g.links[g.links.length - 1].status === 'exact',
        );
        assert.ok(groups.length, 'a reconciling chain of two rows or more');
        const g = groups.reduce((a, b) => (b.ordered.length > a.ordered.length ? b : a));
        return g.ordered[g.ordered.length - 1];
      }

      it('an amount owned changed by one share: holdings-reconcile at that amount, nothing else', () => {
        const last = lastOfChain();
        const span = last.row.sharesOwnedFollowingTransaction.span!;
        const old = text.slice(span.start, span.end);
        const digit = old[old.length - 1];
        const changed = old.slice(0, -1) + (digit === '9' ? '8' : String(Number(digit) + 1));
        const { added, removed } = mutate(text, rel, span, changed);
        assert.deepEqual(removed, []);
        assert.deepEqual(
          added.map((f) => `${f.rule}@${f.span!.start}`),
          [`holdings-reconcile@${span.start}`],
          added.map((f) => f.message).join('\n'),
        );
        assert.ok(added[0].message.includes(`but the filing states`), added[0].message);
      });

      it('one footnote reference changed to an undefined id: footnote-undefined at that reference, nothing else', () => {
        const all = citations(filing);
        const counts = new Map<string, number>();
        for (const c of all) counts.set(c.ref.id, (counts.get(c.ref.id) ?? 0) + 1);
        const c = all.find((x) => (counts.get(x.ref.id) ?? 0) >= 2 && x.ref.span);
        assert.ok(c, 'a footnote cited twice or more');
        const span = c.ref.span!;
        assert.equal(text.slice(span.start, span.end), c.ref.id);
        const { added, removed } = mutate(text, rel, span, 'F98');
        assert.deepEqual(removed, []);
        assert.deepEqual(
          added.map((f) => `${f.rule}@${f.span!.start}`),
          [`footnote-undefined@${span.start}`],
          added.map((f) => f.message).join('\n'),
        );
        assert.match(added[0].message, /cites footnote F98, which the filing does not define/);
      });

      // (The tally may not fire: rows of one date may be taken in any order, and a flipped last row can reconcile
      // as the first of the day. What may appear is limited to that row.)
      it('one acquired/disposed code flipped: code-acquired-disposed at the code, at most the tally at that row, nothing else', () => {
        const last = lastOfChain();
        const f = last.row.transactionAcquiredDisposedCode;
        const span = f.span!;
        const flipped = text.slice(span.start, span.end) === 'A' ? 'D' : 'A';
        const { added, removed } = mutate(text, rel, span, flipped);
        assert.deepEqual(removed, []);
        const owned = last.row.sharesOwnedFollowingTransaction.span!.start;
        const got = added.map((x) => `${x.rule}@${x.span!.start}`);
        assert.ok(got.includes(`code-acquired-disposed@${span.start}`), got.join(', '));
        for (const g of got)
          assert.ok(
            [`code-acquired-disposed@${span.start}`, `holdings-reconcile@${owned}`].includes(g),
            `unexpected ${g}`,
          );
      });
    });
  }
});
