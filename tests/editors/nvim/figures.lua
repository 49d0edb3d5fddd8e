-- Real-editor test of the figures in Neovim against the real scrapls server:
-- the figures are highlighted as semantic tokens, and the code action
-- "본문의 수치로 초안 만들기" inserts the draft list into the insight.
--
--   SCRAPLS_BIN=target/release/scrapls nvim --headless --clean -l tests/editors/nvim/figures.lua
--
-- Ends with "N passed, N failed" like test.lua, for tests/editors/run.sh.

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local root = vim.fs.normalize(here .. '/../../..')
local bin = os.getenv('SCRAPLS_BIN') or vim.fn.exepath('scrapls')
local artifacts = os.getenv('SCRAPLS_ARTIFACTS') or (root .. '/test-artifacts/nvim')
local TIMEOUT = tonumber(os.getenv('SCRAPLS_TEST_TIMEOUT_MS') or '') or 15000
vim.fn.mkdir(artifacts, 'p')

vim.opt.rtp:prepend(root .. '/editors/nvim')
vim.cmd('filetype plugin indent on')
vim.cmd('runtime! plugin/scrapls.lua')
vim.cmd('runtime! ftdetect/scrapls.lua')
vim.o.swapfile = false
vim.lsp.log.set_level(vim.log.levels.WARN)
-- Neovim's applyEdit handler prints labels; keep stdout for the report.
_G.print = function() end

local function report(ok, err)
  io.stdout:write((ok and 'ok   - ' or 'FAIL - ') .. 'the draft action inserts the figures list'
    .. (ok and '' or ('\n    ' .. tostring(err):gsub('\n', '\n    '))) .. '\n')
  io.stdout:write(('%d passed, %d failed\n'):format(ok and 1 or 0, ok and 0 or 1))
  io.stdout:flush()
  os.exit(ok and 0 or 1)
end

if bin == '' or vim.fn.executable(bin) == 0 then
  report(false, 'the scrapls binary was not found (set SCRAPLS_BIN)')
end
vim.lsp.config('scrapls', { cmd = { bin, 'serve' }, init_options = { locale = 'ko' } })
vim.lsp.enable('scrapls')

local function wait(what, cond)
  if not vim.wait(TIMEOUT, cond, 20) then
    error('timed out waiting for ' .. what, 2)
  end
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local SCRAP = {
  '# 스크랩', '', '## 헤드라인', '부트캠프 인력 확대', '', '## 본문',
  '머신러닝 부트캠프 인력 양성을 지난해 200명 수준에서 500명 수준으로 늘린다. 예산은 1조2천억원이다.',
  '', '## 기사 내용의 수치화, 인사이트', '2024년에 시작한다.', '', '## 요약 및 의견', '늘어난다.',
}

local ok, err = xpcall(function()
  local ws = vim.fn.tempname() .. '-scrapls-figures'
  vim.fn.mkdir(ws .. '/.git', 'p')
  local path = ws .. '/figures.scrap.md'
  vim.fn.writefile(SCRAP, path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local c
  wait('the scrapls client', function()
    c = vim.lsp.get_clients({ bufnr = buf, name = 'scrapls' })[1]
    return c ~= nil and c.initialized
  end)

  -- The editor highlights `200` as a number and `명` as its unit.
  local body = lines(buf)[7]
  local col = assert(body:find('200명', 1, true)) - 1
  local function token_at(col0)
    for _, t in ipairs(vim.lsp.semantic_tokens.get_at_pos(buf, 6, col0) or {}) do
      if t.type == 'number' then
        return t
      end
    end
  end
  wait('semantic tokens on 200명', function()
    return token_at(col) ~= nil
  end)
  assert(not token_at(col).modifiers.unit, 'the number has no unit modifier')
  assert(token_at(col + 3).modifiers.unit, 'the unit has the unit modifier')

  -- `2024년에` alone is no figure: the insight gets `no-figures`.
  local d
  wait('the no-figures diagnostic', function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if x.code == 'no-figures' then
        d = x.user_data.lsp
      end
    end
    return d ~= nil
  end)
  local res = c:request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = d.range,
    context = { diagnostics = { d }, triggerKind = 1 },
  }, TIMEOUT, buf)
  assert(res and not res.err, 'codeAction: ' .. vim.inspect(res))
  local action
  for _, a in ipairs(res.result or {}) do
    if a.title == '본문의 수치로 초안 만들기' then
      action = a
    end
  end
  assert(action, 'the draft action among ' .. vim.inspect(res.result))
  vim.lsp.util.apply_workspace_edit(action.edit, c.offset_encoding)
  local want = {
    '## 기사 내용의 수치화, 인사이트', '2024년에 시작한다.', '',
    '- 머신러닝 부트캠프 인력 양성: 200명 → 500명 (+300명, 2.5배)', '- 예산: 1조2천억원', '',
    '## 요약 및 의견',
  }
  wait('the draft list in the buffer', function()
    return vim.deep_equal({ unpack(lines(buf), 9, 15) }, want)
  end)
  vim.fn.writefile(lines(buf), artifacts .. '/figures.scrap.md')
  wait('the no-figures diagnostic to go away', function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if x.code == 'no-figures' then
        return false
      end
    end
    return true
  end)
  for _, client in ipairs(vim.lsp.get_clients({ name = 'scrapls' })) do
    client:stop()
  end
  vim.fn.delete(ws, 'rf')
end, debug.traceback)
report(ok, err)
