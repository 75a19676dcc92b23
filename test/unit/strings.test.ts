import * as assert from 'node:assert/strict';
import { detached, digest, memoizeShort } from '../../src/core/strings';

describe('strings: digest, detached copies, short memo', () => {
  it('digest gives the values stored in result caches (a change of them needs a new cache version)', () => {
    // Pinned: chain summaries in a cache carry these digests, and a re-check compares them with new ones.
    assert.equal(digest(''), 'gnug05bi0ryb.njmx0hfe1dtn');
    assert.equal(digest('Common Stock'), 'vhjk0x040bh5.myl20tzs0esn');
  });

  it('digest tells apart keys that differ in one character, anywhere', () => {
    const base = 'x'.repeat(3000);
    const seen = new Set([digest(base)]);
    for (const at of [0, 1, 1500, 2999]) seen.add(digest(base.slice(0, at) + 'y' + base.slice(at + 1)));
    assert.equal(seen.size, 5);
  });

  it('detached copies are equal strings', () => {
    const s = 'a long enough piece of a filing';
    assert.equal(detached(s.slice(2)), s.slice(2));
  });

  it('memoizeShort computes a short input once and a long one each time', () => {
    let calls = 0;
    const upper = memoizeShort((s) => (calls++, s.toUpperCase()), 10);
    assert.equal(upper('stock'), 'STOCK');
    assert.equal(upper('stock'), 'STOCK');
    assert.equal(calls, 1);
    upper('x'.repeat(11));
    upper('x'.repeat(11));
    assert.equal(calls, 3);
  });
});
