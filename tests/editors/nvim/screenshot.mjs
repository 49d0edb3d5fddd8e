// A screenshot of Neovim showing a scrapls diagnostic, for the README: the real
// nvim runs in tmux, its screen (with colours) is captured and rendered by
// Chromium. Prints "N passed, N failed".
//
// Environment: NVIM, SCRAPLS_BIN, CHROMIUM, SCRAPLS_ARTIFACTS.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const artifacts = path.resolve(process.env.SCRAPLS_ARTIFACTS ?? path.join(root, 'test-artifacts/nvim'));
const NVIM = process.env.NVIM ?? 'nvim';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const COLS = 100;
const ROWS = 30;
fs.mkdirSync(artifacts, { recursive: true });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-nvim-shot-'));
const file = path.join(tmp, '2026-03-04-반도체.scrap.md');
fs.copyFileSync(path.join(root, 'tests/editors/fixtures/missing-insight.scrap.md'), file);
const ready = path.join(tmp, 'ready');
const session = `scrapls-shot-${process.pid}`;
const socket = path.join(tmp, 'tmux.sock');
const tmux = (...args) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });

// SGR escape codes to HTML, cell by cell (wide characters take two cells).
const PALETTE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
function color256(n) {
  if (n < 16) return PALETTE[n];
  if (n < 232) {
    const v = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `rgb(${v[Math.floor(i / 36)]},${v[Math.floor(i / 6) % 6]},${v[i % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
}
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isWide = (cp) =>
  (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff);
function ansiToHtml(text, defFg, defBg) {
  const lines = [];
  let st = { fg: null, bg: null, bold: false, italic: false, underline: false, reverse: false };
  for (const raw of text.split('\n')) {
    let html = '';
    const re = /\x1b\[([0-9;:]*)m|([^\x1b]+)/g;
    let m;
    while ((m = re.exec(raw))) {
      if (m[1] !== undefined) {
        const p = m[1] === '' ? [0] : m[1].split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
        for (let i = 0; i < p.length; i++) {
          const c = p[i];
          if (c === 0) st = { fg: null, bg: null, bold: false, italic: false, underline: false, reverse: false };
          else if (c === 1) st.bold = true;
          else if (c === 3) st.italic = true;
          else if (c === 4) st.underline = true;
          else if (c === 7) st.reverse = true;
          else if (c === 22) st.bold = false;
          else if (c === 23) st.italic = false;
          else if (c === 24) st.underline = false;
          else if (c === 27) st.reverse = false;
          else if (c >= 30 && c <= 37) st.fg = PALETTE[c - 30];
          else if (c >= 90 && c <= 97) st.fg = PALETTE[c - 90 + 8];
          else if (c >= 40 && c <= 47) st.bg = PALETTE[c - 40];
          else if (c >= 100 && c <= 107) st.bg = PALETTE[c - 100 + 8];
          else if (c === 39) st.fg = null;
          else if (c === 49) st.bg = null;
          else if (c === 38 || c === 48 || c === 58) {
            let col;
            if (p[i + 1] === 5) { col = color256(p[i + 2]); i += 2; }
            else if (p[i + 1] === 2) {
              // 38;2;r;g;b or 38:2::r:g:b
              const rgb = p.length - i >= 6 && m[1].includes(':') ? p.slice(i + 3, i + 6) : p.slice(i + 2, i + 5);
              col = `rgb(${rgb.join(',')})`;
              i += m[1].includes(':') ? 5 : 4;
            }
            if (c === 38) st.fg = col; else if (c === 48) st.bg = col;
          }
        }
      } else {
        let fg = st.fg ?? defFg;
        let bg = st.bg ?? defBg;
        if (st.reverse) [fg, bg] = [bg, fg];
        const style = `color:${fg};background:${bg};${st.bold ? 'font-weight:bold;' : ''}${st.italic ? 'font-style:italic;' : ''}${st.underline ? 'text-decoration:underline;' : ''}`;
        let inner = '';
        for (const ch of m[2]) {
          inner += isWide(ch.codePointAt(0)) ? `<span class="w">${escapeHtml(ch)}</span>` : escapeHtml(ch);
        }
        html += `<span style="${style}">${inner}</span>`;
      }
    }
    lines.push(`<div class="l">${html}</div>`);
  }
  return lines.join('');
}

let passed = 0;
let failed = 0;
try {
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', session, '-c', tmp, '-x', String(COLS), '-y', String(ROWS),
    '-e', `SCRAPLS_BIN=${process.env.SCRAPLS_BIN ?? 'scrapls'}`, '-e', `SCRAPLS_READY_FILE=${ready}`,
    '-e', 'TERM=tmux-256color', '-e', 'COLORTERM=truecolor', '-e', 'LANG=C.UTF-8',
    `${NVIM} --clean -u '${path.join(here, 'screenshot-init.lua')}' '${path.basename(file)}'`);
  tmux('set-option', '-g', 'default-terminal', 'tmux-256color');
  tmux('set-option', '-ga', 'terminal-overrides', ',*:Tc');
  tmux('set-option', '-g', 'status', 'off');
  const end = Date.now() + 30000;
  while (!fs.existsSync(ready) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!fs.existsSync(ready)) throw new Error('no diagnostic appeared in Neovim within 30 s');
  await new Promise((r) => setTimeout(r, 500));
  const screen = tmux('capture-pane', '-p', '-e', '-t', session);
  fs.writeFileSync(path.join(artifacts, 'nvim-screen.txt'), screen.replace(/\x1b\[[0-9;:]*m/g, ''));
  const plain = screen.replace(/\x1b\[[0-9;:]*m/g, '');
  if (!/[\uac00-\ud7a3]/.test(plain) || !/scrapls|섹션|section/.test(plain)) {
    throw new Error(`the screen shows no scrapls diagnostic:\n${plain}`);
  }
  const body = ansiToHtml(screen.replace(/\n$/, ''), '#e0e2ea', '#14161b');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;background:#14161b}
    #t{display:inline-block;padding:10px 12px;background:#14161b;font:15px/1.35 'DejaVu Sans Mono','NanumGothicCoding','NanumGothic',monospace;white-space:pre}
    .l{height:1.35em}.w{display:inline-block;width:2ch;text-align:center;font-family:'NanumGothic','NanumGothicCoding',sans-serif}
  </style><div id="t">${body}</div>`;
  fs.writeFileSync(path.join(artifacts, 'nvim-screen.html'), html);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent(html);
    await page.locator('#t').screenshot({ path: path.join(artifacts, 'nvim-diagnostic.png') });
  } finally {
    await browser.close();
  }
  passed++;
  console.log('ok   - Neovim shows the missing-section diagnostic (nvim-diagnostic.png)');
} catch (err) {
  failed++;
  console.log(`FAIL - Neovim screenshot\n    ${String(err.stack ?? err).replace(/\n/g, '\n    ')}`);
} finally {
  spawnSync('tmux', ['-S', socket, 'kill-server']);
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
