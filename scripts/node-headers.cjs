// Runs before `pnpm install` builds native dependencies (better-sqlite3).
// Offline, node-gyp cannot download Node's headers; Debian's nodejs ships them under
// /usr/include/node. pnpm 12 ignores `nodedir` in .npmrc, so point node-gyp's header
// cache at the local copy instead. With internet this is harmless: prebuild-install
// fetches a prebuilt binary first.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const localHeaders = '/usr/include/node';
const version = process.version.slice(1);
const cacheRoot = process.env.npm_config_devdir || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'node-gyp');
const target = path.join(cacheRoot, version);

if (fs.existsSync(path.join(localHeaders, 'node.h')) && !fs.existsSync(path.join(target, 'installVersion'))) {
  fs.mkdirSync(path.join(target, 'include'), { recursive: true });
  const link = path.join(target, 'include', 'node');
  if (!fs.existsSync(link)) fs.symlinkSync(localHeaders, link);
  fs.writeFileSync(path.join(target, 'installVersion'), '11\n');
  console.log(`node-gyp: using Node headers from ${localHeaders}`);
}
