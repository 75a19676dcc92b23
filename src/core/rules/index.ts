/**
 * The consistency-rule engine: every rule of docs/RULES.md, each with a stable id and a default severity (error:
 * the filing is wrong by the SEC's rules or by arithmetic; warning: a reader should look; info: context).
 *
 * runRules never throws: a rule that throws becomes an `internal-error` info finding naming the rule.
 * Findings on values read from a PDF or OCR text are at most warnings (the reading itself may be wrong),
 * unless the caller sets a severity for the rule explicitly. A finding the filing itself explains carries a cap
 * (Draft.cap) that holds whatever the rule's severity.
 */
import type { Filing, Finding, Severity } from '../model';
import type { RuleContext, RuleDef, RuleInfo } from './types';
import { STRUCTURE_RULES } from './structure';
import { FOOTNOTE_RULES } from './footnotes';
import { CODING_RULES } from './coding';
import { TALLY_RULES } from './tally';
import { AMOUNT_RULES } from './amounts';
import { DATE_RULES } from './dates';
import { HEADER_RULES } from './header';

export type { RuleInfo } from './types';

/** Findings the parsers and the decoder emit themselves (listed so that options and the README cover them). */
const PARSE_RULES: RuleDef[] = [
  {
    id: 'encoding',
    severity: 'warning',
    title: 'Text encoding',
    description:
      'The bytes were not clean text: not UTF-8/UTF-16 as declared (how they were read; info when only a note), or NUL characters where the file is damaged.',
    source: 'parser',
  },
  {
    id: 'xml-malformed',
    severity: 'error',
    title: 'Malformed XML',
    description: 'The XML is not well-formed; the parser recovered what it could.',
    source: 'parser',
  },
  {
    id: 'xml-limit',
    severity: 'error',
    title: 'XML too deep or too large',
    description: 'A size or nesting limit of the XML reader was reached.',
    source: 'parser',
  },
  {
    id: 'read-limit',
    severity: 'warning',
    title: 'Reading bound reached',
    description: 'A table of a text or HTML form has far more rows than a form can hold; the rest was not read.',
    source: 'parser',
  },
  {
    id: 'xml-doctype-ignored',
    severity: 'info',
    title: 'DOCTYPE ignored',
    description: 'A DOCTYPE was present; its entities are not expanded.',
    source: 'parser',
  },
  {
    id: 'xml-duplicate-element',
    severity: 'warning',
    title: 'Element repeated',
    description: 'An element that may occur once occurs again; the first was kept.',
    source: 'parser',
  },
  {
    id: 'xml-footnote-id-missing',
    severity: 'warning',
    title: 'Footnote without id',
    description: 'A <footnote> or <footnoteId> has no id attribute.',
    source: 'parser',
  },
  {
    id: 'xml-unknown-entity',
    severity: 'info',
    title: 'Unknown entity',
    description: 'An entity reference the reader does not know (for example a bare & in "AT&T"); kept as written.',
    source: 'parser',
  },
  {
    id: 'xml-footnote-misplaced',
    severity: 'warning',
    title: 'Footnote reference misplaced',
    description: 'A <footnoteId> stands where the schema allows none; it is kept with the nearest element.',
    source: 'parser',
  },
  {
    id: 'xml-unexpected-element',
    severity: 'warning',
    title: 'Element out of place',
    description: 'A known element stands where the schema does not put it (for example a Table II element in Table I).',
    source: 'parser',
  },
  {
    id: 'xml-unknown-element',
    severity: 'info',
    title: 'Unknown element',
    description: 'An element the ownership schema does not define.',
    source: 'parser',
  },
  {
    id: 'schema-version-unknown',
    severity: 'info',
    title: 'Schema version',
    description: 'schemaVersion is absent, empty or not one this reader knows; read with the current layout.',
    source: 'parser',
  },
  {
    id: 'submission-header',
    severity: 'warning',
    title: 'Submission header',
    description: 'A value of the EDGAR submission header cannot be read.',
    source: 'parser',
  },
  {
    id: 'submission-several-ownership-documents',
    severity: 'info',
    title: 'Several ownership documents',
    description: 'The submission holds more than one ownership document; the first was read.',
    source: 'parser',
  },
  {
    id: 'html-box-missing',
    severity: 'warning',
    title: 'HTML box missing',
    description: 'A box of the rendered form was not found.',
    source: 'parser',
  },
  {
    id: 'html-ambiguous-value',
    severity: 'warning',
    title: 'HTML value ambiguous',
    description: 'A box of the rendered form holds a value that can be read more than one way.',
    source: 'parser',
  },
  {
    id: 'html-unknown-column',
    severity: 'info',
    title: 'HTML column unknown',
    description: 'A table column of the rendered form was not recognized.',
    source: 'parser',
  },
  {
    id: 'html-unknown-footnote',
    severity: 'info',
    title: 'HTML footnote unknown',
    description: 'A footnote marker of the rendered form could not be resolved.',
    source: 'parser',
  },
  {
    id: 'value-unreadable',
    severity: 'warning',
    title: 'Value unreadable',
    description: 'A value of the rendered form could not be read as its type.',
    source: 'parser',
  },
  {
    id: 'unreadable',
    severity: 'error',
    title: 'Not readable as a filing',
    description:
      'The file could not be read as a Form 3, 4 or 5 at all (the message says why); shown by the extension on the whole file.',
    source: 'parser',
  },
  {
    id: 'extraction-uncertain',
    severity: 'info',
    title: 'Extraction uncertain',
    description: 'A value read from a PDF or OCR text with doubt.',
    source: 'parser',
  },
];

