// Real-editor tests of the figures in VS Code (code-server with the VSIX):
// a figure in the body is a semantic token (number, its unit with the `unit`
// modifier), as "Developer: Inspect Editor Tokens and Scopes" shows it, hover
// on a figure shows its change, and
// the code action "본문의 수치로 초안 만들기" appends the draft list to the
// insight without losing what the user wrote (the scrap of
// tests/editors/nvim/figures.lua, tests/editors/fixtures/figures.scrap.md).
// Same environment as test.mjs; ends with "N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbench, assert, fixtures, harness, waitFor } from './workbench.mjs';

const SCRAP = fs.readFileSync(path.join(fixtures, 'figures.scrap.md'), 'utf8');
const wb = new Workbench('figures', { 'figures.scrap.md': SCRAP });
const { test, finish } = harness((name) => wb.shot(name));

/** Lines 9-15 after the draft: the insight with what was there, then the list. */
const WANT = [
  '## 기사 내용의 수치화, 인사이트', '2024년에 시작한다.', '',
  '- 머신러닝 부트캠프 인력 양성: 200명 → 500명 (+300명, 2.5배)', '- 예산: 1조2천억원', '',
  '## 요약 및 의견',
];

/** What the token inspector says about the character at line:column (1-based). */
async function inspect(line, column) {
  const { page } = wb;
  await wb.gotoLine(line, column);
  await wb.command('Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ state: 'visible', timeout: 10000 });
  const text = await waitFor('the semantic token in the inspector', async () => {
    const t = (await widget.innerText()).replace(/\u00a0/g, ' ');
    return /semantic token type/i.test(t) ? t : undefined;
  }, 20000);
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  return text;
}

/** The inspector's lines about the semantic token (its TextMate part left out). */
function semanticPart(text) {
  const from = text.search(/semantic token type/i);
  const to = text.search(/textmate scopes/i);
  return text.slice(from, to > from ? to : undefined);
}

try {
  await test('the VSIX installs and the workbench opens', async () => {
    wb.install();
    await wb.start();
  });
  const { page } = wb;
  const bodyLine = SCRAP.split('\n').findIndex((l) => l.includes('200명')) + 1;
  const col = SCRAP.split('\n')[bodyLine - 1].indexOf('200명') + 1;

  await test('a figure in the body is a number token and its unit has the unit modifier', async () => {
    await wb.openFile('figures.scrap.md');
    await wb.waitProblem('figures.scrap.md', 'no-figures', true);
    await wb.focusEditor();
    const number = await waitFor('the number token on 200', async () => {
      const t = await inspect(bodyLine, col + 1);
      return /semantic token type\s*number/i.test(t) ? t : undefined;
    }, 40000);
    assert(!/modifiers\s*unit/i.test(number), `the number has no unit modifier:\n${number}`);
    // The colour comes from the semantic token through the extension's
    // semanticTokenScopes (the inspector's semantic part, before the TextMate one).
    assert(/constant\.numeric/.test(semanticPart(number)), `coloured as a number:\n${number}`);
    const unit = await inspect(bodyLine, col + 3);
    assert(/semantic token type\s*number/i.test(unit) && /modifiers\s*unit/i.test(unit), `the unit token:\n${unit}`);
    assert(/keyword\.other\.unit/.test(semanticPart(unit)), `coloured as a unit (package.json semanticTokenScopes):\n${unit}`);
  });

  await test('hover on a changed figure shows the computed change', async () => {
    await wb.focusEditor();
    const at = SCRAP.split('\n')[bodyLine - 1].indexOf('500명') + 2;
    await wb.gotoLine(bodyLine, at);
    await wb.command('Show or Focus Hover');
    const hover = page.locator('.monaco-hover').filter({ hasText: '500명' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20000 });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert(text.includes('200명 → 500명') && text.includes('+300명') && text.includes('2.5배'), `the change: ${text}`);
    await page.keyboard.press('Escape');
  });

  await test('the code action "본문의 수치로 초안 만들기" appends the figures list and keeps the text', async () => {
    await wb.focusEditor();
    const insight = SCRAP.split('\n').indexOf('2024년에 시작한다.') + 1;
    await wb.gotoLine(insight, 3);
    await page.keyboard.press('Control+.');
    const item = page
      .locator('.action-widget .monaco-list-row, .context-view .action-widget li')
      .filter({ hasText: '본문의 수치로 초안 만들기' })
      .first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    await wb.shot('vscode-draft-figures-menu');
    await item.click();
    await waitFor('the draft line in the editor', async () => (await wb.editorText()).includes(WANT[3]), 15000);
    await wb.shot('vscode-draft-figures');
    await wb.save();
    const lines = await waitFor('the saved draft', () => {
      const t = wb.disk('figures.scrap.md').split('\n');
      return t.includes(WANT[3]) ? t : undefined;
    }, 10000);
    assert(JSON.stringify(lines.slice(8, 15)) === JSON.stringify(WANT), `the insight:\n${lines.slice(8, 15).join('\n')}`);
    // Every line the user wrote is still there, in order.
    const kept = SCRAP.split('\n');
    let at = 0;
    for (const l of kept) {
      at = lines.indexOf(l, at);
      assert(at >= 0, `kept: ${l}\n${lines.join('\n')}`);
      at++;
    }
    await wb.waitProblem('figures.scrap.md', 'no-figures', false, 20000);
  });
} finally {
  await wb.close();
}
finish();
