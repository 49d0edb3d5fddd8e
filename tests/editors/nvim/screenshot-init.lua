-- Neovim configuration for the README screenshot (tests/editors/nvim/screenshot.mjs):
-- the plugin as a user sets it up, diagnostics shown as virtual text.
local root = vim.fs.normalize(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)) .. '/../../..')
vim.opt.rtp:prepend(root .. '/editors/nvim')
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.laststatus = 2
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. 'I'
vim.diagnostic.config({ virtual_text = { prefix = '●' }, severity_sort = true })
vim.lsp.config('scrapls', { cmd = { os.getenv('SCRAPLS_BIN') or 'scrapls', 'serve' }, init_options = { locale = 'ko' } })
vim.lsp.enable('scrapls')
local ready = os.getenv('SCRAPLS_READY_FILE')
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    if ready and #vim.diagnostic.get(args.buf) > 0 then
      vim.defer_fn(function()
        -- Jump to the first diagnostic and show its float, as a user would with ]d.
        vim.api.nvim_win_set_cursor(0, { 1, 0 })
        vim.diagnostic.jump({ count = 1, wrap = true, float = true })
        local f = io.open(ready, 'w')
        if f then
          f:write('ready')
          f:close()
        end
      end, 300)
    end
  end,
})
