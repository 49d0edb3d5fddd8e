// Real-editor tests of the VS Code extension: code-server (VS Code in the
// browser) with the packaged VSIX installed, driven by Debian's Chromium via
// playwright-core. Prints one line per test, then "N passed, N failed".
//
// Environment (run.sh sets these):
//   CODE_SERVER  code-server's out/node/entry.js     NODE  Node 24 binary
//   VSIX         the packaged extension              CHROMIUM  /usr/bin/chromium
//   SCRAPLS_ARTIFACTS  where screenshots and logs go (default test-artifacts/vscode)
import { spawn, spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const fixtures = path.join(root, 'tests/editors/fixtures');
const artifacts = path.resolve(process.env.SCRAPLS_ARTIFACTS ?? path.join(root, 'test-artifacts/vscode'));
const NODE = process.env.NODE ?? process.execPath;
const CODE_SERVER = must('CODE_SERVER');
const VSIX = must('VSIX');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env.SCRAPLS_TEST_TIMEOUT_MS ?? 60000);

function must(name) {
  const v = process.env[name];
  if (!v) {
    console.log(`FAIL - environment variable ${name} is not set`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return v;
}

fs.mkdirSync(artifacts, { recursive: true });

// ---------------------------------------------------------------------------
// harness
let passed = 0;
let failed = 0;
let skipped = 0;
class Skip extends Error {}
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   - ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    if (err instanceof Skip) {
      skipped++;
      console.log(`skip - ${name}: ${err.message}`);
      return;
    }
    failed++;
    console.log(`FAIL - ${name} (${Date.now() - t0} ms)\n    ${String(err && err.stack ? err.stack : err).replace(/\n/g, '\n    ')}`);
    await shot(`failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
  }
}
function assert(cond, msg) {
  if (!cond) {
    throw new Error(msg);
  }
}
async function waitFor(what, fn, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) {
        return v;
      }
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

// ---------------------------------------------------------------------------
// a workspace, a user-data dir and an extensions dir, all fresh
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-code-server-'));
const ws = path.join(tmp, 'workspace');
const userData = path.join(tmp, 'user-data');
const extDir = path.join(tmp, 'extensions');
for (const d of [ws, path.join(ws, '.vscode'), path.join(userData, 'User'), extDir]) {
  fs.mkdirSync(d, { recursive: true });
}
// The article page, served on 127.0.0.1 for the fetch commands.
const article = fs.readFileSync(path.join(fixtures, 'article.html'));
const hits = [];
const web = http.createServer((req, res) => {
  hits.push(req.url);
  if (req.url === '/news/battery.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': article.length });
    res.end(article);
  } else {
    res.writeHead(404).end('not found');
  }
});
await new Promise((r) => web.listen(0, '127.0.0.1', r));
const ARTICLE_URL = `http://127.0.0.1:${web.address().port}/news/battery.html`;
fs.writeFileSync(
  path.join(ws, 'fetch.scrap.md'),
  fs.readFileSync(path.join(fixtures, 'fetch.scrap.md'), 'utf8').replaceAll('{{PORT}}', String(web.address().port)),
);
const missing = fs.readFileSync(path.join(fixtures, 'missing-insight.scrap.md'), 'utf8');
for (const name of ['quickfix.scrap.md', 'completion.scrap.md', 'command.scrap.md']) {
  fs.writeFileSync(path.join(ws, name), missing);
}
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'editor.fontSize': 15,
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'window.zoomLevel': 0,
    },
    null,
    2,
  ),
);
// The product is Korean: server messages in Korean whatever the UI language.
fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'scrapls.locale': 'ko' }, null, 2));

const csArgs = [
  CODE_SERVER,
  '--auth', 'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--ignore-last-opened',
  '--config', path.join(tmp, 'config.yaml'),
  '--user-data-dir', userData,
  '--extensions-dir', extDir,
];
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
const csLog = fs.createWriteStream(path.join(artifacts, 'code-server.log'));

let server;
let browser;
let page;
let base;

async function shot(name) {
  if (!page) {
    return undefined;
  }
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The text of the file on disk (the test saves the editor first). */
function disk(name) {
  return fs.readFileSync(path.join(ws, name), 'utf8');
}

async function command(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 10000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 10000 });
  return editor;
}

async function save() {
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(300);
}

