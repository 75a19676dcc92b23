import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { artifactUri } from '../../src/cli/sarif';

describe('SARIF artifact URIs', () => {
  it('percent-encodes each segment of a relative path, so "#" and spaces stay part of the name', () => {
    const uri = artifactUri(path.join('dir one', 'a#b c.xml'));
    assert.equal(uri, 'dir%20one/a%23b%20c.xml');
    assert.equal(new URL(uri, 'file:///base/').pathname, '/base/dir%20one/a%23b%20c.xml');
    assert.equal(new URL(uri, 'file:///base/').hash, '');
    assert.equal(artifactUri('100%?.xml'), '100%25%3F.xml');
  });

  it('gives an absolute path as a file: URL with the same escapes', () => {
    const abs = path.resolve('/tmp/x y/a#b.xml');
    const uri = artifactUri(abs);
    assert.match(uri, /^file:\/\//);
    assert.equal(new URL(uri).hash, '');
    assert.ok(uri.endsWith('/x%20y/a%23b.xml'), uri);
  });
});
