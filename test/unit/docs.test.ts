/**
 * The documents the project writes itself (README.md, docs/*.md) stay true to the code and to each other: every rule
 * of the catalogue has its section in docs/RULES.md, the generated tables and facts are current (`npm run
 * readme:rules` rewrites them), and every link leads somewhere: to a file and anchor of the repository, or to a
 * public SEC or upstream page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import type { RuleInfo } from '../../src/core/rules';
import { inspectText } from '../../src/core/inspect';
import { toJson } from '../../src/core/json';
import { fences } from './doc-examples';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);

/** The kinds of source (TS, H, parser ...) that docs/RULES.md explains, each with the anchor of its paragraph. */
const SOURCE_ANCHOR = new Map(
  [...read('docs/RULES.md').matchAll(/<a id="(source-[^"]+)"><\/a>\*\*([^*]+)\*\*/g)].map((m) => [m[2], m[1]]),
);

/** The rows of the generated table between the rules markers, split into cells (escaped pipes kept whole). */
function generatedRows(text: string, file: string): string[][] {
  const start = text.indexOf('<!-- rules:start');
  const end = text.indexOf('<!-- rules:end -->');
  assert.ok(start >= 0 && end > start, `${file} has no rules markers`);
  const lines = text
    .slice(text.indexOf('\n', start) + 1, end)
    .trim()
    .split('\n');
  return lines.slice(2).map((l) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|').replace(/&lt;/g, '<')),
  );
}

const cappedOnPdf = (r: RuleInfo): boolean => r.source !== 'parser' && r.severity === 'error';
const sourceLink = (r: RuleInfo, file: string): string =>
  `[${r.source}](${file}#${SOURCE_ANCHOR.get(r.source.split(' ')[0])})`;

/** A rule's section: from its anchor to the next rule anchor or level-2 heading. */
function section(doc: string, id: string): string {
  const at = doc.indexOf(`<a id="rule-${id}"></a>`);
  const rest = doc.slice(at + 1);
  const next = rest.search(/<a id="rule-|\n## /);
  return doc.slice(at, next < 0 ? doc.length : at + 1 + next);
}

describe('docs/RULES.md: the rules reference', () => {
  const doc = read('docs/RULES.md');

  it('has one section per rule of the catalogue, and none for a rule that does not exist', () => {
    for (const r of RULES)
      assert.equal(doc.split(`<a id="rule-${r.id}"></a>`).length - 1, 1, `anchor rule-${r.id} in docs/RULES.md`);
    const known = new Set(RULES.map((r) => r.id));
    for (const m of doc.matchAll(/<a id="rule-([^"]+)"><\/a>/g)) assert.ok(known.has(m[1]), `unknown rule ${m[1]}`);
  });

  it('gives each rule its catalogue title, severity and source (run `npm run readme:rules` after changing a rule)', () => {
    for (const r of RULES) {
      const lines = section(doc, r.id).split('\n');
      assert.equal(lines[2], `### \`${r.id}\`: ${r.title}`, `heading of ${r.id}`);
      const facts = lines[4];
      assert.ok(facts.startsWith(`**Default:** ${r.severity} · `), `${r.id}: ${facts}`);
      assert.equal(
        facts.includes('**on PDF and OCR text:** at most warning'),
        cappedOnPdf(r),
        `${r.id}: the PDF/OCR cap`,
      );
      assert.ok(facts.includes(`**source:** ${sourceLink(r, '')}`), `${r.id}: source in ${facts}`);
      assert.ok(facts.includes(`\`--rule ${r.id}=`), `${r.id}: how to change it`);
    }
  });

  it('says for each rule why its default severity is what it is, what it rests on and which inputs it reads', () => {
    for (const r of RULES) {
      const s = section(doc, r.id);
      assert.match(
        s,
        new RegExp(`\\n\\*\\*Why ${r.severity}\\.\\*\\* \\S`),
        `${r.id}: a "**Why ${r.severity}.**" paragraph`,
      );
      assert.match(s, /\n\*\*Rests on\.\*\* \S/, `${r.id}: a "**Rests on.**" paragraph`);
      assert.match(s, /\n\*\*Inputs\.\*\* \S/, `${r.id}: an "**Inputs.**" paragraph`);
    }
  });

  it('holds the current summary table', () => {
    const rows = generatedRows(doc, 'docs/RULES.md');
    assert.deepEqual(
      rows,
      RULES.map((r) => [
        `[\`${r.id}\`](#rule-${r.id})`,
        r.severity,
        cappedOnPdf(r) ? 'warning' : r.severity,
        r.title,
        sourceLink(r, ''),
      ]),
    );
  });

  it('explains every kind of source the catalogue uses', () => {
    for (const kind of new Set(RULES.map((r) => r.source.split(' ')[0])))
      assert.ok(
        SOURCE_ANCHOR.has(kind),
        `docs/RULES.md explains no source ${kind} (<a id="source-..."></a>**${kind}**)`,
      );
  });
});

describe('README.md: the rule table', () => {
  it('is the catalogue, each id linked to its section of docs/RULES.md', () => {
    const rows = generatedRows(read('README.md'), 'README.md');
    assert.deepEqual(
      rows,
      RULES.map((r) => [
        `[\`${r.id}\`](docs/RULES.md#rule-${r.id})`,
        r.severity,
        r.description,
        sourceLink(r, 'docs/RULES.md'),
      ]),
    );
  });
});

/** Every key of a JSON value in serialization order (an array by its first element). */
function keysOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.length ? keysOf(v[0]) : [];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]);
  return [];
}

