/**
 * Hostile text in filings (test/fixtures/hostile): script and image markup, javascript:/data:/command: URIs, CSS that
 * tries to close a style block, very long unbreakable text, bidi overrides. In plain Node:
 * - the core keeps every such text exactly (no data lost, nothing "sanitized" away) and passes the fuzzer's checks;
 * - the preview's view model (what crosses into the webview) carries it as plain strings, unchanged;
 * - the webview code has no HTML sink (innerHTML and the like), builds links only to "#" or to SEC.gov over HTTPS, and the preview panel keeps
 *   command URIs off. The Chromium DOM check of the same fixtures is in test/ui/70-hostile.ui.mjs.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectBytes } from '../../src/core/inspect';
import { toJson } from '../../src/core/json';
import { toViewModel } from '../../src/extension/viewModel';
import { REPO_ROOT } from '../helpers/shared';
import { throughCliPath } from '../fuzz/cli-path';
import { CPU_BUDGET_MS } from '../helpers/cpu-time';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile');

/** Each fixture with strings that must come through verbatim (decoded text, as a reader would see it). */
const CASES: Record<string, string[]> = {
  'script-in-footnote.xml': [
    '<script>document.title="pwned-escaped"</script>',
    '<script>document.title="pwned-cdata"</script>',
  ],
  'img-onerror.xml': [
    `<img src=x onerror="document.title='pwned-img'">`,
    `<svg onload="document.title='pwned-svg'"/>`,
    '<img src=x onerror=alert(1)> Corp',
  ],
  'javascript-link.xml': [
    'javascript:alert(document.domain)//Doe Jane',
    '<a href="javascript:alert(1)">the price list</a>',
    'data:text/html;base64,',
  ],
  'command-uri.xml': [
    '[Click for details](command:workbench.action.terminal.new)',
    '[open](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D)',
  ],
  'css-injection.xml': [
    '</style><style>body{display:none}',
    'Common Stock" style="position:fixed;inset:0;background:red',
  ],
  'long-text.xml': ['Doe ' + 'W'.repeat(20_000), 'Common ' + 'W'.repeat(20_000)],
  'bidi-and-invisible.xml': [
    'Doe \u202eenaJ\u202c \u200bJane\u2066x\u2069 \u{1F600}',
    'Price \u202e01.01$\u202c per share',
  ],
};

describe('hostile text in filings', function () {
  this.timeout(30_000);

  it('every fixture in test/fixtures/hostile is covered here', () => {
    assert.deepEqual(
      fs
        .readdirSync(DIR)
        .filter((f) => f.endsWith('.xml'))
        .sort(),
      Object.keys(CASES).sort(),
    );
  });

  for (const [name, payloads] of Object.entries(CASES)) {
    it(`${name}: kept exactly by the core and the preview model, as text`, async () => {
      const bytes = fs.readFileSync(path.join(DIR, name));
      const check = await throughCliPath(name, bytes, CPU_BUDGET_MS);
      assert.equal(check.failure, undefined, check.failure?.message);
      const r = await inspectBytes(bytes, name);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      const json = JSON.stringify(toJson(r.filing));
      const view = toViewModel(r.filing);
      // What is posted to the webview is plain JSON data (structured clone of strings, numbers, booleans).
      const posted = JSON.stringify(view);
      assert.deepEqual(JSON.parse(posted), view, 'the view model is plain data');
      for (const p of payloads) {
        assert.ok(
          json.includes(JSON.stringify(p).slice(1, -1)),
          `the JSON model keeps ${JSON.stringify(p.slice(0, 60))}`,
        );
        assert.ok(
          posted.includes(JSON.stringify(p).slice(1, -1)),
          `the preview model keeps ${JSON.stringify(p.slice(0, 60))}`,
        );
      }
    });
  }

  it('the webview code has no HTML sink, no eval, and makes links only to "#" or to SEC.gov over HTTPS', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(REPO_ROOT, 'src', 'webview'));
    assert.ok(files.length > 0);
    const sinks =
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|\.srcdoc\b|createContextualFragment|DOMParser/;
    const problems: string[] = [];
    for (const f of files) {
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (sinks.test(code)) problems.push(`${path.relative(REPO_ROOT, f)}:${i + 1}: ${line.trim()}`);
        const href =
          /setAttribute\(\s*['"](href|src|xlink:href|action|formaction)['"]\s*,\s*([^)]*)\)/.exec(code) ??
          /\.(href|src)\s*=\s*([^;]*)/.exec(code);
        // "#", or `secHref`: what secHrefOf (src/webview/preview/links.ts) let through, an https SEC.gov address.
        if (href && !/^['"]#['"]$/.test(href[2].trim()) && href[2].trim() !== 'secHref')
          problems.push(`${path.relative(REPO_ROOT, f)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(problems, []);
  });

  it('the preview panel runs its own script only and keeps command URIs off', () => {
    const src = (f: string) => fs.readFileSync(path.join(REPO_ROOT, 'src', 'extension', f), 'utf8');
    // Both webviews (preview and timeline) get their options and their page from one shell with the CSP.
    for (const f of ['preview/preview.ts', 'timeline.ts']) {
      assert.match(src(f), /webviewOptions\(/, f);
      assert.match(src(f), /webviewHtml\(/, f);
      assert.doesNotMatch(src(f).replace(/^\s*(\*|\/\/).*$/gm, ''), /unsafe-inline|unsafe-eval/, f); // comments may name what is not used
    }
    const shell = src('webviewHtml.ts');
    assert.match(shell, /enableCommandUris:\s*false/);
    assert.match(shell, /default-src 'none'/);
    assert.match(shell, /script-src 'nonce-\$\{nonce\}'/);
    assert.doesNotMatch(shell, /unsafe-inline|unsafe-eval/);
  });
});
