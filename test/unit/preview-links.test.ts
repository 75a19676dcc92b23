import { strict as assert } from 'node:assert';
import { secHrefOf } from '../../src/webview/preview/links';

describe('preview links', () => {
  it('links to SEC.gov over HTTPS only', () => {
    const index = 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000081/0000320193-24-000081-index.htm';
    assert.equal(secHrefOf(index), index);
    assert.equal(secHrefOf('https://sec.gov/x'), 'https://sec.gov/x');
    for (const bad of [
      'javascript:alert(1)',
      'command:workbench.action.terminal.new',
      'http://www.sec.gov/x',
      'https://www.sec.gov.evil.example/x',
      'https://evilsec.gov/x',
      'https://user@www.sec.gov/x',
      'https://www.sec.gov:8443/x',
      'data:text/html,<b>x</b>',
      'not an address',
    ])
      assert.equal(secHrefOf(bad), null, bad);
  });
});
