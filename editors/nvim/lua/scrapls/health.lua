-- :checkhealth scrapls
local M = {}

--- Reports whether the server's version (from `scrapls --version`) is the
--- plugin's: commands and settings are made for one release.
---@param server string|nil
function M.check_version(server)
  local plugin = require('scrapls').version
  if server == nil then
    vim.health.warn('could not read the server version from `scrapls --version`')
  elseif server == plugin then
    vim.health.ok(('server version %s matches the plugin (%s)'):format(server, plugin))
  else
    vim.health.warn(('server version %s does not match the plugin (%s)'):format(server, plugin), {
      'Install both from the same scrapls release: scripts/install.sh in a clone updates the server',
    })
  end
end

function M.check()
  local h = vim.health
  h.start('scrapls: Neovim')
  if vim.fn.has('nvim-0.11') == 1 then
    h.ok('Neovim ' .. tostring(vim.version()))
  else
    h.error('Neovim ' .. tostring(vim.version()) .. ' is too old', { 'scrapls needs Neovim 0.11 or newer' })
  end

  h.start('scrapls: server binary')
  local config = vim.lsp.config.scrapls
  local cmd = config and config.cmd
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    h.warn('the scrapls configuration has no command list (cmd is ' .. type(cmd) .. '); cannot check it')
  else
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      h.error('`' .. cmd[1] .. '` is not executable or not on PATH', {
        'Install it: scripts/install.sh in a clone of scrapls (puts it in ~/.local/bin)',
        "Or point at the binary: vim.lsp.config('scrapls', { cmd = { '/path/to/scrapls', 'serve' } })",
      })
    else
      local ok, res = pcall(function()
        return vim.system({ exe, '--version' }, { text = true }):wait(5000)
      end)
      if ok and res.code == 0 then
        local said = vim.trim(res.stdout ~= '' and res.stdout or res.stderr)
        h.ok(('`%s` runs: %s'):format(exe, said))
        M.check_version(said:match('(%d+%.%d+%.%d+%S*)'))
      else
        h.error(('`%s` did not run: %s'):format(exe, ok and vim.trim(res.stderr or '') or tostring(res)), {
          'Rebuild or reinstall it: scripts/install.sh in a clone of scrapls',
        })
      end
    end
  end

  h.start('scrapls: configuration')
  if vim.filetype.match({ filename = 'a.scrap.md' }) == 'scrap' then
    h.ok('*.scrap.md and *.scrap have filetype `scrap`')
  else
    h.error('*.scrap.md is not detected as `scrap`', { 'Is editors/nvim on the runtimepath before startup?' })
  end
  if vim.lsp.is_enabled('scrapls') then
    h.ok('the `scrapls` LSP configuration is enabled')
  else
    h.warn('the `scrapls` LSP configuration is not enabled', {
      "Add vim.lsp.enable('scrapls') to your config, or call require('scrapls').setup()",
    })
  end
  local clients = vim.lsp.get_clients({ name = 'scrapls' })
  if #clients == 0 then
    h.info('no scrapls client is running (open a *.scrap.md file)')
  end
  for _, c in ipairs(clients) do
    local info = c.server_info or {}
    h.ok(('client %d running: %s %s, root %s'):format(
      c.id,
      info.name or 'scrapls',
      info.version or '',
      c.root_dir or '(single file)'
    ))
  end
end

return M
