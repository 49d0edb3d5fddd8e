-- Real-editor tests of the notebook in Neovim against the real server: the
-- duplicate-article warning, related-link completion, and :ScrapList.
--
--   SCRAPLS_BIN=target/release/scrapls nvim --headless --clean -l tests/editors/nvim/notebook.lua
--
-- Prints one line per test and ends with "N passed, N failed".

local uv = vim.uv
local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local root = vim.fs.normalize(here .. '/../../..')
local bin = os.getenv('SCRAPLS_BIN') or vim.fn.exepath('scrapls')
local TIMEOUT = tonumber(os.getenv('SCRAPLS_TEST_TIMEOUT_MS') or '') or 15000

vim.opt.rtp:prepend(root .. '/editors/nvim')
vim.cmd('filetype plugin indent on')
vim.cmd('runtime! plugin/scrapls.lua')
vim.cmd('runtime! ftdetect/scrapls.lua')
vim.o.swapfile = false
vim.o.hidden = true
local notes = {}
vim.notify = function(msg)
  table.insert(notes, msg)
end

local passed, failed = 0, 0
local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end
local function test(name, fn)
  local t0 = uv.hrtime()
  local ok, err = xpcall(fn, debug.traceback)
  local ms = math.floor((uv.hrtime() - t0) / 1e6)
  if ok then
    passed = passed + 1
    out(('ok   - %s (%d ms)'):format(name, ms))
  else
    failed = failed + 1
    out(('FAIL - %s (%d ms)\n    %s\n    notes: %s'):format(name, ms, tostring(err):gsub('\n', '\n    '), table.concat(notes, ' | ')))
  end
end
local function wait_for(what, cond)
  if not vim.wait(TIMEOUT, cond, 20) then
    error('timed out waiting for ' .. what, 2)
  end
end
local function eq(want, got, what)
  if not vim.deep_equal(want, got) then
    error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(want), vim.inspect(got)), 2)
  end
end

-- A folder of scraps: two of one Naver article in two URL shapes, one
-- related by tags, one unrelated. `scrapls.toml` marks the root.
local ws = vim.fn.tempname() .. '-scrapls-notebook'
vim.fn.mkdir(ws, 'p')
local function write(name, s)
  local f = assert(io.open(ws .. '/' .. name, 'wb'))
  f:write(s)
  f:close()
end
local function scrap(date, press, tags, headline, url, related)
  return ('---\ndate: %s\npress: %s\ntags: [%s]\n---\n\n## 헤드라인\n%s\n\n## 기사링크\n%s\n\n## 본문\n본문입니다.\n\n## 연관기사 링크\n%s\n')
    :format(date, press, tags, headline, url, related)
end
write('scrapls.toml', '')
write('a.scrap.md', scrap('2026-11-20', '한빛경제', '반도체', '반도체 수출 반등', 'https://n.news.naver.com/article/015/0005012345', '- '))
write('b.scrap.md', scrap('2026-11-21', '누리비즈', '경제', '같은 기사', 'https://news.naver.com/main/read.naver?oid=015&aid=0005012345', ''))
write('c.scrap.md', scrap('2026-11-22', '가람뉴스', '반도체, 수출', '반도체 업황 회복 기대', 'https://example.co.kr/news/3', ''))
write('d.scrap.md', scrap('2026-11-01', '새벽일보', '유통', '편의점 매출 감소', 'https://example.co.kr/news/4', ''))

out('# nvim ' .. tostring(vim.version()) .. ', server ' .. (bin ~= '' and bin or '(none)'))
if bin == '' or vim.fn.executable(bin) == 0 then
  out('FAIL - the scrapls binary was not found (set SCRAPLS_BIN)')
  out('0 passed, 1 failed')
  os.exit(1)
end
vim.lsp.config('scrapls', { cmd = { bin, 'serve' }, init_options = { locale = 'ko' } })
vim.lsp.enable('scrapls')

vim.cmd.edit(vim.fn.fnameescape(ws .. '/a.scrap.md'))
local buf = vim.api.nvim_get_current_buf()

local function duplicate()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'duplicate-article' then
      return d
    end
  end
end

test('an article scrapped twice gets a duplicate-article warning pointing at the other file', function()
  wait_for('the duplicate-article diagnostic', duplicate)
  local d = duplicate()
  eq(vim.diagnostic.severity.WARN, d.severity, 'severity')
  eq(10, d.lnum, 'line of the link')
  local info = d.user_data.lsp.relatedInformation[1]
  eq(vim.uri_from_fname(ws .. '/b.scrap.md'), info.location.uri, 'related file')
  eq(10, info.location.range.start.line, 'related line')
end)

test('in the related-links section, completion inserts [headline](url) of a related scrap', function()
  local client = vim.lsp.get_clients({ bufnr = buf, name = 'scrapls' })[1]
  local last = vim.api.nvim_buf_line_count(buf)
  -- Where the user types after "- " (insert mode: after the last character).
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last - 1, character = 2 } }
  local res = client:request_sync('textDocument/completion', params, TIMEOUT, buf)
  local items = res and res.result or {}
  items = items.items or items
  eq('반도체 업황 회복 기대', items[1] and items[1].label, 'first item')
  eq('가람뉴스 · 2026-11-22', items[1].detail, 'detail')
  vim.lsp.util.apply_text_edits({ items[1].textEdit }, buf, client.offset_encoding)
  eq('- [반도체 업황 회복 기대](https://example.co.kr/news/3)', vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[1], 'the line')
end)

test(':ScrapList fills the quickfix list with the folder, filtered', function()
  local items
  require('scrapls.list').run({ '--tag', '반도체' }, function(found)
    items = found
  end)
  wait_for('the quickfix list', function()
    return items ~= nil
  end)
  local qf = vim.fn.getqflist()
  eq(2, #qf, 'two scraps tagged 반도체')
  eq(ws .. '/a.scrap.md', vim.fn.fnamemodify(vim.fn.bufname(qf[1].bufnr), ':p'), 'oldest first')
  eq(true, qf[1].text:find('반도체 수출 반등', 1, true) ~= nil, 'headline in the text')
  eq(true, qf[1].text:find('duplicate', 1, true) ~= nil, 'status in the text')
  vim.cmd('ScrapList --press 새벽일보')
  wait_for('the quickfix list to change', function()
    return #vim.fn.getqflist() == 1
  end)
end)

out(('%d passed, %d failed'):format(passed, failed))
vim.fn.delete(ws, 'rf')
os.exit(failed == 0 and 0 or 1)
