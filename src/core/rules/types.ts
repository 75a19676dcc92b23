/** What a rule is and what it may use. Every rule has one stable id and one default severity. */
import type { Filing, Loc, RelatedInfo, Severity } from '../model';

export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  /**
   * Where the rule comes from: "TS", "F4", "F5", "NAL", "H" (heuristic), "parser" or "engine", and for the checks a
   * number that groups the rules of one requirement, e.g. "TS 10" (docs/RULES.md, "Sources").
   */
  source: string;
}

export interface RuleContext {
  filing: Filing;
  /** "Today", for plausibility checks (options.now or the clock). */
  now: Date;
  /**
   * A view derived from the filing (its footnote citations, its price checks), computed at most once per run of the
   * rules and shared by every rule that reads it: several rules walk the same derivation, and each walk allocates.
   */
  shared<T>(derive: (filing: Filing) => T): T;
}

/** A finding before the engine stamps rule id and severity. */
export interface Draft extends Loc {
  message: string;
  related?: RelatedInfo[];
  /**
   * The most this finding can be, whatever the rule's severity: a finding the filing itself explains (a footnote,
   * the remarks) is at most a warning, context at most a note (docs/RULES.md, "Explained findings").
   */
  cap?: Severity;
}

export interface RuleDef extends RuleInfo {
  /** Rules that only read the filing's own data; parse-level rules have no check. */
  check?: (ctx: RuleContext) => Draft[];
}

export function draft(message: string, where: Loc, related?: RelatedInfo[]): Draft {
  const d: Draft = { message, span: where.span };
  if (where.page !== undefined && where.page !== null) d.page = where.page;
  if (where.box) d.box = where.box;
  if (related && related.length) d.related = related;
  return d;
}

/** Quoted value for messages, shortened. */
export function q(s: string | null | undefined, max = 60): string {
  if (s === null || s === undefined) return '(empty)';
  const t = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return `"${t}"`;
}
