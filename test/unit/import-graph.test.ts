/**
 * The shape of the source's import graph: no cycles (type-only imports count: they still tie modules together),
 * the core imports nothing outside src/core, and only the rule engine's entry (src/core/rules/index.ts) is imported
 * from outside src/core/rules: the helpers every reader of the model uses live in core modules of their own.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The source file a relative specifier names (extensionless, or a folder's index), or null for packages. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

/** Every module of src and the modules it imports (import, export ... from, import(), require; types included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((d): d is string => d !== null);
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

describe('import graph of src', () => {
  const graph = importGraph();

  it('reads every module and its imports', () => {
    assert.ok(graph.size > 50, `only ${graph.size} modules`);
    const input = graph.get(path.join(SRC, 'core', 'input.ts'));
    assert.ok(input?.includes(path.join(SRC, 'core', 'rules', 'index.ts')), 'input.ts imports the rule engine');
  });

  it('has no cycle', () => {
    assert.deepEqual(
      cycles(graph).map((c) => c.map(rel).sort()),
      [],
    );
  });

  it('the core imports nothing outside src/core', () => {
    const core = path.join(SRC, 'core') + path.sep;
    const upward = [...graph].flatMap(([from, deps]) =>
      from.startsWith(core) ? deps.filter((d) => !d.startsWith(core)).map((d) => `${rel(from)} -> ${rel(d)}`) : [],
    );
    assert.deepEqual(upward, []);
  });

  it('outside src/core/rules only the rule engine (rules/index.ts) is imported, to run rules or list them', () => {
    const rules = path.join(SRC, 'core', 'rules') + path.sep;
    const engine = path.join(rules, 'index.ts');
    const reaching = [...graph].flatMap(([from, deps]) =>
      from.startsWith(rules)
        ? []
        : deps.filter((d) => d.startsWith(rules) && d !== engine).map((d) => `${rel(from)} -> ${rel(d)}`),
    );
    assert.deepEqual(reaching, []);
  });
});
