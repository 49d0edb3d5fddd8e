// What every code-server suite shares: the test harness (one line per test,
// then "N passed, N failed[, N skipped]"), a fresh code-server with the VSIX
// installed and a workspace written from the suite's files, driven by
// Debian's Chromium through playwright-core, and the workbench gestures a
// user makes (Quick Open, the command palette, Problems, saving).
//
// Environment (run.sh sets these):
//   CODE_SERVER  code-server's out/node/entry.js     NODE  Node 24 binary
//   VSIX         the packaged extension              CHROMIUM  /usr/bin/chromium
//   SCRAPLS_ARTIFACTS  where screenshots and logs go (default test-artifacts/vscode)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixtures = path.join(root, 'tests/editors/fixtures');
export const artifacts = path.resolve(process.env.SCRAPLS_ARTIFACTS ?? path.join(root, 'test-artifacts/vscode'));
export const TIMEOUT = Number(process.env.SCRAPLS_TEST_TIMEOUT_MS ?? 60000);
const NODE = process.env.NODE ?? process.execPath;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
fs.mkdirSync(artifacts, { recursive: true });

// ---------------------------------------------------------------------------
// harness

/** Thrown by a test that cannot run here; counted as skipped. */
export class Skip extends Error {}

export function assert(cond, msg) {
  if (!cond) {
    throw new Error(msg);
  }
}

