-- scrapls export for Neovim: the scrap as the group's sheet rows (into the
-- clipboard and the unnamed register) and the printable weekly digest.
local scrapls = require('scrapls')

local M = {}

M.commands = {
  copy_rows = 'scrapls.copySheetRows',
  digest = 'scrapls.exportDigest',
}

local function notify(msg, level)
  vim.notify('scrapls: ' .. msg, level or vim.log.levels.INFO, { title = 'scrapls' })
end

--- :ScrapCopyRows: the scrap as sheet rows (`label<TAB>value`, multi-line
--- values as quoted cells) in the `+` register (the system clipboard, when
--- Neovim has a clipboard provider) and the unnamed register, to paste into
--- the group's Google Sheets or Excel.
---@param bufnr? integer
---@param on_done? fun(rows: string)
function M.copy_rows(bufnr, on_done)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  scrapls.execute(bufnr, M.commands.copy_rows, { vim.uri_from_bufnr(bufnr) }, function(rows)
    if type(rows) ~= 'string' then
      notify('the server returned no rows', vim.log.levels.ERROR)
      return
    end
    vim.fn.setreg('"', rows)
    local ok = pcall(vim.fn.setreg, '+', rows)
    local count = select(2, rows:gsub('\n', '\n'))
    if ok then
      notify(('sheet rows copied to the clipboard (%d lines)'):format(count))
    else
      notify('sheet rows copied to the unnamed register (no clipboard provider)', vim.log.levels.WARN)
    end
    if on_done then
      on_done(rows)
    end
  end)
end

--- :ScrapDigest[!] [file]: the printable HTML digest of the scraps saved in
--- the current scrap's folder, written to `file` (default digest.html in
--- the current directory). An existing file is kept unless `!` is given.
---@param file? string
---@param force? boolean
---@param opts? { bufnr?: integer, with_body?: boolean, on_done?: fun(path: string) }
function M.digest(file, force, opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local path = vim.fn.fnamemodify(file and file ~= '' and file or 'digest.html', ':p')
  if not force and vim.uv.fs_stat(path) then
    notify(path .. ' exists; use :ScrapDigest! to overwrite it', vim.log.levels.ERROR)
    return
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local target = name ~= '' and vim.uri_from_fname(vim.fs.dirname(name)) or vim.uri_from_bufnr(bufnr)
  local args = { target, { withBody = opts.with_body == true } }
  scrapls.execute(bufnr, M.commands.digest, args, function(html)
    if type(html) ~= 'string' then
      notify('the server returned no digest', vim.log.levels.ERROR)
      return
    end
    local f, err = io.open(path, 'wb')
    if not f then
      notify(tostring(err), vim.log.levels.ERROR)
      return
    end
    f:write(html)
    f:close()
    notify('digest written to ' .. vim.fn.fnamemodify(path, ':~:.'))
    if opts.on_done then
      opts.on_done(path)
    end
  end)
end

return M
