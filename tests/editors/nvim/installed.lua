-- Run inside a fresh Neovim whose only setup is the plugin folder on a
-- package path and require('scrapls').setup() (what the lazy.nvim spec
-- `{ dir = …/editors/nvim, name = 'scrapls', opts = {} }` amounts to), with
-- the installed scrapls on PATH, and the scrap to check as the current
-- buffer. Writes one "ok|FAIL name: detail" line per check to $RESULTS, then quits.
--
--   nvim --headless -c 'luafile tests/editors/nvim/installed.lua' FILE.scrap.md
local lines = {}
local function check(name, ok, detail)
  table.insert(lines, ('%s %s%s'):format(ok and 'ok' or 'FAIL', name, ok and '' or (': ' .. tostring(detail))))
end

local buf = vim.api.nvim_get_current_buf()
check('the scrap has filetype scrap', vim.bo[buf].filetype == 'scrap', vim.bo[buf].filetype)

local got = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
local codes = vim.tbl_map(function(d)
  return tostring(d.code)
end, vim.diagnostic.get(buf))
check('the server on PATH publishes missing-section', got and vim.list_contains(codes, 'missing-section'), table.concat(codes, ','))

vim.cmd('checkhealth scrapls')
local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
local version = require('scrapls').version
check(':checkhealth scrapls names the server version and that it matches', health:find(
  ('server version %s matches the plugin'):format(version),
  1,
  true
) ~= nil, health)
check(':checkhealth scrapls has no ERROR', not health:find('ERROR', 1, true), health)

local f = assert(io.open(os.getenv('RESULTS'), 'w'))
f:write(table.concat(lines, '\n') .. '\n')
f:close()
vim.cmd('qa!')
