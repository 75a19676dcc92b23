/** The plan by which the extension lists a folder's files in parts (src/extension/filePlan.ts). */
import * as assert from 'node:assert/strict';
import { fileTail, folderGlob, nextChunk, plainName, TARGET_PER_SEARCH } from '../../src/extension/filePlan';

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
});
