// Jest reporter: sums the figures the reliability test files wrote and prints one summary.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ENV = 'PISHOP_RELIABILITY_FIGURES_DIR';
const LABELS = [
  ['requestsFuzzed', 'requests fuzzed'],
  ['interleavingsTried', 'interleavings tried'],
  ['faultsInjected', 'faults injected'],
  ['serverErrors', '5xx answers'],
  ['doubledConfirmations', 'doubled confirmations'],
  ['lostPayments', 'lost payments'],
  ['lockoutGuessesPastLimit', 'lockout guesses admitted past the limit'],
];

class FiguresReporter {
  constructor() {
    // Set before jest starts its workers, so they inherit it.
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-reliability-'));
    process.env[ENV] = this.dir;
  }

  onRunComplete() {
    const files = fs.existsSync(this.dir) ? fs.readdirSync(this.dir).filter((f) => f.endsWith('.json')) : [];
    if (files.length === 0) return;
    const total = Object.fromEntries(LABELS.map(([key]) => [key, 0]));
    const extra = {};
    for (const file of files.sort()) {
      const figures = JSON.parse(fs.readFileSync(path.join(this.dir, file), 'utf8'));
      for (const [key] of LABELS) total[key] += figures[key] ?? 0;
      for (const [key, value] of Object.entries(figures.extra ?? {})) extra[key] = (extra[key] ?? 0) + value;
    }
    const db = process.env.TEST_DATABASE_URL ? process.env.TEST_DATABASE_URL.split(':')[0] : 'sqlite';
    const lines = [`Reliability suite figures (${db}, ${files.length} files: ${files.map((f) => f.replace(/\.json$/, '')).join(', ')})`];
    for (const [key, label] of LABELS) lines.push(`  ${label.padEnd(42)} ${total[key]}`);
    for (const [key, value] of Object.entries(extra).sort()) lines.push(`  ${key.padEnd(42)} ${value}`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = FiguresReporter;
