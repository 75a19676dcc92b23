// Compiles the integration suite for VS Code's extension host: test/integration/index.ts and every
// test/integration/**/*.test.ts become one CommonJS bundle each under out/test/integration/ (same relative
// paths). `vscode` (given by the extension host) and `mocha` (loaded from node_modules) stay external; what a
// suite imports from src/ is bundled into it. Type errors are `npm run typecheck`'s job (tsc covers test/).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SRC = 'test/integration';
const OUT = 'out/test/integration';
const entryPoints = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => join(SRC, f))
  .sort();

rmSync(OUT, { recursive: true, force: true }); // a deleted suite must not keep running from a stale bundle
await esbuild.build({
  entryPoints,
  outbase: SRC,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`compiled ${entryPoints.length} integration file(s) to ${OUT}/`);
