// Mocha's spec reporter plus the plain closing line CI reads: "unit: N passed, N failed, N skipped".
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = (options && options.reporterOption && options.reporterOption.label) || 'unit';
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      process.stdout.write(
        `\n${label}: ${s.passes || 0} passed, ${s.failures || 0} failed, ${s.pending || 0} skipped\n`,
      );
    });
  }
}
module.exports = SummaryReporter;
