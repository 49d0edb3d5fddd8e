// Tokenises a scrap with the extension's TextMate grammar (the same engine
// VS Code uses) and checks the scopes a theme colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (s) => new oniguruma.OnigScanner(s),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scopeName) => {
    if (scopeName !== 'text.scrap') return null;
    const file = path.join(root, 'syntaxes', 'scrap.tmLanguage.json');
    return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
  },
});
const grammar = await registry.loadGrammar('text.scrap');

/** Returns [text, scopes] for each token of each line. */
function tokenize(text) {
  let state = vsctm.INITIAL;
  const out = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    state = r.ruleStack;
  }
  return out;
}
function scopesOf(tokens, text) {
  const hit = tokens.find(([t]) => t === text);
  assert.ok(hit, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map(([t]) => t))}`);
  return hit[1];
}

const sample = [
  '---',
  'date: 2026-03-02',
  'press: 한빛경제',
  '---',
  '',
  '## 헤드라인 (요약과 압축)',
  '반도체 수출 12.5% 증가, 3조 원 흑자',
  '## 기사링크',
  'https://news.example.com/a/123?x=1',
  '### 배경',
  '- 금리는 3.25%로 동결',
].join('\n');

test('front matter keys are tags and the block is embedded yaml', () => {
  const tokens = tokenize(sample);
  const key = scopesOf(tokens, 'date');
  assert.ok(key.includes('meta.embedded.block.frontmatter'), key.join(' '));
  assert.ok(key.some((s) => s.startsWith('entity.name.tag')), key.join(' '));
});

test('template section headings get the section scope', () => {
  const tokens = tokenize(sample);
  const title = scopesOf(tokens, '헤드라인 (요약과 압축)');
  assert.ok(title.some((s) => s.startsWith('entity.name.section.scrap')), title.join(' '));
  assert.ok(title.some((s) => s.startsWith('markup.heading')), title.join(' '));
});

test('other headings are plain markdown headings', () => {
  const tokens = tokenize(sample);
  const title = scopesOf(tokens, '배경');
  assert.ok(title.some((s) => s.startsWith('markup.heading')), title.join(' '));
  assert.ok(!title.some((s) => s.startsWith('entity.name.section.scrap')), title.join(' '));
});

test('URLs are links and the digits inside them are not numbers', () => {
  const tokens = tokenize(sample);
  const url = scopesOf(tokens, 'https://news.example.com/a/123?x=1');
  assert.ok(url.includes('markup.underline.link.scrap'), url.join(' '));
});

test('numbers and their units are highlighted', () => {
  const tokens = tokenize(sample);
  assert.ok(scopesOf(tokens, '12.5').includes('constant.numeric.scrap'));
  assert.ok(scopesOf(tokens, '%').includes('keyword.other.unit.scrap'));
  assert.ok(scopesOf(tokens, '3').includes('constant.numeric.scrap'));
  assert.ok(scopesOf(tokens, '3.25').includes('constant.numeric.scrap'));
  assert.ok(scopesOf(tokens, '2026-03-02').some((s) => s.startsWith('constant.numeric')));
});

test('table-form labels are recognised', () => {
  const tokens = tokenize('기사링크\thttps://news.example.com/b');
  assert.ok(scopesOf(tokens, '기사링크').some((s) => s.startsWith('entity.name.section.scrap')));
});
