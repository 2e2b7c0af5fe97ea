// Entry point that VS Code's extension host loads (`--extensionTestsPath`): runs the mocha suite in this folder
// and writes the per-test results for the runner to SOURCED_VSCODE_RESULTS, or else to results.json one folder up
// (code-server's remote extension host does not pass on the extensionEnvironment of the web payload).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  ms?: number;
}

/** Runs every `*.test.js` next to this file; rejects when a test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.SOURCED_VSCODE_RESULTS || path.join(__dirname, '..', 'results.json');
      fs.writeFileSync(out, JSON.stringify({ results, failures }, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }),
    );
  });
}
