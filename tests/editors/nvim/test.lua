-- Real-editor tests of the Neovim plugin against the real scrapls server.
--
--   SCRAPLS_BIN=target/release/scrapls nvim --headless --clean -l tests/editors/nvim/test.lua
--
-- Environment: SCRAPLS_BIN (the server, default: scrapls on PATH),
-- SCRAPLS_ARTIFACTS (where logs and buffers are left, default test-artifacts/nvim).
-- Prints one line per test and ends with "N passed, N failed[, N skipped]".

local uv = vim.uv
local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local root = vim.fs.normalize(here .. '/../../..')
local plugin = root .. '/editors/nvim'
local fixtures = root .. '/tests/editors/fixtures'
local artifacts = os.getenv('SCRAPLS_ARTIFACTS') or (root .. '/test-artifacts/nvim')
local bin = os.getenv('SCRAPLS_BIN') or vim.fn.exepath('scrapls')
local TIMEOUT = tonumber(os.getenv('SCRAPLS_TEST_TIMEOUT_MS') or '') or 15000

vim.fn.mkdir(artifacts, 'p')

-- The plugin as a user installs it: on the runtimepath, plugin/ and ftdetect/ sourced.
vim.opt.rtp:prepend(plugin)
vim.cmd('filetype plugin indent on')
vim.cmd('runtime! plugin/scrapls.lua')
vim.cmd('runtime! ftdetect/scrapls.lua')
vim.o.swapfile = false
vim.o.hidden = true
vim.lsp.log.set_level(vim.log.levels.WARN)

-- Notifications (errors from the plugin) are kept to show in failures.
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, ('[%s] %s'):format(level or vim.log.levels.INFO, msg))
end
-- print() (used by Neovim's applyEdit handler for labels) would write to
-- stdout in -l mode, in the middle of the test report.
_G.print = function(...)
  local parts = {}
  for i = 1, select('#', ...) do
    parts[#parts + 1] = tostring(select(i, ...))
  end
  table.insert(notes, '[print] ' .. table.concat(parts, ' '))
end

---------------------------------------------------------------------------
-- tiny test harness
local passed, failed, skipped = 0, 0, 0
local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local SKIP = {}
local function skip(why)
  error(setmetatable({ why = why }, SKIP), 0)
end

local function test(name, fn)
  local t0 = uv.hrtime()
  notes = {}
  local ok, err = xpcall(fn, function(e)
    if getmetatable(e) == SKIP then
      return e
    end
    return debug.traceback(tostring(e), 2)
  end)
  local ms = math.floor((uv.hrtime() - t0) / 1e6)
  if ok then
    passed = passed + 1
    out(('ok   - %s (%d ms)'):format(name, ms))
  elseif getmetatable(err) == SKIP then
    skipped = skipped + 1
    out(('skip - %s: %s'):format(name, err.why))
  else
    failed = failed + 1
    out(('FAIL - %s (%d ms)\n%s'):format(name, ms, tostring(err):gsub('\n', '\n    ')))
    if #notes > 0 then
      out('    notifications:\n      ' .. table.concat(notes, '\n      '))
    end
  end
end

local function wait_for(what, cond, timeout)
  if not vim.wait(timeout or TIMEOUT, cond, 20) then
    error('timed out waiting for ' .. what, 2)
  end
end

local function eq(want, got, what)
  if not vim.deep_equal(want, got) then
    error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(want), vim.inspect(got)), 2)
  end
end

local function truthy(v, what)
  if not v then
    error(what or 'expected a true value', 2)
  end
  return v
end

---------------------------------------------------------------------------
-- workspace: a copy of the fixtures in a temporary folder (a `.git` marks the root)
local ws = vim.fn.tempname() .. '-scrapls-ws'
vim.fn.mkdir(ws .. '/.git', 'p')

