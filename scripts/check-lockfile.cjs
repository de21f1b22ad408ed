#!/usr/bin/env node
// Supply chain: every package in pnpm-lock.yaml comes from the npm registry and carries an
// integrity hash (sha512). Anything resolved from a tarball URL, git, a local file or another
// registry fails the check. Workspace packages (link:) are ours. Usage: node scripts/check-lockfile.cjs [lockfile]
const fs = require('node:fs');
const path = require('node:path');

/** Problems with a lockfile's text (empty when every package is a registry package with a sha512 integrity). */
function lockfileProblems(text) {
  const problems = [];
  let resolutions = 0;
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    const resolution = line.match(/^\s+resolution:\s*(.*)$/);
    if (resolution) {
      resolutions += 1;
      if (!/^\{integrity: sha512-[A-Za-z0-9+/]+=*\}$/.test(resolution[1].trim())) problems.push(`${at}: not a registry package with a sha512 integrity: ${resolution[1].trim()}`);
    }
    const version = line.match(/^\s+version:\s*(.*)$/);
    if (version && /^(file:|git|https?:|github:)/.test(version[1].trim())) problems.push(`${at}: a dependency from outside the registry: ${version[1].trim()}`);
  });
  if (resolutions === 0) problems.push('no package resolutions found: is this a pnpm lockfile?');
  return { problems, resolutions };
}

/** A registry setting in .npmrc / pnpm-workspace.yaml other than npm's own. */
function registryProblems(root) {
  const problems = [];
  for (const file of ['.npmrc', 'pnpm-workspace.yaml']) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) continue;
    for (const m of fs.readFileSync(full, 'utf8').matchAll(/registry\s*[=:]\s*(\S+)/g)) {
      if (!/^['"]?https:\/\/registry\.npmjs\.org\/?['"]?$/.test(m[1])) problems.push(`${file}: registry ${m[1]}`);
    }
  }
  return problems;
}

module.exports = { lockfileProblems, registryProblems };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const file = process.argv[2] ?? path.join(root, 'pnpm-lock.yaml');
  const { problems, resolutions } = lockfileProblems(fs.readFileSync(file, 'utf8'));
  problems.push(...registryProblems(root));
  if (problems.length) {
    console.error(`pnpm-lock.yaml: ${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
    process.exit(1);
  }
  console.log(`pnpm-lock.yaml: ${resolutions} packages, all from the npm registry with sha512 integrity`);
}
