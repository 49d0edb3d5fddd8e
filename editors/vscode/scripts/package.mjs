// Packages the extension into a .vsix with @vscode/vsce.
//
//   npm run package [-- OPTIONS]          (same as: node scripts/package.mjs [OPTIONS])
//
//   (no option)        the platform VSIX of this machine (e.g. scrapls-linux-x64-0.1.0.vsix)
//                      with the server inside, built by `cargo build --profile dist`
//   --binary PATH      bundle this server binary instead of building one
//   --target T         the VS Code platform of the binary (default: this machine's)
//   --universal        a VSIX without a server, which uses `scrapls.path` or PATH
//   --out FILE         where to write the VSIX
//   --repository URL   the source repository recorded in the VSIX (default: package.json's
//                      `repository`, else the clone's `origin` remote, else its file:// URL)
//
// The VSIX is built from a staging folder: the files vsce would pack from here
// (.vscodeignore applies), the server as bin/scrapls, the licence texts of the
// repository as LICENSE.txt, and package.json with `repository` filled in.
// Nothing is written into the source tree except dist/ (the esbuild bundle).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(root, '../..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const known = new Set(['--binary', '--target', '--universal', '--out', '--repository']);
for (const a of args) {
  if (a.startsWith('--') && !known.has(a)) {
    fail(`unknown option ${a} (known: ${[...known].join(', ')})`);
  }
}
function opt(name) {
  const i = args.indexOf(name);
  if (i < 0) {
    return undefined;
  }
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) {
    fail(`${name} needs a value`);
  }
  return v;
}
function fail(msg) {
  console.error(`package: ${msg}`);
  process.exit(1);
}
function run(cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    fail(`${cmd} ${cmdArgs.join(' ')} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
  }
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const universal = args.includes('--universal');
const hostTarget = `${process.platform}-${process.arch}`;
const target = universal ? undefined : (opt('--target') ?? hostTarget);
if (universal && (opt('--binary') || opt('--target'))) {
  fail('--universal takes no --binary or --target');
}
const out = path.resolve(opt('--out') ?? path.join(root, target ? `scrapls-${target}-${pkg.version}.vsix` : `scrapls-${pkg.version}.vsix`));

/** Builds the server with cargo and returns the binary's path. */
function buildServer() {
  if (target !== hostTarget) {
    fail(`building the server for ${target} on ${hostTarget} is not supported: give --binary`);
  }
  console.log('package: building the server (cargo build --profile dist --bin scrapls)');
  const r = spawnSync('cargo', ['build', '--profile', 'dist', '--bin', 'scrapls', '--message-format', 'json-render-diagnostics'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    fail(`cargo build failed (${r.error ? r.error.message : `exit ${r.status}`})`);
  }
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) {
      continue;
    }
    const msg = JSON.parse(line);
    if (msg.reason === 'compiler-artifact' && msg.target?.name === 'scrapls' && msg.executable) {
      return msg.executable;
    }
  }
  fail('cargo reported no scrapls executable');
}

function repositoryUrl() {
  const given = opt('--repository') ?? pkg.repository;
  if (given) {
    return given;
  }
  const r = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: repo, encoding: 'utf8' });
  const remote = r.status === 0 ? r.stdout.trim() : '';
  return { type: 'git', url: remote || pathToFileURL(repo).href, directory: 'editors/vscode' };
}

const binary = universal ? undefined : path.resolve(opt('--binary') ?? buildServer());
if (binary && !fs.existsSync(binary)) {
  fail(`no server binary at ${binary}`);
}
if (binary && target === hostTarget) {
  // The extension and the server it carries are one release.
  const said = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (said !== `scrapls ${pkg.version}`) {
    fail(`${binary} says "${said}", but the extension is ${pkg.version}: bundle the same release`);
  }
}

run(process.execPath, [path.join(root, 'esbuild.mjs'), '--production'], root);

const { listFiles } = require('@vscode/vsce');
const files = await listFiles({ cwd: root, dependencies: false });
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-vsix-'));
try {
  for (const f of files) {
    // The manifest is written below; a server left in bin/ by an earlier
    // build is never packed (it may be another version): only the one
    // chosen here goes in.
    if (f === 'package.json' || f.startsWith('bin/')) {
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(stage, f));
  }
  const manifest = { ...pkg, repository: repositoryUrl() };
  delete manifest.scripts; // built above; vsce must not run vscode:prepublish in the stage
  delete manifest.devDependencies;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  // Everything staged is packed; .vscodeignore was applied when listing.
  fs.writeFileSync(path.join(stage, '.vscodeignore'), '.vscodeignore\n');
  const licence = ['LICENSE-MIT', 'LICENSE-APACHE'].map((f) => fs.readFileSync(path.join(repo, f), 'utf8'));
  fs.writeFileSync(
    path.join(stage, 'LICENSE.txt'),
    `scrapls is licensed under either of the MIT licence or the Apache License 2.0, at your option (MIT OR Apache-2.0).\n\n` +
      `${'='.repeat(78)}\nMIT\n${'='.repeat(78)}\n\n${licence[0]}\n${'='.repeat(78)}\nApache-2.0\n${'='.repeat(78)}\n\n${licence[1]}`,
  );
  if (binary) {
    const exe = target.startsWith('win32') ? 'scrapls.exe' : 'scrapls';
    fs.mkdirSync(path.join(stage, 'bin'), { recursive: true });
    fs.copyFileSync(binary, path.join(stage, 'bin', exe));
    fs.chmodSync(path.join(stage, 'bin', exe), 0o755);
  }
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const vsceArgs = [vsce, 'package', '--no-dependencies', '--out', out];
  if (target) {
    vsceArgs.push('--target', target);
  }
  run(process.execPath, vsceArgs, stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
console.log(`VSIX: ${out}${binary ? ` (server: ${binary})` : ' (universal: no server inside)'}`);