/** Polls `fn` until it returns something truthy (returned), or throws after `timeout`. */
export async function waitFor(what, fn, timeout = TIMEOUT) {
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

/** The environment variable `name`; a suite without it fails at once. */
export function must(name) {
  const v = process.env[name];
  if (!v) {
    console.log(`FAIL - environment variable ${name} is not set`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return v;
}

/** Counts results; `failure` takes a screenshot name when a test fails. */
export function harness(failure = async () => {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  return {
    async test(name, fn) {
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
        await failure(`failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
      }
    },
    /** Prints the summary line and exits with the suite's status. */
    finish() {
      console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      process.exit(failed > 0 ? 1 : 0);
    },
  };
}

/** The index of the first line of `text` matching `re` (-1 when none). */
export function lineIndex(text, re) {
  return text.split('\n').findIndex((l) => re.test(l));
}

/** The user settings that keep code-server's first-run noise out of the way. */
const USER_SETTINGS = {
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
};

// ---------------------------------------------------------------------------
// the workbench

/**
 * A fresh code-server: a workspace of `files` (name → text), a user-data dir
 * and an extensions dir in a temporary folder. The product is Korean: the
 * workspace asks for server messages in Korean whatever the UI language.
 */
export class Workbench {
  constructor(name, files) {
    this.name = name;
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `scrapls-${name}-`));
    this.ws = path.join(this.tmp, 'workspace');
    this.userData = path.join(this.tmp, 'user-data');
    this.extDir = path.join(this.tmp, 'extensions');
    for (const d of [this.ws, path.join(this.ws, '.vscode'), path.join(this.userData, 'User'), this.extDir]) {
      fs.mkdirSync(d, { recursive: true });
    }
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(this.ws, file)), { recursive: true });
      fs.writeFileSync(path.join(this.ws, file), text);
    }
    fs.writeFileSync(path.join(this.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    fs.writeFileSync(path.join(this.ws, '.vscode', 'settings.json'), JSON.stringify({ 'scrapls.locale': 'ko' }, null, 2));
    fs.writeFileSync(path.join(this.tmp, 'config.yaml'), 'auth: none\ncert: false\n');
    this.csArgs = [
      must('CODE_SERVER'),
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config', path.join(this.tmp, 'config.yaml'),
      '--user-data-dir', this.userData,
      '--extensions-dir', this.extDir,
    ];
    this.log = fs.createWriteStream(path.join(artifacts, `code-server-${name}.log`));
    this.page = undefined;
  }

  /** Installs the VSIX; returns the path of the server bundled in it. */
  install() {
    const r = spawnSync(NODE, [...this.csArgs, '--install-extension', must('VSIX')], { encoding: 'utf8', timeout: 120000 });
    this.log.write(r.stdout + r.stderr);
    assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
    const installed = fs.readdirSync(this.extDir).filter((d) => d.startsWith('scrapls.scrapls-'));
    assert(installed.length === 1, `extension folder in ${this.extDir}: ${fs.readdirSync(this.extDir).join(', ')}`);
    const bundled = path.join(this.extDir, installed[0], 'bin', 'scrapls');
    assert(fs.existsSync(bundled), `the bundled server ${bundled}`);
    return bundled;
  }

  /** Starts code-server and opens the workspace in Chromium. */
  async start() {
    this.server = spawn(NODE, [...this.csArgs, '--bind-addr', '127.0.0.1:0', this.ws], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
    });
    let logText = '';
    const onData = (d) => {
      logText += d.toString();
      this.log.write(d);
    };
    this.server.stdout.on('data', onData);
    this.server.stderr.on('data', onData);
    const m = await waitFor('code-server to listen', () => /HTTP server listening on (http:\/\/\S+)/.exec(logText), 60000);
    const base = m[1].replace(/\/$/, '');
    this.browser = await chromium.launch({
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
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    this.page = await context.newPage();
    this.page.on('pageerror', (e) => this.log.write(`[page error] ${e.message}\n`));
    await this.page.goto(`${base}/?folder=${encodeURIComponent(this.ws)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: TIMEOUT });
  }

  /** Closes the browser and code-server and removes the temporary folder. */
  async close() {
    if (this.browser) {
      await this.browser.close().catch(() => {});
    }
    if (this.server) {
      this.server.kill('SIGTERM');
    }
    this.log.end();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  /** A screenshot in the artifacts folder (none before the page exists). */
  async shot(name) {
    if (!this.page) {
      return undefined;
    }
    const file = path.join(artifacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The text of a workspace file on disk (the test saves the editor first). */
  disk(name) {
    return fs.readFileSync(path.join(this.ws, name), 'utf8');
  }

  /** Closes the quick input (Escape) and waits until it is gone. */
  async dismiss() {
    await this.page.keyboard.press('Escape');
    await this.quickClosed();
  }

  /** Waits until no quick input shows (one closing would swallow the next keys). */
  async quickClosed() {
    await this.page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  }

  /** The quick input's text box, once it shows. */
  async quickInput() {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    return input;
  }

  /** The quick input's rows. */
  quickRows() {
    return this.page.locator('.quick-input-widget .monaco-list-row');
  }

  /** Runs a command from the palette by its title. */
  async command(title) {
    await this.quickClosed();
    await this.page.keyboard.press('F1');
    const input = await this.quickInput();
    await input.fill(`>${title}`);
    await this.quickRows().filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 10000 });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Opens a workspace file through Quick Open; returns its editor. Quick
   * Open re-renders while the file search finishes, and an Enter pressed then
   * can open nothing: the user (and this) tries again.
   */
  async openFile(name) {
    const { page } = this;
    await waitFor(`Quick Open to open ${name}`, async () => {
      await this.quickClosed();
      await page.keyboard.press('Control+P');
      const input = await this.quickInput();
      await input.fill(name);
      // Enter opens the focused row: wait until it is this file's and the
      // rows have stopped changing (the file search adds its section late).
      const focused = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first();
      await focused.waitFor({ timeout: 10000 });
      let before = '';
      await waitFor('Quick Open to settle', async () => {
        const now = (await this.quickRows().allInnerTexts()).join('\n');
        const settled = now === before;
        before = now;
        await page.waitForTimeout(300);
        return settled && (await focused.count()) > 0;
      }, 10000);
      await page.keyboard.press('Enter');
      try {
        await this.activeTab(name, 5000);
        return true;
      } catch (err) {
        await this.dismiss();
        throw err;
      }
    });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 10000 });
    return editor;
  }

  /** Waits until the active editor tab is `name`. */
  async activeTab(name, timeout = 10000) {
    await this.page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout });
  }

  /** The active editor's visible lines, as the user reads them. */
  async editorText() {
    const lines = this.page.locator('.editor-instance .monaco-editor .view-lines').first();
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** Gives the active editor the keyboard. */
  async focusEditor() {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  }

  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.waitForTimeout(300);
  }

  /**
   * Puts the cursor at the start of a line (1-based), then on a character
   * column (1-based) when given. The arrow keys count characters; Go to
   * Line's own `:line:column` counts display columns, two per Hangul syllable.
   */
  async gotoLine(n, column) {
    await this.quickClosed();
    await this.page.keyboard.press('Control+G');
    const input = await this.quickInput();
    await input.fill(`:${n}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10000 });
    if (!column) {
      return;
    }
    const where = this.page.locator('.statusbar-item[id="status.editor.selection"]');
    await waitFor(`the cursor at line ${n}`, async () => (await where.innerText()).startsWith(`Ln ${n}, Col 1`), 10000);
    for (let i = 1; i < column; i++) {
      await this.page.keyboard.press('ArrowRight');
    }
    await waitFor(`the cursor at ${n}:${column}`, async () => (await where.innerText()).startsWith(`Ln ${n}, Col ${column}`), 10000);
  }

  /** Opens the Problems panel if it is hidden. */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor({ state: 'visible', timeout: 10000 });
  }

  /** The Problems panel's entries, each with the file it is listed under. */
  async problems() {
    await this.showProblems();
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => {
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

  /** Waits until the Problems panel does (or does not) list `code` for `file`; returns the entry. */
  async waitProblem(file, code, present, timeout = TIMEOUT) {
    let entry;
    await waitFor(`Problems ${present ? 'to list' : 'to drop'} ${code} in ${file}`, async () => {
      entry = (await this.problems()).find((p) => p.file === file && p.text.includes(code));
      return Boolean(entry) === present;
    }, timeout);
    return entry;
  }
}