describe('docs/JSON-MODEL.md: the JSON model', () => {
  const blocks = fences(read('docs/JSON-MODEL.md'));

  it('shows the full example exactly as `form4 inspect --json` writes it', () => {
    const block = blocks.find((b) => b.info[0] === 'json' && b.info.some((w) => w.startsWith('output-of=')));
    assert.ok(block, 'no ```json output-of=FILE block');
    const file = block.info.find((w) => w.startsWith('output-of='))!.slice('output-of='.length);
    const out = inspectText(read(file), file);
    assert.ok(out.ok, out.ok ? '' : out.reason);
    assert.equal(block.body, JSON.stringify(toJson(out.filing), null, 2));
  });

  it('documents the derived figures key for key, in order', () => {
    const jsonc = blocks.filter((b) => b.info[0] === 'jsonc');
    const derivedBlock = jsonc.find((b) => b.body.trimStart().startsWith('"derived"'));
    assert.ok(derivedBlock, 'no ```jsonc block of "derived"');
    const documented = [...derivedBlock.body.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    const out = inspectText(read('examples/holdings-mismatch-form4.xml'), 'x.xml');
    assert.ok(out.ok);
    assert.deepEqual(documented, ['derived', ...keysOf(toJson(out.filing).derived)]);
  });
});

/** Markdown without fenced code blocks and inline code (where link syntax is only text). */
function prose(md: string): string {
  return md.replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(md: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of md.replace(/^\s*```[\s\S]*?^\s*```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of md.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]);
  return out;
}

function links(md: string): string[] {
  const text = prose(md);
  return [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1]),
    ...[...text.matchAll(/\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
}

/** Pages a document may link to outside the repository: the SEC's own, the federal rule texts, and upstream projects. */
const ALLOWED_HOSTS = new Set(['www.sec.gov', 'sec.gov', 'www.ecfr.gov', 'www.govinfo.gov', 'www.federalregister.gov']);
const ALLOWED_GITHUB = /^https:\/\/github\.com\/microsoft\/vscode\//;

describe('links in README.md and docs/*.md', () => {
  for (const file of DOCS)
    it(`${file}: every link resolves to a file and anchor of the repository, or to a public SEC or upstream page`, () => {
      const md = read(file);
      const problems: string[] = [];
      for (const target of links(md)) {
        if (/^[a-z][a-z+.-]*:/i.test(target)) {
          const url = new URL(target);
          if (!ALLOWED_HOSTS.has(url.hostname) && !ALLOWED_GITHUB.test(target))
            problems.push(`${target}: leaves the repository for a page that is not the SEC's or upstream`);
          continue;
        }
        const hash = target.indexOf('#');
        const rel = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
        const fragment = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
        const dest = rel === '' ? path.join(ROOT, file) : path.resolve(path.dirname(path.join(ROOT, file)), rel);
        if (!dest.startsWith(ROOT + path.sep) && dest !== ROOT) {
          problems.push(`${target}: outside the repository`);
          continue;
        }
        if (!fs.existsSync(dest)) {
          problems.push(`${target}: no such file`);
          continue;
        }
        if (fragment !== null && dest.endsWith('.md') && !anchors(fs.readFileSync(dest, 'utf8')).has(fragment))
          problems.push(`${target}: no anchor #${fragment} in ${path.relative(ROOT, dest)}`);
      }
      assert.deepEqual(problems, []);
    });
});
