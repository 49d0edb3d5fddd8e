// "Scrap: List Scraps": reading `scrapls list --format json` and how a row
// reads in the picker. When SCRAPLS_BIN is set (tests/editors/run.sh sets it)
// the rows come from the real binary on a folder written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeFilter, filterValues, listArgs, newestFirst, parseRows, rowItem } from '../src/scrapRows.ts';

const words = { missing: (ids) => `빠짐: ${ids}`, duplicate: (p) => `같은 기사: ${p}` };

function row(o) {
  return JSON.stringify({ path: 'a.scrap.md', date: null, press: null, headline: null, tags: [], missing: [], duplicates: [], ...o });
}

test('rows are read line by line; broken lines and non-scraps are skipped', () => {
  const out = [
    row({ path: '/w/a.scrap.md', date: '2026-11-20', press: '한빛경제', headline: '반도체 수출 반등', tags: ['반도체'] }),
    '{not json',
    '42',
    JSON.stringify({ headline: 'no path' }),
    '',
    row({ path: '/w/b.scrap.md', missing: ['insight', 7] }),
  ].join('\n');
  const rows = parseRows(out);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].headline, '반도체 수출 반등');
  assert.deepEqual(rows[0].tags, ['반도체']);
  assert.deepEqual(rows[1].missing, ['insight']);
  assert.equal(rows[1].headline, null);
});

test('the command line carries the filters in order, then the folder', () => {
  assert.deepEqual(listArgs('/w', {}), ['list', '--format', 'json', '/w']);
  assert.deepEqual(listArgs('/w', { tag: '반도체', since: '2026-11-01', press: '' }, '/t/scrapls.toml'), [
    'list', '--format', 'json', '--config', '/t/scrapls.toml', '--since', '2026-11-01', '--tag', '반도체', '/w',
  ]);
});

test('the picker shows the newest first, undated last', () => {
  const rows = parseRows(
    [row({ path: 'c', date: null }), row({ path: 'a', date: '2026-11-01' }), row({ path: 'b', date: '2026-11-22' })].join('\n'),
  );
  assert.deepEqual(newestFirst(rows).map((r) => r.path), ['b', 'a', 'c']);
});

test('a row reads as headline; date, press, #tags; path and status', () => {
  const [r] = parseRows(
    row({
      path: '/w/a.scrap.md', date: '2026-11-20', press: '한빛경제', headline: '반도체 수출 반등',
      tags: ['반도체', '수출'], missing: ['insight', 'summary'], duplicates: ['/w/b.scrap.md'],
    }),
  );
  const item = rowItem(r, (p) => path.relative('/w', p), words);
  assert.equal(item.label, '반도체 수출 반등');
  assert.equal(item.description, '2026-11-20 · 한빛경제 · #반도체 · #수출');
  assert.equal(item.detail, 'a.scrap.md · 빠짐: insight, summary · 같은 기사: b.scrap.md');
  const [bare] = parseRows(row({ path: '/w/sub/x.scrap.md' }));
  assert.deepEqual(rowItem(bare, (p) => path.relative('/w', p), words), { label: 'x.scrap.md', description: '', detail: 'sub/x.scrap.md' });
});

test('the filter step offers each press, tag and missing section once; the title names the filters', () => {
  const rows = parseRows(
    [
      row({ press: '한빛경제', tags: ['반도체'], missing: ['insight'] }),
      row({ press: '가람뉴스', tags: ['반도체', '수출'], missing: ['insight', 'summary'] }),
    ].join('\n'),
  );
  assert.deepEqual(filterValues(rows), { press: ['가람뉴스', '한빛경제'], tag: ['반도체', '수출'], missing: ['insight', 'summary'] });
  assert.equal(describeFilter({ tag: '반도체', press: '한빛경제' }, (k) => k), 'press: 한빛경제 · tag: 반도체');
});

test('the real `scrapls list --format json` reads as the picker expects', { skip: !process.env.SCRAPLS_BIN && 'SCRAPLS_BIN not set' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapls-list-'));
  const scrap = (date, press, headline, url) =>
    `---\ndate: ${date}\npress: ${press}\ntags: [반도체]\n---\n\n## 헤드라인\n${headline}\n\n## 기사링크\n${url}\n\n## 본문\n본문입니다.\n`;
  fs.writeFileSync(path.join(dir, 'a.scrap.md'), scrap('2026-11-20', '한빛경제', '반도체 수출 반등', 'https://n.news.naver.com/article/015/0005012345'));
  fs.writeFileSync(path.join(dir, 'b.scrap.md'), scrap('2026-11-21', '누리비즈', '같은 기사', 'https://news.naver.com/main/read.naver?oid=015&aid=0005012345'));
  const out = execFileSync(process.env.SCRAPLS_BIN, listArgs(dir, { press: '한빛경제' }), { encoding: 'utf8' });
  const rows = parseRows(out);
  assert.equal(rows.length, 1, out);
  const item = rowItem(rows[0], (p) => path.relative(dir, p), words);
  assert.equal(item.label, '반도체 수출 반등');
  assert.equal(item.description, '2026-11-20 · 한빛경제 · #반도체');
  assert.match(item.detail, /^a\.scrap\.md · 빠짐: .*insight.* · 같은 기사: b\.scrap\.md$/);
  fs.rmSync(dir, { recursive: true, force: true });
});
