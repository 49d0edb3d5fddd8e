// Packages the extension into a .vsix with @vscode/vsce.
//
//   node scripts/package.mjs [--binary PATH [--target linux-x64]] [--out FILE]
//
// Without --binary: a universal VSIX that finds `scrapls` through the
// `scrapls.path` setting or PATH. With --binary: a platform-specific VSIX with
// the server bundled as bin/scrapls (found before PATH).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function opt(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const binary = opt('--binary');
const platformTarget = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
const target = opt('--target') ?? (binary ? platformTarget : undefined);
const out = path.resolve(opt('--out') ?? path.join(root, target ? `scrapls-${target}-${pkg.version}.vsix` : `scrapls-${pkg.version}.vsix`));

const binDir = path.join(root, 'bin');
fs.rmSync(binDir, { recursive: true, force: true });
if (binary) {
  const exe = target && target.startsWith('win32') ? 'scrapls.exe' : 'scrapls';
  fs.mkdirSync(binDir, { recursive: true });
  fs.copyFileSync(binary, path.join(binDir, exe));
  fs.chmodSync(path.join(binDir, exe), 0o755);
}

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsceArgs = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out];
if (target) {
  vsceArgs.push('--target', target);
}
const r = spawnSync(process.execPath, vsceArgs, { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  process.exit(r.status ?? 1);
}
console.log(`VSIX: ${out}`);
