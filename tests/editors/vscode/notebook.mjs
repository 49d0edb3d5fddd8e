// Real-editor tests of the notebook in VS Code (code-server with the VSIX):
// a folder with two scraps of one Naver article in two URL shapes, one
// related by tags and one unrelated (tests/editors/fixtures/notebook). The
// duplicate-article warning in Problems with its related location, related-
// link completion accepted into the file, "Scrap: List Scraps" (list, typing,
// a filter, opening), workspace symbols, go to definition on a URL and
// references to a scrap's link.
// Same environment as test.mjs; ends with "N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbench, assert, fixtures, harness, waitFor } from './workbench.mjs';

const folder = path.join(fixtures, 'notebook');
const files = Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
const wb = new Workbench('notebook', files);
const { test, finish } = harness((name) => wb.shot(name));

const RELATED_LINE = '- [반도체 업황 회복 기대](https://example.co.kr/news/3)';

/** The quick input's rows as the user reads them (label, description, detail). */
async function quickTexts() {
  return (await wb.quickRows().allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').replace(/\s*\n\s*/g, ' | '));
}

/** Opens "Scrap: List Scraps" and waits for `count` rows. */
async function listScraps(count) {
  await wb.command('Scrap: List Scraps');
  return waitFor(`${count} scraps in the list`, async () => {
    const rows = await quickTexts();
    return rows.length === count && rows.every((r) => r.includes('scrap.md')) ? rows : undefined;
  }, 20000);
}

try {
  await test('the VSIX installs and the workbench opens the folder of scraps', async () => {
    wb.install();
    await wb.start();
  });
  const { page } = wb;

  await test('an article scrapped twice shows a duplicate-article warning pointing at the other file', async () => {
    await wb.openFile('a.scrap.md');
    const entry = await wb.waitProblem('a.scrap.md', 'duplicate-article', true);
    assert(/b\.scrap\.md/.test(entry.text), `names the other file: ${entry.text}`);
    assert(/Warning/i.test(entry.label), `a warning: ${entry.label}`);
    assert(/\[Ln 11, Col 1\]/.test(entry.text), `on the link line: ${entry.text}`);
    // The related location is listed under the entry.
    const related = await waitFor('the related location in Problems', async () =>
      (await wb.problems()).find((p) => p.file === 'a.scrap.md' && /같은 기사의 링크/.test(p.text)), 15000);
    assert(/b\.scrap\.md/.test(related.text) && /11/.test(related.text), `the other file's link line: ${related.text}`);
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 15000 });
    await wb.shot('vscode-duplicate');
  });

  await test('in the related-links section, completion offers another scrap\'s headline and inserts [headline](url)', async () => {
    await wb.focusEditor();
    const before = wb.disk('a.scrap.md').split('\n');
    const line = before.indexOf('- ') + 1;
    assert(line > 0, 'the empty list item');
    await wb.gotoLine(line);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: 15000 });
    const rows = widget.locator('.monaco-list-row');
    const item = rows.filter({ hasText: '반도체 업황 회복 기대' }).first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    const first = await rows.first().getAttribute('aria-label');
    assert(/반도체 업황 회복 기대/.test(first ?? ''), `the scrap sharing tags and title words comes first: ${first}`);
    await wb.shot('vscode-related-completion');
    await item.click();
    await waitFor('the link in the editor', async () => (await wb.editorText()).includes(RELATED_LINE), 10000);
    await page.keyboard.press('Escape');
    await wb.save();
    const after = await waitFor('the saved link', () => {
      const t = wb.disk('a.scrap.md').split('\n');
      return t[line - 1] === RELATED_LINE ? t : undefined;
    }, 10000);
    // Nothing else changed.
    assert(after.length === before.length, `line count kept: ${after.join('\n')}`);
    before.forEach((l, i) => assert(i === line - 1 || after[i] === l, `line ${i + 1} kept: ${after[i]}`));
  });

  await test('"Scrap: List Scraps" lists every scrap, newest first, with press, tags and status', async () => {
    const rows = await listScraps(4);
    const order = ['반도체 업황 회복 기대', '같은 기사', '반도체 수출 반등', '편의점 매출 감소'];
    order.forEach((h, i) => assert(rows[i].startsWith(h), `row ${i + 1} is ${h}: ${rows.join('\n')}`));
    const a = rows[2];
    assert(a.includes('2026-11-20 · 한빛경제 · #반도체'), `date, press and tag: ${a}`);
    assert(/a\.scrap\.md/.test(a) && /missing: .*insight/.test(a), `path and missing sections: ${a}`);
    assert(/same article as b\.scrap\.md/.test(a), `the duplicate: ${a}`);
    await wb.shot('vscode-list-scraps');
    await wb.dismiss();
  });

  await test('typing narrows the list and accepting opens the scrap', async () => {
    await listScraps(4);
    await page.keyboard.type('편의점');
    await waitFor('one row left', async () => {
      const rows = await quickTexts();
      return rows.length === 1 && rows[0].startsWith('편의점 매출 감소');
    }, 10000);
    await page.keyboard.press('Enter');
    await wb.activeTab('d.scrap.md');
    assert((await wb.editorText()).includes('편의점 매출 감소'), 'the scrap is shown');
  });

  await test('the list\'s filter step narrows to a tag (as :ScrapList --tag)', async () => {
    await listScraps(4);
    await page.locator('.quick-input-widget .action-label.codicon-filter').first().click();
    await waitFor('the filter choices', async () => (await quickTexts()).some((r) => r.startsWith('수출') && /tag/.test(r)), 10000);
    const input = await wb.quickInput();
    await input.fill('수출');
    await waitFor('the tag 수출 alone', async () => {
      const rows = await quickTexts();
      return rows.length === 1 && rows[0].startsWith('수출');
    }, 10000);
    await page.keyboard.press('Enter');
    await waitFor('the filtered list', async () => {
      const rows = await quickTexts();
      const title = await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
      return rows.length === 1 && rows[0].startsWith('반도체 업황 회복 기대') && /tag: 수출/.test(title);
    }, 20000);
    await wb.dismiss();
  });

  await test('workspace symbols find scraps by headline', async () => {
    await page.keyboard.press('Control+T');
    const input = await wb.quickInput();
    await input.fill('#반도체');
    await waitFor('both 반도체 scraps', async () => {
      const rows = await quickTexts();
      return rows.some((r) => r.includes('반도체 수출 반등')) && rows.some((r) => r.includes('반도체 업황 회복 기대')) &&
        !rows.some((r) => r.includes('편의점'));
    }, 20000);
    await wb.dismiss();
  });

  await test('go to definition on a URL opens the local scrap of that article', async () => {
    await wb.openFile('b.scrap.md');
    await wb.focusEditor();
    await wb.gotoLine(11, 20);
    await page.keyboard.press('F12');
    await wb.activeTab('a.scrap.md', 20000);
  });

  await test('references on a scrap\'s link list the scrap citing it as a related link', async () => {
    await wb.openFile('c.scrap.md');
    await wb.focusEditor();
    await wb.gotoLine(11, 10);
    const citing = wb.disk('a.scrap.md').split('\n').indexOf(RELATED_LINE) + 1;
    await page.keyboard.press('Shift+F12');
    // One reference: VS Code goes straight to it (several would show a peek).
    await wb.activeTab('a.scrap.md', 20000);
    const where = page.locator('.statusbar-item[id="status.editor.selection"]');
    await waitFor(`the cursor on the citing line ${citing}`, async () => (await where.innerText()).startsWith(`Ln ${citing},`), 10000);
  });
} finally {
  await wb.close();
}
finish();
