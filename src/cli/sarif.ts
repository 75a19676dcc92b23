/** SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, Azure DevOps, SARIF viewers). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/model';
import { LineIndex } from '../core/positions';
import { RULES } from '../core/rules';

/** The rules reference; each rule's section is `#rule-<id>`. */
export const RULES_HELP_URI = 'https://github.com/form4-inspector/form4-inspector/blob/main/docs/RULES.md';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The file as a SARIF artifact URI: an absolute path as a file: URL, a relative one as a relative reference (portable
 * across checkouts), each segment percent-encoded so that "a#b c.xml" is not read as "a" with a fragment.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function region(
  lines: Pick<LineIndex, 'position'> | null,
  loc: { span: { start: number; end: number } | null; page?: number | null },
) {
  if (loc.span && lines) {
    const s = lines.position(loc.span.start);
    const e = lines.position(loc.span.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
  return undefined;
}

export function toSarif(
  items: { file: string; lines: Pick<LineIndex, 'position'> | null; findings: Finding[] }[],
  toolVersion: string,
): object {
  const results: object[] = [];
  for (const item of items) {
    const lines = item.lines;
    for (const f of item.findings) {
      const reg = region(lines, f);
      const physicalLocation = { artifactLocation: { uri: artifactUri(item.file) }, ...(reg ? { region: reg } : {}) };
      const relatedLocations = f.related?.length
        ? f.related.map((r, i) => {
            const rf = r.file ?? item.file;
            const rreg = !r.file ? region(lines, r) : undefined;
            return {
              id: i + 1,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: artifactUri(rf) }, ...(rreg ? { region: rreg } : {}) },
            };
          })
        : null;
      results.push({
        ruleId: f.rule,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation, ...(f.page ? { properties: { page: f.page } } : {}) }],
        ...(relatedLocations ? { relatedLocations } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'form4',
            fullName: 'Form 4 Inspector',
            version: toolVersion,
            informationUri: 'https://github.com/form4-inspector/form4-inspector',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: `${r.description} (source: ${r.source})` },
              helpUri: `${RULES_HELP_URI}#rule-${r.id}`,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results,
      },
    ],
  };
}
