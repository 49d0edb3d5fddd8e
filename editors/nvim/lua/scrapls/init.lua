-- scrapls for Neovim: commands that call the language server's
-- workspace/executeCommand, and a setup() for lazy.nvim-style configuration.
local M = {}

--- The plugin's version: the scrapls release it belongs to (Cargo.toml's
--- version; `:checkhealth scrapls` compares it with the server's).
M.version = '0.1.0'

M.commands = {
  fetch = 'scrapls.fetchArticle',
  new = 'scrapls.newFromUrl',
  convert = 'scrapls.convertToMarkdown',
  insert_missing = 'scrapls.insertMissingSections',
}

local function notify(msg, level)
  vim.notify('scrapls: ' .. msg, level or vim.log.levels.INFO, { title = 'scrapls' })
end

--- The locale to send with `initialize`, from the environment (v:lang):
--- `ko_KR.UTF-8` gives `ko-KR`. Nil for C/POSIX, leaving the server's default.
---@return string|nil
function M.locale()
  local lang = vim.v.lang or ''
  local tag = lang:match('^(%a%a%a?)[_-]?(%a*)')
  if not tag or lang == 'C' or lang:match('^C%.') or lang == 'POSIX' then
    return nil
  end
  local region = lang:match('^%a%a%a?[_-](%a%a)')
  return region and (tag .. '-' .. region) or tag
end

--- The scrapls client attached to `bufnr`, if any.
---@param bufnr integer
---@return vim.lsp.Client|nil
function M.client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'scrapls' })[1]
end

--- Calls `cb(client)` once a scrapls client is attached to `bufnr` and
--- initialised, starting one if the configuration is not enabled.
---@param bufnr integer
---@param cb fun(client: vim.lsp.Client)
---@param timeout_ms? integer
function M.with_client(bufnr, cb, timeout_ms)
  local c = M.client(bufnr)
  if c and c.initialized then
    cb(c)
    return
  end
  local done = false
  vim.api.nvim_create_autocmd('LspAttach', {
    buffer = bufnr,
    callback = function(args)
      local client = vim.lsp.get_client_by_id(args.data.client_id)
      if done or not client or client.name ~= 'scrapls' then
        return
      end
      done = true
      cb(client)
      return true -- delete this autocmd
    end,
  })
  if not c then
    if vim.bo[bufnr].filetype ~= 'scrap' then
      notify('not a scrap buffer (filetype is "' .. vim.bo[bufnr].filetype .. '")', vim.log.levels.ERROR)
      done = true
      return
    end
    if not vim.lsp.is_enabled('scrapls') then
      local config = vim.lsp.config.scrapls
      if not config then
        notify('no "scrapls" LSP configuration found (is the plugin on the runtimepath?)', vim.log.levels.ERROR)
        done = true
        return
      end
      local ok, err = pcall(vim.lsp.start, config, { bufnr = bufnr })
      if not ok then
        notify(tostring(err), vim.log.levels.ERROR)
        done = true
        return
      end
    end
  end
  vim.defer_fn(function()
    if not done then
      done = true
      notify(
        'the language server did not start; see :checkhealth scrapls and :LspLog',
        vim.log.levels.ERROR
      )
    end
  end, timeout_ms or 15000)
end

--- Runs a server command with `arguments` for `bufnr`.
---@param bufnr integer
---@param command string
---@param arguments any[]
---@param on_result? fun(result: any)
function M.execute(bufnr, command, arguments, on_result)
  M.with_client(bufnr, function(client)
    local caps = client.server_capabilities.executeCommandProvider
    local known = type(caps) == 'table' and caps.commands or {}
    if not vim.list_contains(known, command) then
      notify('this scrapls does not support ' .. command .. ' (update the server)', vim.log.levels.ERROR)
      return
    end
    client:request('workspace/executeCommand', { command = command, arguments = arguments }, function(err, result)
      if err then
        notify(err.message or vim.inspect(err), vim.log.levels.ERROR)
        return
      end
      if on_result then
        on_result(result)
      end
    end, bufnr)
  end)
end

local function current_scrap()
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'scrap' then
    notify('the current buffer is not a scrap (*.scrap.md)', vim.log.levels.ERROR)
    return nil
  end
  return bufnr
end

--- A server command that takes the scrap's URI, run on `bufnr` (default:
--- the current buffer, which must be a scrap).
local function buffer_command(command)
  return function(bufnr)
    bufnr = bufnr or current_scrap()
    if bufnr then
      M.execute(bufnr, command, { vim.uri_from_bufnr(bufnr) })
    end
  end
end

--- :ScrapFetch: fetch the article of the link section into this scrap.
M.fetch = buffer_command(M.commands.fetch)

--- :ScrapConvert: convert a table-form scrap to the Markdown form.
M.convert = buffer_command(M.commands.convert)

--- :ScrapInsertMissing: insert every missing section.
M.insert_missing = buffer_command(M.commands.insert_missing)

local function new_name()
  local base = 'scrap-' .. os.date('%Y%m%d-%H%M%S')
  local name = base .. '.scrap.md'
  local n = 1
  while vim.uv.fs_stat(name) or vim.fn.bufexists(name) == 1 do
    n = n + 1
    name = ('%s-%d.scrap.md'):format(base, n)
  end
  return name
end

--- :ScrapNew {url} [{file}]: a new scrap buffer filled by the server from
--- the article at `url`. The buffer is named `file` (default
--- scrap-YYYYMMDD-HHMMSS.scrap.md in the current directory) and not written.
---@param url string
---@param file? string
---@param on_done? fun(bufnr: integer)
function M.new(url, file, on_done)
  if type(url) ~= 'string' or not url:match('^https?://%S+$') then
    notify('usage: :ScrapNew {http(s) url} [file]', vim.log.levels.ERROR)
    return
  end
  local bufnr = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_buf_set_name(bufnr, vim.fn.fnamemodify(file or new_name(), ':p'))
  vim.api.nvim_set_current_buf(bufnr)
  vim.bo[bufnr].filetype = 'scrap'
  notify('fetching ' .. url .. ' …')
  M.execute(bufnr, M.commands.new, { url }, function(result)
    local text = type(result) == 'table' and result.text or nil
    if type(text) ~= 'string' then
      notify('the server returned no scrap', vim.log.levels.ERROR)
      return
    end
    local lines = vim.split(text, '\r?\n')
    if lines[#lines] == '' then
      table.remove(lines)
    end
    vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
    notify('new scrap ' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':~:.') .. ' (not written yet)')
    if on_done then
      on_done(bufnr)
    end
  end)
end

--- Configures and enables the server (for lazy.nvim's `opts`, or by hand).
--- `opts` is merged into the `scrapls` LSP configuration (cmd, init_options,
--- settings, root_markers, ...); `opts.enable = false` only configures.
---@param opts? table
function M.setup(opts)
  opts = vim.deepcopy(opts or {})
  local enable = opts.enable ~= false
  opts.enable = nil
  require('scrapls.filetype').add()
  if next(opts) ~= nil then
    vim.lsp.config('scrapls', opts)
  end
  if enable then
    vim.lsp.enable('scrapls')
  end
end

return M
