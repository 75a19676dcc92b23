// The Disposable base of the extension's classes (src/extension/dispose.ts): what a class registers is released once,
// newest first, and anything registered after dispose is released at once.
import * as assert from 'assert';
import { Disposable, disposeAll } from '../../src/extension/dispose';

class Owner extends Disposable {
  own(name: string, log: string[]): void {
    this.register({ dispose: () => log.push(name) });
  }
  get released(): boolean {
    return this.isDisposed;
  }
}

describe('extension Disposable base', () => {
  it('releases what it registered once, newest first', () => {
    const log: string[] = [];
    const o = new Owner();
    o.own('emitter', log);
    o.own('listener', log);
    assert.strictEqual(o.released, false);
    o.dispose();
    o.dispose();
    assert.deepStrictEqual(log, ['listener', 'emitter']);
    assert.strictEqual(o.released, true);
  });

  it('releases at once what is registered after dispose', () => {
    const log: string[] = [];
    const o = new Owner();
    o.dispose();
    o.own('late', log);
    assert.deepStrictEqual(log, ['late']);
  });

  it('disposeAll empties the list', () => {
    const log: string[] = [];
    const list = [{ dispose: () => log.push('a') }, { dispose: () => log.push('b') }];
    disposeAll(list);
    assert.deepStrictEqual(log, ['b', 'a']);
    assert.strictEqual(list.length, 0);
  });
});
