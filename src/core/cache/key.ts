/** The version of the rule set results were computed with: a cache of results is only valid for the same one. */
import { RULES } from '../rules';
import { hashText } from './store';

/** Bumped when what a reader or rule produces changes without a change to the catalogue. */
const RESULTS_VERSION = 11;

/**
 * A key over the program's version, the rule catalogue (ids, default severities, titles, sources) and the
 * severities the user set: any change to them makes earlier results stale.
 */
export function rulesetKey(programVersion: string, severities: Record<string, string> = {}): string {
  const catalogue = RULES.map((r) => [r.id, r.severity, r.title, r.source]);
  const user = Object.keys(severities)
    .sort()
    .map((k) => [k, severities[k]]);
  return hashText(JSON.stringify([RESULTS_VERSION, programVersion, catalogue, user]));
}
