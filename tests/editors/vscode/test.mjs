// Real-editor tests of the VS Code extension: code-server (VS Code in the
// browser) with the packaged VSIX installed, driven by Debian's Chromium via
// playwright-core (the shared workbench is in workbench.mjs). Prints one line
// per test, then "N passed, N failed".
//
// Environment (run.sh sets these):
//   CODE_SERVER  code-server's out/node/entry.js     NODE  Node 24 binary
//   VSIX         the packaged extension              CHROMIUM  /usr/bin/chromium
//   SCRAPLS_ARTIFACTS  where screenshots and logs go (default test-artifacts/vscode)
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TIMEOUT, Workbench, assert, fixtures, harness, lineIndex, waitFor } from './workbench.mjs';

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
const missing = fs.readFileSync(path.join(fixtures, 'missing-insight.scrap.md'), 'utf8');
const wb = new Workbench('main', {
  'fetch.scrap.md': fs.readFileSync(path.join(fixtures, 'fetch.scrap.md'), 'utf8').replaceAll('{{PORT}}', String(web.address().port)),
  'quickfix.scrap.md': missing,
  'completion.scrap.md': missing,
  'command.scrap.md': missing,
});
const { test, finish } = harness((name) => wb.shot(name));
let page;
const shot = (name) => wb.shot(name);
const disk = (name) => wb.disk(name);
const command = (title) => wb.command(title);
const openFile = (name) => wb.openFile(name);
const save = () => wb.save();
const gotoLine = (n) => wb.gotoLine(n);
const waitProblem = (...args) => wb.waitProblem(...args);

const INSIGHT_HEADING = /^#{1,3} 기사 내용의 수치화, 인사이트\s*$/;

try {
  await test('the VSIX installs into code-server', async () => {
    wb.install();
  });

  await test('code-server starts and the workbench loads', async () => {
    await wb.start();
    page = wb.page;
  });

  let editor;
  await test('a scrap missing its insight section shows an error squiggle with a Korean message', async () => {
    editor = await openFile('quickfix.scrap.md');
    const lang = page.locator('.statusbar-item[id="status.editor.mode"]');
    await waitFor('the language mode "Scrap"', async () => /Scrap/.test(await lang.innerText()), 20000);
    // A squiggle that is laid out: a decoration can be in the page before
    // it has a size (a re-render under load), and a pointer cannot rest on it.
    const squiggle = page.locator('.monaco-editor .squiggly-error').filter({ visible: true }).first();
    await squiggle.waitFor({ state: 'visible', timeout: TIMEOUT });
    // A hover shows after the pointer rests on the squiggle; under load the
    // first rest can be missed (or the squiggle re-rendered under it), so
    // move away and back a few times.
    const hover = page.locator('.monaco-hover').filter({ hasText: 'scrapls' }).first();
    for (let attempt = 1; ; attempt++) {
      try {
        await page.mouse.move(5, 5);
        await squiggle.hover({ force: true, timeout: 5000 });
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
    const squiggle = page.locator('.monaco-editor .squiggly-error').filter({ visible: true }).first();
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
  await wb.close();
  web.close();
}
finish();
