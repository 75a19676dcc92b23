/** Reading one input file (src/cli/files.ts): regular files only, and a read buffer a thread can reuse. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInputFile, type ReadScratch } from '../../src/cli/files';

describe('cli: readInputFile', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form4-read-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const text = (b: Uint8Array | string) => (typeof b === 'string' ? `refused: ${b}` : Buffer.from(b).toString('utf8'));

  it('reads each file whole through one reused buffer, growing it for a larger file', () => {
    const scratch: ReadScratch = { buf: null };
    const small = file('small.xml', '<a>1</a>');
    const large = file('large.xml', `<a>${'x'.repeat(70_000)}</a>`);
    assert.equal(text(readInputFile(small, scratch)), '<a>1</a>');
    const first = scratch.buf;
    assert.ok(first);
    assert.equal(text(readInputFile(large, scratch)), `<a>${'x'.repeat(70_000)}</a>`);
    assert.notEqual(scratch.buf, first, 'grown for the larger file');
    const grown = scratch.buf;
    // The next small file is read into the same buffer, and only its own bytes are given.
    assert.equal(text(readInputFile(small, scratch)), '<a>1</a>');
    assert.equal(scratch.buf, grown);
  });

  it('keeps no buffer larger than 4 MB, and refuses what is not a regular file', () => {
    const scratch: ReadScratch = { buf: null };
    const big = file('big.txt', 'y'.repeat((4 << 20) + 10));
    assert.equal((readInputFile(big, scratch) as Uint8Array).length, (4 << 20) + 10);
    assert.equal(scratch.buf, null);
    assert.match(text(readInputFile(dir, scratch)), /refused: not read: a folder/);
  });
});
