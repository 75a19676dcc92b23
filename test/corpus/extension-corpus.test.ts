// The preview's view model and the tree over every text filing of the shared corpus: no exception, plain data
// (survives JSON), every shown value's span holds the text the model read, every finding with a span lands on a
// value or a row, and every footnote citation in the tree points at its id.
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { corpusFiles, corpusOrSkip } from '../helpers/shared';
import { decodeBytes } from '../../src/core/decode';
import { inspectText } from '../../src/core/inspect';
import { toViewModel } from '../../src/extension/viewModel';
import { filingTree, type TreeNode } from '../../src/extension/treeModel';
import type { ViewCell, ViewModel } from '../../src/shared/previewProtocol';

function cells(vm: ViewModel): ViewCell[] {
  const out: ViewCell[] = [
    vm.documentType,
    vm.periodOfReport,
    vm.issuer.name,
    vm.issuer.cik,
    vm.issuer.tradingSymbol,
    vm.remarks,
  ];
  for (const o of vm.owners)
    out.push(
      o.name,
      o.cik,
      ...o.address,
      o.isDirector,
      o.isOfficer,
      o.isTenPercentOwner,
      o.isOther,
      o.officerTitle,
      o.otherText,
    );
  for (const t of vm.tables) for (const r of t.rows) out.push(...Object.values(r.cells));
  for (const f of vm.footnotes) out.push(f.text);
  for (const s of vm.signatures) out.push(s.name, s.date);
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n] ?? '',
    );
}

function plain(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function walk(n: TreeNode, fn: (n: TreeNode) => void): void {
  fn(n);
  for (const c of n.children ?? []) walk(c, fn);
}

describe('preview and tree over the corpus', function () {
  this.timeout(120000);

  it('builds plain, consistent view models and trees for every XML and submission filing', function () {
    corpusOrSkip(this);
    const files = [...corpusFiles('xml', (n) => n.endsWith('.xml')), ...corpusFiles('txt', (n) => n.endsWith('.txt'))];
    assert.ok(files.length > 100, `corpus files: ${files.length}`);
    let filings = 0;
    let findingsOnValues = 0;
    let findingsWithSpan = 0;
    let checked = 0;
    for (const file of files) {
      const text = decodeBytes(new Uint8Array(readFileSync(file))).text;
      const out = inspectText(text, file);
      if (!out.ok) continue;
      filings++;
      const f = out.filing;
      const vm = toViewModel(f);
      const where = basename(file);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(vm)), vm, `${where}: the view model is plain data`);
      for (const c of cells(vm)) {
        if (!c.span || c.raw !== null || c.text === null || /^(true|false)$/.test(c.text) || /^[\d,.]+$/.test(c.text))
          continue;
        // a text value shown as written is its span's text (entities decoded, white space collapsed)
        checked++;
        assert.strictEqual(
          plain(c.text),
          plain(decodeEntities(text.slice(c.span.start, c.span.end))),
          `${where}: ${c.path}`,
        );
      }
      for (const fd of vm.findings) {
        if (!fd.span) continue;
        findingsWithSpan++;
        if (fd.path || fd.rowPath) findingsOnValues++;
      }
      const tree = filingTree(f);
      walk(tree, (n) => {
        if (n.contextValue === 'citation') {
          assert.ok(n.span, `${where}: citation ${n.id} has a span`);
          const id = text.slice(n.span.start, n.span.end);
          assert.ok(
            f.footnotes.some((x) => x.id.value === id) || f.findings.some((x) => x.rule === 'footnote-undefined'),
            `${where}: ${id}`,
          );
        }
      });
      assert.strictEqual(tree.children![1].children?.length ?? 0, f.nonDerivative.length, `${where}: Table I rows`);
      assert.strictEqual(tree.children![2].children?.length ?? 0, f.derivative.length, `${where}: Table II rows`);
    }
    assert.ok(filings > 100, `filings read: ${filings}`);
    assert.ok(checked > 1000, `text values checked: ${checked}`);
    console.log(
      `      ${filings} filings, ${checked} text values checked against their spans; ${findingsOnValues} of ${findingsWithSpan} findings with a span sit on a value or row in the preview`,
    );
  });
});