async function gotoLine(n) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${n}`);
  await page.keyboard.press('Enter');
}

/** Opens the Problems panel if it is hidden. */
async function showProblems() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible', timeout: 10000 });
}

/** The Problems panel's entries, each with the file it is listed under. */
async function problems() {
  await showProblems();
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => {
    let file = '';
    const out = [];
    for (const e of els) {
      const label = e.getAttribute('aria-label') ?? '';
      const m = /problems? in file (\S+)/.exec(label);
      if (m) {
        file = m[1];
        continue;
      }
      out.push({ file, label, text: e.innerText });
    }
    return out;
  });
}

/** Waits until the Problems panel does (or does not) list `code` for `file`. */
async function waitProblem(file, code, present, timeout = TIMEOUT) {
  await waitFor(`Problems ${present ? 'to list' : 'to drop'} ${code} in ${file}`, async () => {
    const has = (await problems()).some((p) => p.file === file && p.text.includes(code));
    return has === present;
  }, timeout);
}

function lineIndex(text, re) {
  return text.split('\n').findIndex((l) => re.test(l));
}

const INSIGHT_HEADING = /^#{1,3} 기사 내용의 수치화, 인사이트\s*$/;

try {
  await test('the VSIX installs into code-server', async () => {
    const r = spawnSync(NODE, [...csArgs, '--install-extension', VSIX], { encoding: 'utf8', timeout: 120000 });
    csLog.write(r.stdout + r.stderr);
    assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
    const installed = fs.readdirSync(extDir).filter((d) => d.startsWith('scrapls.scrapls-'));
    assert(installed.length === 1, `extension folder in ${extDir}: ${fs.readdirSync(extDir).join(', ')}`);
    const bundled = path.join(extDir, installed[0], 'bin', 'scrapls');
    assert(fs.existsSync(bundled), `the bundled server ${bundled}`);
  });

  await test('code-server starts and the workbench loads', async () => {
    server = spawn(NODE, [...csArgs, '--bind-addr', '127.0.0.1:0', ws], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
    });
    let logText = '';
    const onData = (d) => {
      logText += d.toString();
      csLog.write(d);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    const m = await waitFor('code-server to listen', () => /HTTP server listening on (http:\/\/\S+)/.exec(logText), 60000);
    base = m[1].replace(/\/$/, '');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-gpu',
        '--lang=en-US',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (e) => csLog.write(`[page error] ${e.message}\n`));
    await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: TIMEOUT });
  });

  let editor;
  await test('a scrap missing its insight section shows an error squiggle with a Korean message', async () => {
    editor = await openFile('quickfix.scrap.md');
    const lang = page.locator('.statusbar-item[id="status.editor.mode"]');
    await waitFor('the language mode "Scrap"', async () => /Scrap/.test(await lang.innerText()), 20000);
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ state: 'attached', timeout: TIMEOUT });
    // A hover shows after the pointer rests on the squiggle; under load the
    // first rest can be missed, so move away and back a few times.
    const hover = page.locator('.monaco-hover').filter({ hasText: 'scrapls' }).first();
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(5, 5);
      await squiggle.hover({ force: true });
      try {
        await hover.waitFor({ state: 'visible', timeout: 7000 });
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
    const text = await hover.innerText();
    assert(/missing-section/.test(text), `hover names the code: ${text}`);
    assert(/[\uac00-\ud7a3]/.test(text), `hover message in Korean: ${text}`);
    // Let the hover finish asking for quick fixes before the picture.
    await waitFor('the hover to offer a quick fix', async () => /Quick Fix/.test(await hover.innerText()), 5000).catch(() => {});
    await shot('vscode-diagnostic');
  });

  await test('the Problems panel lists the missing section', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-section' }).first();
    await row.waitFor({ state: 'visible', timeout: 15000 });
    const text = await row.innerText();
    assert(/scrapls/.test(text), `source shown: ${text}`);
    assert(/인사이트|insight/i.test(text), `names the insight section: ${text}`);
    await shot('vscode-problems');
  });

  await test('the quick fix inserts the section (checked in the saved file)', async () => {
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.click({ force: true });
    await page.keyboard.press('Control+.');
    const item = page
      .locator('.action-widget .monaco-list-row, .context-view .action-widget li')
      .filter({ hasText: /누락된 섹션 추가: 기사 내용의 수치화, 인사이트|Insert missing section: 기사 내용의 수치화, 인사이트/ })
      .first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    await shot('vscode-quickfix-menu');
    await item.click();
    await save();
    const text = await waitFor('the saved heading', () => {
      const t = disk('quickfix.scrap.md');
      return lineIndex(t, INSIGHT_HEADING) >= 0 ? t : undefined;
    }, 10000);
    const body = lineIndex(text, /^## 본문/);
    const insight = lineIndex(text, INSIGHT_HEADING);
    const summary = lineIndex(text, /^## 요약 및 의견/);
    assert(body < insight && insight < summary, `in template order (${body} < ${insight} < ${summary}):\n${text}`);
    assert(text.includes('무역수지는 31억 달러 흑자를 기록했다.'), 'body text kept');
    await waitProblem('quickfix.scrap.md', 'missing-section', false, 15000);
  });

  await test('completion offers the missing section first and accepting it inserts the heading', async () => {
    editor = await openFile('completion.scrap.md');
    await waitProblem('completion.scrap.md', 'missing-section', true);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    const summaryLine = lineIndex(disk('completion.scrap.md'), /^## 요약 및 의견/) + 1;
    await gotoLine(summaryLine);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('##');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    try {
      await widget.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      await page.keyboard.press('Control+Space');
      await widget.waitFor({ state: 'visible', timeout: 15000 });
    }
    const rows = widget.locator('.monaco-list-row');
    await waitFor('a completion for the insight section', async () => (await rows.filter({ hasText: '인사이트' }).count()) > 0, 15000);
    const first = await rows.first().getAttribute('aria-label');
    await shot('vscode-completion');
    assert(/인사이트/.test(first ?? ''), `the first item is the missing section: ${first}`);
    await rows.filter({ hasText: '인사이트' }).first().click();
    await page.keyboard.press('Escape');
    await save();
    const text = disk('completion.scrap.md');
    assert(lineIndex(text, INSIGHT_HEADING) >= 0, `heading inserted:\n${text}`);
    assert(!/^###?#? ?##/m.test(text), `no doubled hashes:\n${text}`);
    await waitProblem('completion.scrap.md', 'missing-section', false, 15000);
  });

  await test('the command "Scrap: Insert All Missing Sections" runs the server command', async () => {
    editor = await openFile('command.scrap.md');
    await waitProblem('command.scrap.md', 'missing-section', true);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await command('Scrap: Insert All Missing Sections');
    await waitProblem('command.scrap.md', 'missing-section', false, 15000);
    await save();
    const text = disk('command.scrap.md');
    assert(lineIndex(text, INSIGHT_HEADING) >= 0, `heading inserted:\n${text}`);
    assert(text.includes('반도체 단가 변동'), 'text kept');
  });

  await test('the command "Scrap: Fetch Article into This Scrap" fills headline and body from a local page', async () => {
    editor = await openFile('fetch.scrap.md');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await command('Scrap: Fetch Article into This Scrap');
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await waitFor('the headline in the editor', async () =>
      (await lines.innerText()).replace(/\u00a0/g, ' ').includes('배터리 3사 1분기 영업이익 40% 감소'), 20000);
    await save();
    const text = disk('fetch.scrap.md');
    assert(text.includes('배터리 3사 1분기 영업이익 40% 감소'), `headline saved:\n${text}`);
    assert(text.includes('합산 영업이익이 8천억 원으로'), `body saved:\n${text}`);
    assert(!text.includes('무단 전재'), `page chrome left out:\n${text}`);
    assert(hits.includes('/news/battery.html'), `the page was requested: ${hits}`);
  });

  await test('the command "Scrap: New Scrap from URL…" opens a new scrap', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('>Scrap: New Scrap from URL');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'New Scrap from URL' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await waitFor('the URL prompt', async () => /Address of the news article/.test(await page.locator('.quick-input-widget').innerText()), 10000);
    await input.fill(ARTICLE_URL);
    await page.keyboard.press('Enter');
    await page.locator('.tab.active[aria-label*="Untitled"]').waitFor({ timeout: 20000 });
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await waitFor('the fetched article in the new editor', async () => {
      const t = (await lines.innerText()).replace(/\u00a0/g, ' ');
      return t.includes('배터리 3사 1분기 영업이익 40% 감소') && t.includes('기사링크');
    }, 20000);
    const lang = page.locator('.statusbar-item[id="status.editor.mode"]');
    assert(/Scrap/.test(await lang.innerText()), 'the new editor is in the Scrap language');
  });

  await test('the output channel is a log channel with the server start', async () => {
    await command('Scrap: Show Language Server Output');
    const out = page.locator('.panel .monaco-editor .view-lines').first();
    const text = await waitFor('the server start line', async () => {
      const t = (await out.innerText()).replace(/\n/g, '').replace(/\u00a0/g, ' ');
      return /\[info\] Starting .*scrapls serve/.test(t) ? t : undefined;
    }, 15000);
    // The VSIX under test is the platform one: the bundled binary is found
    // before PATH.
    assert(/found via bundled/.test(text), `found via the bundled binary: ${text}`);
  });
} finally {
  if (browser) {
    await browser.close().catch(() => {});
  }
  if (server) {
    server.kill('SIGTERM');
  }
  csLog.end();
  web.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
