-- Real-editor tests of the Neovim export commands against the real server:
-- :ScrapCopyRows puts the buffer (unsaved edits included) as sheet rows in
-- the `+` register (through a clipboard provider, as a desktop has one) and
-- the unnamed register; :ScrapDigest writes the folder's digest and never
-- overwrites a file without `!`.
--
--   SCRAPLS_BIN=target/release/scrapls nvim --headless --clean -l tests/editors/nvim/export.lua
--
-- Ends with "N passed, N failed".

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local root = vim.fs.normalize(here .. '/../../..')
local bin = os.getenv('SCRAPLS_BIN') or vim.fn.exepath('scrapls')
local TIMEOUT = 15000

vim.opt.rtp:prepend(root .. '/editors/nvim')
vim.cmd('filetype plugin indent on')
vim.cmd('runtime! plugin/scrapls.lua')
vim.o.swapfile = false
vim.o.hidden = true
local notes = {}
vim.notify = function(msg)
  table.insert(notes, msg)
end

-- A clipboard provider, as a desktop Neovim has one (xclip, wl-copy, …).
local clipboard = {}
vim.g.clipboard = {
  name = 'scrapls-test',
  copy = {
    ['+'] = function(lines)
      clipboard['+'] = table.concat(lines, '\n')
    end,
    ['*'] = function(lines)
      clipboard['*'] = table.concat(lines, '\n')
    end,
  },
  paste = {
    ['+'] = function()
      return vim.split(clipboard['+'] or '', '\n')
    end,
    ['*'] = function()
      return vim.split(clipboard['*'] or '', '\n')
    end,
  },
}

local passed, failed = 0, 0
local function run(name, fn)
  notes = {}
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    io.stdout:write('ok   - ' .. name .. '\n')
  else
    failed = failed + 1
    io.stdout:write(('FAIL - %s\n    %s\n    notes: %s\n'):format(name, err, table.concat(notes, ' | ')))
  end
end
local function wait(what, cond)
  assert(vim.wait(TIMEOUT, cond, 20), 'timed out waiting for ' .. what)
end

if bin == '' or vim.fn.executable(bin) == 0 then
  io.stdout:write('FAIL - the scrapls binary was not found (set SCRAPLS_BIN)\n0 passed, 1 failed\n')
  os.exit(1)
end
vim.lsp.config('scrapls', { cmd = { bin, 'serve' }, init_options = { locale = 'ko' } })
vim.lsp.enable('scrapls')

local ws = vim.fn.tempname() .. '-scrapls-export'
vim.fn.mkdir(ws .. '/.git', 'p')
local scrap = table.concat({
  '---',
  'date: 2026-11-20',
  '---',
  '# 경제신문 스크랩',
  '',
  '## 헤드라인',
  '',
  '반도체 수출 20% 증가',
  '',
  '## 기사 내용의 수치화, 인사이트',
  '',
  '첫 줄 "인용"',
  '<script>alert(1)</script> 12%',
  '',
}, '\n')
local f = assert(io.open(ws .. '/a.scrap.md', 'wb'))
f:write(scrap)
f:close()

vim.cmd.edit(vim.fn.fnameescape(ws .. '/a.scrap.md'))
local buf = vim.api.nvim_get_current_buf()
wait('the scrapls client', function()
  local c = vim.lsp.get_clients({ bufnr = buf, name = 'scrapls' })[1]
  return c ~= nil and c.initialized
end)

run(':ScrapCopyRows puts the buffer as sheet rows in + and the unnamed register', function()
  -- An unsaved edit: the rows follow the buffer.
  vim.api.nvim_buf_set_lines(buf, 7, 8, false, { '메모리 수출 20% 증가' })
  vim.fn.setreg('"', '')
  vim.cmd('ScrapCopyRows')
  wait('the unnamed register', function()
    return vim.fn.getreg('"') ~= ''
  end)
  local rows = vim.fn.getreg('"')
  assert(rows:find('^경제신문 스크랩\n\n헤드라인 %(요약과 압축%)\t메모리 수출 20%% 증가\n'), rows)
  local quoted = '기사 내용의 수치화, 인사이트\t"첫 줄 ""인용""\n<script>alert(1)</script> 12%"\n'
  assert(rows:find(quoted, 1, true), rows)
  assert(clipboard['+'] and clipboard['+']:find(quoted, 1, true), 'clipboard: ' .. tostring(clipboard['+']))
end)

run(':ScrapDigest writes the folder digest and keeps an existing file without !', function()
  local out = ws .. '/digest.html'
  vim.cmd('ScrapDigest ' .. vim.fn.fnameescape(out))
  wait('digest.html', function()
    return vim.uv.fs_stat(out) ~= nil
  end)
  local html = assert(io.open(out, 'rb')):read('*a')
  assert(html:find('<h2>반도체 수출 20% 증가</h2>', 1, true), html)
  assert(html:find('&lt;script&gt;alert(1)&lt;/script&gt;', 1, true) and not html:find('<script>', 1, true))
  local g = assert(io.open(out, 'wb'))
  g:write('내 파일')
  g:close()
  vim.cmd('ScrapDigest ' .. vim.fn.fnameescape(out))
  assert(table.concat(notes, '\n'):find('exists', 1, true), 'refusal: ' .. table.concat(notes, ' | '))
  assert(assert(io.open(out, 'rb')):read('*a') == '내 파일', 'the file was overwritten')
  vim.cmd('ScrapDigest! ' .. vim.fn.fnameescape(out))
  wait('the overwritten digest', function()
    return (assert(io.open(out, 'rb')):read('*a')):find('<!doctype html>', 1, true) ~= nil
  end)
end)

vim.lsp.stop_client(vim.lsp.get_clients({ name = 'scrapls' }))
vim.wait(2000, function() return #vim.lsp.get_clients({ name = 'scrapls' }) == 0 end, 20)
vim.fn.delete(ws, 'rf')
io.stdout:write(('%d passed, %d failed\n'):format(passed, failed))
os.exit(failed > 0 and 1 or 0)
