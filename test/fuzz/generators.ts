/**
 * Generators for what mutation cannot reach (issue 14): the inputs that made a pattern backtrack super-linearly, at
 * their size and ten times it; a pump of every ambiguous shape those patterns had (a long run of what a quantifier
 * takes, then what makes the match fail) in each place a reader looks; names from Object.prototype as element,
 * attribute, entity, footnote-id and LaTeX-command names; control characters in every text field; numbers longer
 * than the 64 characters the checks compute with. Each is a fuzz case with the runner's CPU-time budget.
 */
import { REDOS_INPUTS, submissionAround } from './redos';

export interface GeneratedCase {
  name: string;
  make(): string;
  /** An extra check of the outcome: a message when it fails. */
  expect?: (o: { ok: boolean; reason?: string; json?: string }) => string | null;
}

export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** The runs a quantifier of a replaced pattern took, each followed by what makes the match fail. */
const PUMPS: { name: string; run: string; end: string }[] = [
  { name: 'spaces', run: ' ', end: 'x' },
  { name: 'tabs', run: '\t', end: '\u0000' },
  { name: 'spaces-newlines', run: ' \n', end: 'x' },
  { name: 'lt', run: '<', end: '' },
  { name: 'comments', run: '<!---->', end: '<?x?>' },
  { name: 'month-words', run: 'jan', end: ' 5' },
  { name: 'digits', run: '9', end: '.' },
  { name: 'dollar-digits', run: '$1', end: ' ' },
  { name: 'letters', run: 'A', end: ':' },
  { name: 'slash-spaces', run: ' / ', end: '' },
];

/** Control characters a terminal acts on, and bidi overrides. */
const CONTROLS = '\u001b[2J\u001b[H\u0007\r\u0008\u009b31m\u202e';

function field(doc: string, name: string, inner: string): string {
  const re = new RegExp(`(<${name}>\\s*(?:<value>)?)([^<]*)`);
  return re.test(doc) ? doc.replace(re, (_m, open: string) => open + inner) : doc;
}

/** Every generated case over the XML base `X`, and the HTML page `H` (submissions are built around `X`). */
export function generatedCases(X: () => string, H: () => string): GeneratedCase[] {
  const out: GeneratedCase[] = [];
  for (const input of REDOS_INPUTS)
    for (const k of [1, 10]) out.push({ name: `redos-${input.name}-x${k}`, make: () => input.build(k) });

  const N = 200_000;
  for (const p of PUMPS) {
    const pump = p.run.repeat(Math.ceil(N / p.run.length)) + p.end;
    out.push({ name: `pump-${p.name}-footnote`, make: () => X().replace(/(<footnote\b[^>]*>)/, `$1${pump}`) });
    out.push({ name: `pump-${p.name}-remarks`, make: () => X().replace(/<remarks>[^<]*/, `<remarks>${pump}`) });
    out.push({ name: `pump-${p.name}-owner-name`, make: () => field(X(), 'rptOwnerName', pump) });
    out.push({
      name: `pump-${p.name}-submission-header`,
      make: () => submissionAround(X(), `CONFORMED SUBMISSION TYPE:\t4${pump}`),
    });
    out.push({ name: `pump-${p.name}-submission-text`, make: () => submissionAround(`${pump}\n${X()}`) });
    out.push({ name: `pump-${p.name}-html-body`, make: () => H().replace(/<body[^>]*>/i, (b) => b + pump) });
    out.push({
      name: `pump-${p.name}-form-text`,
      make: () =>
        `FORM 4\nStatement of Changes in Beneficial Ownership\n1. Name and Address of Reporting Person* ${pump}\n`,
    });
  }

  for (const name of PROTOTYPE_NAMES) {
    const el = `<${name}>1</${name}>`;
    out.push({
      name: `proto-${name}-elements`,
      make: () =>
        X()
          .replace(/<rptOwnerName>/, `<${name}/>$&`)
          .replace(/<\/reportingOwnerRelationship>/, `${el}$&`)
          .replace(/<securityTitle>/, `${el}$&`)
          .replace(/<periodOfReport>/, `${el}$&`),
      expect: (o) => (o.ok ? null : `not read: ${o.reason}`),
    });
    out.push({ name: `proto-${name}-attribute`, make: () => X().replace(/<footnote /, `<footnote ${name}="x" `) });
    out.push({
      name: `proto-${name}-entity`,
      make: () => field(X(), 'rptOwnerName', `Doe &${name}; Jane`),
      expect: (o) => (/native code|function Object/.test(o.json ?? '') ? 'a function leaked into a value' : null),
    });
    out.push({
      name: `proto-${name}-footnote-id`,
      make: () => X().replace(/id="F1"/g, `id="${name}"`),
      expect: (o) => (o.ok ? null : `not read: ${o.reason}`),
    });
    out.push({
      name: `proto-${name}-html-entity`,
      make: () => H().replace(/(<a [^>]*>)([^<]*)/, `$1&${name}; $2`),
      expect: (o) => (/native code|function Object/.test(o.json ?? '') ? 'a function leaked into a value' : null),
    });
    out.push({
      name: `proto-${name}-latex`,
      make: () =>
        `FORM 4\nStatement of Changes in Beneficial Ownership\n1. Name and Address of Reporting Person* Doe \\${name} Jane $^{1}$\n`,
      expect: (o) => (/native code|function Object/.test(o.json ?? '') ? 'a function leaked into a value' : null),
    });
  }

  for (const name of ['rptOwnerName', 'issuerName', 'securityTitle', 'natureOfOwnership', 'remarks'])
    out.push({ name: `controls-${name}`, make: () => field(X(), name, `A${CONTROLS}B`) });
  out.push({ name: 'controls-footnote', make: () => X().replace(/(<footnote\b[^>]*>)/, `$1${CONTROLS}`) });
  out.push({
    name: 'controls-submission-header',
    make: () => submissionAround(X(), `COMPANY CONFORMED NAME:\t${CONTROLS}`),
  });
  out.push({ name: 'controls-html-entities', make: () => H().replace(/(<a [^>]*>)/, '$1&#x1b;[2J&#7;&#x9b;') });

  for (const name of ['transactionShares', 'transactionPricePerShare', 'sharesOwnedFollowingTransaction'])
    out.push({
      name: `digits-65-${name}`,
      make: () => field(X(), name, '47000'.padStart(65, '0')),
      expect: (o) => (!o.ok || (o.json ?? '').includes('read-limit') ? null : 'a 65-character number was not flagged'),
    });
  return out;
}
