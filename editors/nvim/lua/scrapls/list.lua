-- :ScrapList: the scraps of the workspace folder in the quickfix list, from
-- `scrapls list --format json` with the same filters (--since, --until,
-- --press, --tag, --missing), sorted by date.
local M = {}

local function notify(msg, level)
  vim.notify('scrapls: ' .. msg, level or vim.log.levels.INFO, { title = 'scrapls' })
end

--- A JSON string field, or '-' for null.
local function str(v)
  return type(v) == 'string' and v or '-'
end

--- One quickfix item from one `list --format json` row.
---@param row table
---@return vim.quickfix.entry
function M.item(row)
  local status = {}
  if type(row.duplicates) == 'table' and #row.duplicates > 0 then
    status[#status + 1] = 'duplicate'
  end
  if type(row.missing) == 'table' and #row.missing > 0 then
    status[#status + 1] = 'missing: ' .. table.concat(row.missing, ', ')
  end
  local text = table.concat({ str(row.date), str(row.press), str(row.headline) }, '  ')
  if #status > 0 then
    text = text .. '  [' .. table.concat(status, '; ') .. ']'
  end
  return { filename = row.path, lnum = 1, col = 1, text = text }
end

--- The folder to list: the scrapls client's root, else the current directory.
local function folder()
  local client = vim.lsp.get_clients({ name = 'scrapls' })[1]
  return (client and client.root_dir) or vim.fn.getcwd()
end

--- Runs `scrapls list` with `args` (filters) and fills the quickfix list.
---@param args string[]
---@param on_done? fun(items: vim.quickfix.entry[])
function M.run(args, on_done)
  local config = vim.lsp.config.scrapls or {}
  local bin = type(config.cmd) == 'table' and config.cmd[1] or 'scrapls'
  local cmd = { bin, 'list', '--format', 'json' }
  vim.list_extend(cmd, args or {})
  cmd[#cmd + 1] = folder()
  local ok, err = pcall(vim.system, cmd, { text = true }, vim.schedule_wrap(function(res)
    if res.code ~= 0 then
      notify(vim.trim(res.stderr or ''), vim.log.levels.ERROR)
      return
    end
    local items = {}
    for line in (res.stdout or ''):gmatch('[^\n]+') do
      local decoded, row = pcall(vim.json.decode, line)
      if decoded and type(row) == 'table' then
        items[#items + 1] = M.item(row)
      end
    end
    vim.fn.setqflist({}, ' ', { title = 'scrapls list', items = items })
    if on_done then
      on_done(items)
    else
      vim.cmd('botright copen')
    end
  end))
  if not ok then
    notify(tostring(err), vim.log.levels.ERROR)
  end
end

return M
