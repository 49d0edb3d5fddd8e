-- scrapls: user commands and filetype detection. The server itself starts
-- with vim.lsp.enable('scrapls') (or require('scrapls').setup()).
if vim.g.loaded_scrapls then
  return
end
vim.g.loaded_scrapls = true

if vim.fn.has('nvim-0.11') == 0 then
  vim.notify('scrapls needs Neovim 0.11 or newer', vim.log.levels.WARN)
  return
end

require('scrapls.filetype').add()

local function cmd(name, fn, opts)
  vim.api.nvim_create_user_command(name, fn, opts)
end

cmd('ScrapFetch', function()
  require('scrapls').fetch()
end, { desc = 'scrapls: fetch the article of the link section into this scrap' })

cmd('ScrapNew', function(o)
  require('scrapls').new(o.fargs[1], o.fargs[2])
end, { nargs = '+', complete = 'file', desc = 'scrapls: new scrap from an article URL: :ScrapNew {url} [file]' })

cmd('ScrapConvert', function()
  require('scrapls').convert()
end, { desc = 'scrapls: convert a table-form scrap to Markdown' })

cmd('ScrapInsertMissing', function()
  require('scrapls').insert_missing()
end, { desc = 'scrapls: insert every missing section' })

cmd('ScrapCopyRows', function()
  require('scrapls.export').copy_rows()
end, { desc = 'scrapls: copy this scrap as sheet rows (+ and unnamed registers)' })

cmd('ScrapDigest', function(o)
  require('scrapls.export').digest(o.fargs[1], o.bang)
end, { nargs = '?', bang = true, complete = 'file', desc = 'scrapls: write the HTML digest of this folder: :ScrapDigest[!] [file]' })

cmd('ScrapList', function(o)
  require('scrapls.list').run(o.fargs)
end, { nargs = '*', desc = 'scrapls: the folder\'s scraps in the quickfix list: :ScrapList [--since DATE] [--tag T] ...' })
