/** The plan by which the extension lists a folder's files in parts (src/extension/filePlan.ts). */
import * as assert from 'node:assert/strict';
import {
  fileTail,
  folderGlob,
  nextChunk,
  plainName,
  prefixSearches,
  TARGET_PER_SEARCH,
} from '../../src/extension/filePlan';

/** The names a search's glob of prefixSearches matches (its forms only: literals, [xX] classes, one brace list). */
function matcher(glob: string, caseSensitive: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '[') {
      const j = glob.indexOf(']', i);
      re += glob.slice(i, j + 1);
      i = j;
    } else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.*+?^$()|\\-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, caseSensitive ? '' : 'i');
}

describe('extension: listing a folder in parts', () => {
  it('splits only an include glob of files at any depth', () => {
    assert.equal(fileTail('**/*.{xml,txt,nc,sgml,htm,html,pdf}'), '*.{xml,txt,nc,sgml,htm,html,pdf}');
    assert.equal(fileTail('**/form4*.xml'), 'form4*.xml');
    // A tail with a folder in it could match at the top and inside a folder at once: searched whole.
    assert.equal(fileTail('**/filings/*.xml'), null);
    assert.equal(fileTail('filings/**/*.xml'), null);
    assert.equal(fileTail('*.xml'), null);
    assert.equal(fileTail('**/'), null);
  });

  it('names a folder in a glob only when its name has no glob syntax', () => {
    assert.ok(plainName('0001127602'));
    assert.ok(plainName('Alto Ingredients, Inc') === false);
    for (const name of ['[2024]', 'a{b', 'x*', 'why?', '!neg', 'a\\b', '']) assert.equal(plainName(name), false, name);
    assert.ok(plainName('.hidden'));
  });

  it('writes one search over one folder or a brace list of folders', () => {
    assert.equal(folderGlob(['000'], '*.xml'), '000/**/*.xml');
    assert.equal(folderGlob(['000', '001'], '*.{xml,txt}'), '{000,001}/**/*.{xml,txt}');
  });

  it('sizes the next search by the files found per folder so far', () => {
    assert.equal(nextChunk(0, 0), 1);
    // Folders of a thousand files: one at a time.
    assert.equal(nextChunk(2000, 2), 1);
    // Folders of ten files: about a hundred at a time.
    assert.equal(nextChunk(10, 1), TARGET_PER_SEARCH / 10);
    // Empty folders so far (all excluded, say): twice as many each time, up to the bound.
    assert.equal(nextChunk(0, 3), 6);
    assert.equal(nextChunk(0, 1000), 256);
    assert.equal(nextChunk(1, 1000), 256);
  });

  it('splits a folder of many files side by side into searches by name prefix that cover each file', () => {
    const names: string[] = [];
    for (let i = 0; i < 2600; i++) names.push(`${String(i).padStart(6, '0')}-form4.xml`);
    names.push('Alpha-1.xml', 'alpha-2.xml', 'README');
    const searches = prefixSearches(names, '*.xml') ?? [];
    assert.ok(searches.length >= 3, JSON.stringify(searches));
    for (const caseSensitive of [true, false]) {
      const res: RegExp[] = searches.map((g) => matcher(g, caseSensitive));
      for (const n of names.filter((x) => x.endsWith('.xml')))
        assert.equal(res.filter((r) => r.test(n)).length, 1, `${n} is matched by one search (${caseSensitive})`);
      for (const r of res) assert.ok(names.filter((n) => r.test(n)).length <= TARGET_PER_SEARCH, String(r));
    }
    assert.ok(
      searches.some((g) => g.includes('[aA]')),
      'letters match either case',
    );
  });

  it('searches side-by-side files whole when few, when the tail cannot follow a prefix, or when a name is unusual', () => {
    const many = Array.from({ length: 1500 }, (_, i) => `${i}.xml`);
    assert.equal(prefixSearches(many.slice(0, TARGET_PER_SEARCH), '*.xml'), null);
    assert.equal(prefixSearches(many, 'form4.xml'), null);
    assert.equal(prefixSearches([...many, 'a[1].xml'], '*.xml'), null);
    assert.equal(prefixSearches([...many, 'café.xml'], '*.xml'), null);
    assert.ok(prefixSearches(many, '*.xml'));
  });
});