const CHECK_RULES: RuleDef[] = [
  ...STRUCTURE_RULES,
  ...FOOTNOTE_RULES,
  ...CODING_RULES,
  ...TALLY_RULES,
  ...AMOUNT_RULES,
  ...DATE_RULES,
  ...HEADER_RULES,
];

/** Cross-filing rules (run by reconcileFilings). */
export const CROSS_RULES: RuleInfo[] = [
  {
    id: 'holdings-reconcile-cross',
    severity: 'warning',
    title: 'Amount owned across filings',
    description:
      "The amount owned after one filing's last transaction leads, via the next filing's first transaction, to that row's stated amount (same first reporting owner, issuer, security, ownership form and nature).",
    source: 'H 16',
  },
  {
    id: 'holdings-changed-cross',
    severity: 'info',
    title: 'Holding differs from the previous filing',
    description:
      "A holding row states an amount other than the previous filing's last amount for the same holding (a split, an unreported change or an intervening filing).",
    source: 'H 16',
  },
];

const INTERNAL: RuleInfo = {
  id: 'internal-error',
  severity: 'info',
  title: 'Rule failed',
  description: 'A rule threw on this filing; the other rules ran. Please report it.',
  source: 'engine',
};

const strip = ({ id, severity, title, description, source }: RuleInfo): RuleInfo => ({
  id,
  severity,
  title,
  description,
  source,
});

/** Every rule: checks, cross-filing rules, parse-level findings, and the engine's own. Stable kebab-case ids. */
export const RULES: readonly RuleInfo[] = Object.freeze(
  [...CHECK_RULES, ...CROSS_RULES, ...PARSE_RULES, INTERNAL].map(strip),
);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export interface RuleOptions {
  /** Per-rule severity, or 'off' to drop the rule's findings. */
  severities?: Record<string, Severity | 'off'>;
  /** "Today" for date plausibility (tests pin it). */
  now?: Date;
}

/** Apply the caller's severities (and 'off') to findings made elsewhere, e.g. by the parsers. */
export function applySeverities(findings: Finding[], options?: RuleOptions): Finding[] {
  const sev = options?.severities;
  if (!sev) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const s = sev[f.rule];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** Values read from a PDF or from OCR text may be misread: their findings are at most warnings. */
function capFor(filing: Pick<Filing, 'source'>): Severity | null {
  return filing.source === 'pdf' || filing.source === 'text' ? 'warning' : null;
}

export function severityFor(
  rule: RuleInfo,
  filing: Pick<Filing, 'source'> | null,
  options?: RuleOptions,
): Severity | 'off' {
  const set = options?.severities?.[rule.id];
  if (set) return set;
  const cap = filing ? capFor(filing) : null;
  if (cap === 'warning' && rule.severity === 'error') return 'warning';
  return rule.severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The lower of a severity and a finding's cap. */
function capped(severity: Severity, cap: Severity | undefined): Severity {
  return cap && RANK[cap] < RANK[severity] ? cap : severity;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Run every check on one filing. Never throws. */
export function runRules(filing: Filing, options?: RuleOptions): Finding[] {
  const derived = new Map<(filing: Filing) => unknown, unknown>();
  const ctx: RuleContext = {
    filing,
    now: options?.now ?? new Date(),
    shared: <T>(derive: (f: Filing) => T): T => {
      if (!derived.has(derive)) derived.set(derive, derive(filing));
      return derived.get(derive) as T;
    },
  };
  const out: Finding[] = [];
  for (const rule of CHECK_RULES) {
    if (!rule.check) continue;
    const severity = severityFor(rule, filing, options);
    if (severity === 'off') continue;
    try {
      for (const { cap, ...d } of rule.check(ctx)) out.push({ rule: rule.id, severity: capped(severity, cap), ...d });
    } catch (e) {
      const s = severityFor(INTERNAL, filing, options);
      if (s !== 'off')
        out.push({
          rule: INTERNAL.id,
          severity: s,
          message: `Rule ${rule.id} failed on this filing: ${describe(e)}`,
          span: filing.documentSpan ?? null,
        });
    }
  }
  return out;
}