local function read(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local function write(path, s)
  local f = assert(io.open(path, 'wb'))
  f:write(s)
  f:close()
end

--- Copies fixture `name` to the workspace as `as`, with {{KEY}} replaced.
local function fixture(name, as, vars)
  local s = read(fixtures .. '/' .. name)
  for k, v in pairs(vars or {}) do
    s = s:gsub('{{' .. k .. '}}', v)
  end
  local path = ws .. '/' .. (as or name)
  write(path, s)
  return path
end

local function text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function has_line(buf, pattern)
  for _, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match(pattern) then
      return true
    end
  end
  return false
end

local function line_of(buf, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match(pattern) then
      return i
    end
  end
end

local function client_of(buf)
  local c
  wait_for('the scrapls client to attach to ' .. vim.api.nvim_buf_get_name(buf), function()
    c = vim.lsp.get_clients({ bufnr = buf, name = 'scrapls' })[1]
    return c ~= nil and c.initialized
  end)
  return c
end

local function open(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

local function missing_insight(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if d.code == 'missing-section' and type(lsp.data) == 'table' and lsp.data.section == 'insight' then
      return d
    end
  end
end

local function save_buffer(buf, name)
  write(artifacts .. '/' .. name, text(buf) .. '\n')
end

---------------------------------------------------------------------------
-- a local HTTP server on 127.0.0.1 serving the article fixture
local routes = { ['/news/battery.html'] = read(fixtures .. '/article.html') }
local hits = {}
local http = uv.new_tcp()
http:bind('127.0.0.1', 0)
http:listen(16, function(err)
  assert(not err, err)
  local sock = uv.new_tcp()
  http:accept(sock)
  local req = ''
  sock:read_start(function(rerr, chunk)
    if rerr or not chunk then
      sock:close()
      return
    end
    req = req .. chunk
    if not req:find('\r\n\r\n', 1, true) then
      return
    end
    sock:read_stop()
    local path = req:match('^%u+ (%S+)') or '/'
    table.insert(hits, path)
    local body, status = routes[path], '200 OK'
    if not body then
      body, status = 'not found', '404 Not Found'
    end
    local head = ('HTTP/1.1 %s\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n')
      :format(status, #body)
    sock:write(head .. body, function()
      sock:shutdown(function()
        sock:close()
      end)
    end)
  end)
end)
local PORT = tostring(http:getsockname().port)

---------------------------------------------------------------------------
-- the server under test
out('# nvim ' .. tostring(vim.version()) .. ', server ' .. (bin ~= '' and bin or '(none)'))
if bin == '' or vim.fn.executable(bin) == 0 then
  out('FAIL - the scrapls binary was not found (set SCRAPLS_BIN)')
  out('0 passed, 1 failed')
  os.exit(1)
end
vim.lsp.config('scrapls', {
  cmd = { bin, 'serve' },
  init_options = { locale = 'ko' },
})
vim.lsp.enable('scrapls')

---------------------------------------------------------------------------
test('*.scrap.md and *.scrap are detected as scrap, plain *.md stays markdown', function()
  eq('scrap', vim.filetype.match({ filename = ws .. '/a.scrap.md' }), 'a.scrap.md')
  eq('scrap', vim.filetype.match({ filename = ws .. '/b.scrap' }), 'b.scrap')
  eq('markdown', vim.filetype.match({ filename = ws .. '/c.md' }), 'c.md')
end)

test('opening a scrap starts scrapls and reports the missing insight section', function()
  local buf = open(fixture('missing-insight.scrap.md'))
  eq('scrap', vim.bo[buf].filetype, 'filetype')
  local c = client_of(buf)
  eq(vim.fs.normalize(ws), c.root_dir and vim.fs.normalize(c.root_dir), 'root_dir')
  local d
  wait_for('a missing-section diagnostic for insight', function()
    d = missing_insight(buf)
    return d ~= nil
  end)
  eq('scrapls', d.source, 'source')
  eq(vim.diagnostic.severity.ERROR, d.severity, 'severity')
  truthy(d.message:find('[\234-\237][\128-\191][\128-\191]'), 'a Korean message, got: ' .. d.message)
  -- Only a heading or a line, never the whole file.
  truthy(d.end_lnum - d.lnum <= 1, ('a narrow range, got lines %d-%d'):format(d.lnum, d.end_lnum))
end)

test('completion at the start of a line offers the missing section first', function()
  local buf = open(fixture('missing-insight.scrap.md', 'completion.scrap.md'))
  local c = client_of(buf)
  wait_for('the missing-section diagnostic', function()
    return missing_insight(buf) ~= nil
  end)
  -- A new heading line after the body section, as a user would type it.
  local at = truthy(line_of(buf, '^## 요약 및 의견'), 'summary heading') - 1
  vim.api.nvim_buf_set_lines(buf, at, at, false, { '## ', '' })
  vim.api.nvim_win_set_cursor(0, { at + 1, 3 })
  local params = vim.lsp.util.make_position_params(0, c.offset_encoding)
  params.context = { triggerKind = 2, triggerCharacter = '#' }
  local res = truthy(c:request_sync('textDocument/completion', params, TIMEOUT, buf), 'a completion answer')
  truthy(not res.err, vim.inspect(res.err))
  local items = res.result and (res.result.items or res.result) or {}
  truthy(#items > 0, 'completion items')
  local function content(item)
    return table.concat({
      item.label or '',
      item.filterText or '',
      item.insertText or '',
      item.textEdit and item.textEdit.newText or '',
    }, ' ')
  end
  table.sort(items, function(a, b)
    return (a.sortText or a.label) < (b.sortText or b.label)
  end)
  local item, index
  for i, it in ipairs(items) do
    if content(it):find('인사이트', 1, true) then
      item, index = it, i
      break
    end
  end
  truthy(item, 'an item for 기사 내용의 수치화, 인사이트 among: ' .. vim.inspect(vim.tbl_map(function(i)
    return i.label
  end, items)))
  eq(1, index, 'position of the missing section in the list')
  -- Accept it: apply its edit (snippet placeholders expanded to text).
  local new_text = item.textEdit and item.textEdit.newText or item.insertText or item.label
  if item.insertTextFormat == 2 then
    new_text = tostring(require('vim.lsp._snippet_grammar').parse(new_text))
  end
  local range = item.textEdit and (item.textEdit.range or item.textEdit.replace)
    or { start = { line = at, character = 0 }, ['end'] = { line = at, character = 3 } }
  vim.lsp.util.apply_text_edits({ { range = range, newText = new_text } }, buf, c.offset_encoding)
  truthy(has_line(buf, '^#+ 기사 내용의 수치화, 인사이트%s*$'), 'the heading in the buffer:\n' .. text(buf))
  wait_for('the missing-section diagnostic to go away', function()
    return missing_insight(buf) == nil
  end)
end)

test('the quick fix inserts the missing section in template order', function()
  local buf = open(fixture('missing-insight.scrap.md', 'quickfix.scrap.md'))
  local c = client_of(buf)
  local d
  wait_for('the missing-section diagnostic', function()
    d = missing_insight(buf)
    return d ~= nil
  end)
  local lsp_d = d.user_data.lsp
  local res = c:request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_d.range,
    context = { diagnostics = { lsp_d }, only = { 'quickfix' }, triggerKind = 1 },
  }, TIMEOUT, buf)
  truthy(res and not res.err, 'codeAction answer: ' .. vim.inspect(res))
  local actions = res.result or {}
  local action
  for _, a in ipairs(actions) do
    if a.title:find('누락된 섹션 추가', 1, true) and a.title:find('인사이트', 1, true) then
      action = a
    end
  end
  truthy(action, 'a "누락된 섹션 추가: 기사 내용의 수치화, 인사이트" action among: ' .. vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, actions)))
  if not action.edit and c:supports_method('codeAction/resolve') then
    local r = c:request_sync('codeAction/resolve', action, TIMEOUT, buf)
    action = r and r.result or action
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, c.offset_encoding)
  end
  if action.command then
    c:exec_cmd(action.command, { bufnr = buf })
  end
  wait_for('the heading in the buffer', function()
    return has_line(buf, '^#+ 기사 내용의 수치화, 인사이트%s*$')
  end)
  local body = truthy(line_of(buf, '^## 본문'), 'body heading')
  local insight = line_of(buf, '^#+ 기사 내용의 수치화, 인사이트')
  local summary = truthy(line_of(buf, '^## 요약 및 의견'), 'summary heading')
  truthy(body < insight and insight < summary, ('between body and summary: %d < %d < %d\n%s'):format(body, insight, summary, text(buf)))
  -- Nothing the user wrote is lost.
  truthy(text(buf):find('무역수지는 31억 달러 흑자를 기록했다.', 1, true), 'body text kept')
  save_buffer(buf, 'quickfix.scrap.md')
  wait_for('the missing-section diagnostic to go away', function()
    return missing_insight(buf) == nil
  end)
end)

test(':ScrapInsertMissing inserts the missing section through the server command', function()
  local buf = open(fixture('missing-insight.scrap.md', 'insert-all.scrap.md'))
  client_of(buf)
  vim.cmd('ScrapInsertMissing')
  wait_for('the heading in the buffer', function()
    return has_line(buf, '^#+ 기사 내용의 수치화, 인사이트%s*$')
  end)
  truthy(text(buf):find('반도체 단가 변동', 1, true), 'text kept')
end)

test(':ScrapConvert turns a table-form scrap into Markdown without losing text', function()
  local buf = open(fixture('table-form.scrap'))
  eq('scrap', vim.bo[buf].filetype, 'filetype')
  client_of(buf)
  vim.cmd('ScrapConvert')
  wait_for('Markdown headings in the buffer', function()
    return has_line(buf, '^#+ 헤드라인')
  end)
  local t = text(buf)
  for _, piece in ipairs({
    '기준금리 3.0%로 동결, 가계대출 증가세에 인하 미뤄',
    'https://news.example.com/finance/2026/02/27/base-rate',
    '가계대출이 한 달 새 4조 원 넘게 늘어난 점이 부담으로 작용했다.',
    '금리 동결이 기업 대출 심사 기준에도 영향을 주나요?',
    'https://news.example.com/finance/2026/02/20/household-debt',
  }) do
    truthy(t:find(piece, 1, true), 'kept: ' .. piece .. '\n' .. t)
  end
  truthy(not has_line(buf, '^헤드라인 %(요약과 압축%)\t'), 'no table rows left:\n' .. t)
  save_buffer(buf, 'converted.scrap.md')
end)

-- A server built without article fetching answers its fetch commands with
-- "fetching is not available yet": that fails these tests (stop waiting at
-- once), or skips them with SCRAPLS_TEST_FETCH=0.
local function fetch_unavailable()
  for _, n in ipairs(notes) do
    if n:find('not available', 1, true) then
      return n
    end
  end
end

local function skip_if_unavailable()
  local n = fetch_unavailable()
  if n then
    if os.getenv('SCRAPLS_TEST_FETCH') == '0' then
      skip('the server cannot fetch (' .. n .. ')')
    end
    error('the server cannot fetch: ' .. n, 2)
  end
end

local function supports(buf, command)
  local c = client_of(buf)
  local p = c.server_capabilities.executeCommandProvider
  return type(p) == 'table' and vim.list_contains(p.commands or {}, command)
end

test(':ScrapFetch fills the headline and body from a local article page', function()
  local buf = open(fixture('fetch.scrap.md', nil, { PORT = PORT }))
  if not supports(buf, 'scrapls.fetchArticle') then
    skip('the server does not advertise scrapls.fetchArticle yet')
  end
  vim.cmd('ScrapFetch')
  wait_for('the article headline in the buffer', function()
    return fetch_unavailable() or text(buf):find('배터리 3사 1분기 영업이익 40%% 감소') ~= nil
  end)
  skip_if_unavailable()
  wait_for('the article body in the buffer', function()
    return text(buf):find('합산 영업이익이 8천억 원으로', 1, true) ~= nil
  end)
  truthy(vim.list_contains(hits, '/news/battery.html'), 'the page was requested: ' .. vim.inspect(hits))
  local t = text(buf)
  truthy(not t:find('무단 전재', 1, true), 'page chrome (footer) left out:\n' .. t)
  truthy(has_line(buf, '^## 기사링크') and t:find('/news/battery.html', 1, true), 'link kept')
  save_buffer(buf, 'fetched.scrap.md')
end)

test(':ScrapNew {url} opens a new scrap filled from the article', function()
  local buf0 = open(fixture('missing-insight.scrap.md', 'anchor.scrap.md'))
  if not supports(buf0, 'scrapls.newFromUrl') then
    skip('the server does not advertise scrapls.newFromUrl yet')
  end
  local url = 'http://127.0.0.1:' .. PORT .. '/news/battery.html'
  local file = ws .. '/new.scrap.md'
  vim.cmd('ScrapNew ' .. url .. ' ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  eq(file, vim.api.nvim_buf_get_name(buf), 'buffer name')
  eq('scrap', vim.bo[buf].filetype, 'filetype')
  wait_for('the new scrap text', function()
    return fetch_unavailable() or text(buf):find(url, 1, true) ~= nil
  end)
  skip_if_unavailable()
  truthy(has_line(buf, '^#+ 헤드라인'), 'a headline section:\n' .. text(buf))
  client_of(buf)
  save_buffer(buf, 'new.scrap.md')
end)

test(':checkhealth scrapls reports a working binary', function()
  vim.cmd('checkhealth scrapls')
  local buf = vim.api.nvim_get_current_buf()
  wait_for('the health report', function()
    return text(buf):find('server binary', 1, true) ~= nil
  end, 5000)
  local t = text(buf)
  write(artifacts .. '/checkhealth.txt', t)
  truthy(t:find('runs', 1, true), 'the binary runs:\n' .. t)
  truthy(t:find('filetype `scrap`', 1, true), 'filetype ok:\n' .. t)
  truthy(not t:find('ERROR', 1, true), 'no ERROR:\n' .. t)
  vim.cmd('tabclose')
end)

---------------------------------------------------------------------------
for _, c in ipairs(vim.lsp.get_clients({ name = 'scrapls' })) do
  c:stop()
end
vim.wait(2000, function()
  return #vim.lsp.get_clients({ name = 'scrapls' }) == 0
end, 20)
http:close()
vim.fn.delete(ws, 'rf')
out(('%d passed, %d failed, %d skipped'):format(passed, failed, skipped))
os.exit(failed > 0 and 1 or 0)
