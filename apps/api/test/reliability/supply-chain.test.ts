import fs from 'node:fs';
import path from 'node:path';

// The same check `.ci/run` runs (scripts/check-lockfile.cjs), also in the test command.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lockfileProblems, registryProblems } = require('../../../../scripts/check-lockfile.cjs') as {
  lockfileProblems: (text: string) => { problems: string[]; resolutions: number };
  registryProblems: (root: string) => string[];
};

const ROOT = path.resolve(__dirname, '../../../..');

describe('reliability: supply chain', () => {
  it('pnpm-lock.yaml resolves every package from the npm registry with a sha512 integrity', () => {
    const { problems, resolutions } = lockfileProblems(fs.readFileSync(path.join(ROOT, 'pnpm-lock.yaml'), 'utf8'));
    expect(resolutions).toBeGreaterThan(100);
    expect([...problems, ...registryProblems(ROOT)]).toEqual([]);
  });

  it('the check refuses tarballs, git, local files and missing hashes', () => {
    const bad = [
      "  'a@1.0.0':\n    resolution: {tarball: https://evil.example/a-1.0.0.tgz}",
      "  'b@1.0.0':\n    resolution: {integrity: sha1-abc=}",
      "  'c@1.0.0':\n    resolution: {type: git, repo: https://github.com/x/c, commit: abc}",
      '      d:\n        specifier: file:../d\n        version: file:../d',
    ];
    for (const text of bad) expect(lockfileProblems(`packages:\n${text}\n  'ok@1.0.0':\n    resolution: {integrity: sha512-AAAA==}\n`).problems).not.toEqual([]);
    expect(lockfileProblems("packages:\n  'ok@1.0.0':\n    resolution: {integrity: sha512-AAAA==}\n").problems).toEqual([]);
  });
});
