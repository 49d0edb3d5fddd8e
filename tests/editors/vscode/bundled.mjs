// The VSIX that scripts/install.sh builds, as a new user meets it: installed
// into a fresh code-server whose PATH has no `scrapls` and whose settings say
// nothing about scrapls. Opening a scrap must start the server inside the
// extension and show its diagnostic. Prints one line per check, then
// "N passed, N failed".
//
// Environment: CODE_SERVER (out/node/entry.js), NODE (Node 24), VSIX, CHROMIUM,
// SCRAPLS_ARTIFACTS (logs, screenshots), PATH (already without scrapls).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const artifacts = path.resolve(process.env.SCRAPLS_ARTIFACTS ?? path.join(root, 'test-artifacts/install'));
const { CODE_SERVER, VSIX, NODE = process.execPath, CHROMIUM = '/usr/bin/chromium' } = process.env;
const TIMEOUT = 60000;
fs.mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok   - ${name}`);
  } else {
    failed++;
    console.log(`FAIL - ${name}${detail ? `\n    ${String(detail).replace(/\n/g, '\n    ')}` : ''}`);
  }
  return ok;
}

const onPath = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && fs.existsSync(path.join(d, 'scrapls')));
check('no scrapls on PATH', onPath.length === 0, `found in ${onPath.join(', ')}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-bundled-'));
const ws = path.join(tmp, 'workspace');
const userData = path.join(tmp, 'user-data');
const extDir = path.join(tmp, 'extensions');
for (const d of [ws, path.join(userData, 'User'), extDir]) {
  fs.mkdirSync(d, { recursive: true });
}
fs.copyFileSync(path.join(root, 'tests/editors/fixtures/missing-insight.scrap.md'), path.join(ws, 'first.scrap.md'));
// Only the workbench's own first-run noise is turned off; nothing about scrapls.
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'chat.disableAIFeatures': true }),
);
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
const csArgs = [CODE_SERVER, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override', '--ignore-last-opened', '--config', path.join(tmp, 'config.yaml'),
  '--user-data-dir', userData, '--extensions-dir', extDir];
const log = fs.createWriteStream(path.join(artifacts, 'code-server-bundled.log'));

/** PIDs of running processes whose executable is `exe`. */
function processesOf(exe) {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return fs.readlinkSync(`/proc/${p}/exe`) === exe;
    } catch {
      return false;
    }
  });
}
async function waitFor(fn, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const v = await fn().catch(() => undefined);
    if (v) {
      return v;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

let server;
let browser;
try {
  const r = spawnSync(NODE, [...csArgs, '--install-extension', VSIX], { encoding: 'utf8', timeout: 120000 });
  log.write(r.stdout + r.stderr);
  const installed = fs.readdirSync(extDir).find((d) => d.startsWith('scrapls.scrapls-'));
  const bundled = installed && path.join(extDir, installed, 'bin', 'scrapls');
  if (check('the VSIX installs, with its server inside', r.status === 0 && bundled && fs.existsSync(bundled), `exit ${r.status}: ${r.stderr}`)) {
    server = spawn(NODE, [...csArgs, '--bind-addr', '127.0.0.1:0', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    for (const s of [server.stdout, server.stderr]) {
      s.on('data', (d) => {
        text += d;
        log.write(d);
      });
    }
    const base = (await waitFor(async () => /HTTP server listening on (http:\/\/\S+)/.exec(text)?.[1]))?.replace(/\/$/, '');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=en-US'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: TIMEOUT });
    // Quick Open; the file search can be slow on a loaded machine, so ask again until it lists the file.
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'first.scrap.md' }).first();
    const listed = await waitFor(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill('first.scrap.md');
      await row.waitFor({ state: 'visible', timeout: 10000 });
      return true;
    }, TIMEOUT * 2);
    check('Quick Open finds the scrap', listed);
    await page.keyboard.press('Enter');
    const squiggle = await waitFor(async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0);
    await page.screenshot({ path: path.join(artifacts, 'vscode-bundled.png') });
    check('opening a scrap shows the server\'s error squiggle', squiggle);
    const running = processesOf(fs.realpathSync(bundled));
    check('the server running is the one inside the extension', running.length > 0, `no process runs ${bundled}`);
  }
} catch (err) {
  check('code-server session', false, err && err.stack ? err.stack : err);
} finally {
  await browser?.close().catch(() => {});
  server?.kill('SIGTERM');
  log.end();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
