/**
 * `check`'s outputs. ndjson streams: one finding per line, written as each file's findings are final (its own
 * as soon as it is read, the cross-filing ones issuer partition by partition at the end). text, json and sarif keep
 * each file's findings (not its text or model) and print once the cross-filing check has added its findings to the
 * files they concern.
 */
import type { Finding, Severity } from '../../core/model';
import { findingToJson } from '../../core/json';
import type { CrossFinding } from '../../core/reconcile';
import { findingPlace, terminalSafe } from '../render';
import { toSarif } from '../sarif';
import { PlaceIndex } from './places';
import type { FileResult } from './file';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'ndjson';

interface Kept {
  file: string;
  source: FileResult['source'];
  lines: PlaceIndex;
  findings: Finding[];
}

export interface CheckOutput {
  /** A file's result; `chained`: cross-filing findings may concern it (false for a copy of a filing given before). */
  file(result: FileResult, chained: boolean): void;
  /** Cross-filing findings (called once per issuer partition). */
  cross(findings: CrossFinding[]): void;
  /** The end of the output. */
  end(): void;
  errors: number;
}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One ndjson line per finding: the file and the finding as in the json format. */
function ndjsonLines(k: Kept, findings: Finding[]): string {
  let s = '';
  for (const f of findings) s += `${JSON.stringify({ file: k.file, ...findingToJson(f, k.lines, k.source) })}\n`;
  return s;
}

export function checkOutput(format: CheckFormat, toolVersion: string): CheckOutput {
  // Streamed: of each file that cross-filing findings may concern its places are kept (packed), for the findings
  // that may point at them, with its rank in the input. Its chain summary is not looked at: a re-check that reuses
  // the last run's cross-filing findings never reads the summaries from the cache.
  if (format === 'ndjson') {
    const places = new Map<string, { rank: number; source: FileResult['source']; lines: PlaceIndex }>();
    const out: CheckOutput = {
      errors: 0,
      file(r, chained) {
        if (chained) places.set(r.file, { rank: places.size, source: r.source, lines: new PlaceIndex(r.places) });
        for (const f of r.findings) if (f.severity === 'error') out.errors++;
        if (r.findings.length)
          process.stdout.write(
            ndjsonLines({ file: r.file, source: r.source, lines: new PlaceIndex(r.places), findings: [] }, r.findings),
          );
      },
      cross(cross) {
        // In input order within the partition.
        const rank = (c: CrossFinding) => places.get(c.file)?.rank ?? -1;
        for (const c of [...cross].sort((x, y) => rank(x) - rank(y))) {
          if (c.finding.severity === 'error') out.errors++;
          const k = places.get(c.file);
          if (k) process.stdout.write(ndjsonLines({ file: c.file, ...k, findings: [] }, [c.finding]));
        }
      },
      end() {},
    };
    return out;
  }
  const kept: Kept[] = [];
  const byFile = new Map<string, Kept>();
  const out: CheckOutput = {
    errors: 0,
    file(r) {
      const k: Kept = { file: r.file, source: r.source, lines: new PlaceIndex(r.places), findings: r.findings };
      kept.push(k);
      byFile.set(k.file, k);
    },
    cross(cross) {
      for (const c of cross) byFile.get(c.file)?.findings.push(c.finding);
    },
    end() {
      for (const k of kept) out.errors += k.findings.filter((f) => f.severity === 'error').length;
      if (format === 'json') {
        process.stdout.write('[');
        kept.forEach((k, i) => {
          const doc = { file: k.file, findings: k.findings.map((f) => findingToJson(f, k.lines, k.source)) };
          process.stdout.write(`${i ? ',' : ''}\n${JSON.stringify(doc, null, 2).replace(/^/gm, '  ')}`);
        });
        process.stdout.write(`${kept.length ? '\n' : ''}]\n`);
      } else if (format === 'sarif') {
        write(JSON.stringify(toSarif(kept, toolVersion), null, 2));
      } else {
        const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
        for (const k of kept) {
          for (const f of k.findings) {
            counts[f.severity]++;
            write(terminalSafe(`${k.file}:${findingPlace(f, k.lines)}: ${f.severity} ${f.rule}: ${f.message}`));
            for (const rel of f.related ?? [])
              write(terminalSafe(`    ${rel.file ?? `${k.file}:${findingPlace(rel, k.lines)}`}: note: ${rel.message}`));
          }
        }
        write(
          `${plural(kept.length, 'filing')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`,
        );
      }
    },
  };
  return out;
}
