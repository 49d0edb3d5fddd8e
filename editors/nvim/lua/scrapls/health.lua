-- :checkhealth scrapls
local M = {}

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
        'Install it: `cargo install --path .` in a clone of the scrapls repository (puts it in ~/.cargo/bin)',
        "Or point at the binary: vim.lsp.config('scrapls', { cmd = { '/path/to/scrapls', 'serve' } })",
      })
    else
      local ok, res = pcall(function()
        return vim.system({ exe, '--version' }, { text = true }):wait(5000)
      end)
      if ok and res.code == 0 then
        h.ok(('`%s` runs: %s'):format(exe, vim.trim(res.stdout ~= '' and res.stdout or res.stderr)))
      else
        local help = vim.system({ exe, '--help' }, { text = true }):wait(5000)
        if help.code == 0 then
          h.ok(('`%s` runs (`--help` answered)'):format(exe))
        else
          h.error(('`%s` did not run: %s'):format(exe, ok and vim.trim(res.stderr or '') or tostring(res)))
        end
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
