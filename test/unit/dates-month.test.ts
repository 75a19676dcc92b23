/** Month names as forms print them ("February 29, 2000", "Feb. 29", "Sept. 5") to month numbers. */
import * as assert from 'node:assert/strict';
import { monthNumber } from '../../src/core/dates';

describe('monthNumber', () => {
  it('reads month names written out or cut short, in any case', () => {
    assert.equal(monthNumber('January'), 1);
    assert.equal(monthNumber('feb'), 2);
    assert.equal(monthNumber('Feb.'), 2);
    assert.equal(monthNumber('MAY'), 5);
    assert.equal(monthNumber('Sept'), 9);
    assert.equal(monthNumber('Sept.'), 9);
    assert.equal(monthNumber(' December '), 12);
  });

  it('reads nothing else as a month', () => {
    for (const s of ['', 'Ja', 'Mayday', 'Septem ber', 'Juno', 'Month', '12', 'Dec..'])
      assert.equal(monthNumber(s), null, s);
  });
});
