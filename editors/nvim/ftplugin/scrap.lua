-- Buffer settings for scraps: Markdown prose written in Korean.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.bo.commentstring = '<!-- %s -->'
vim.bo.comments = 'fb:*,fb:-,fb:+,n:>'
vim.bo.formatoptions = vim.bo.formatoptions .. 'tcqln'
vim.opt_local.wrap = true
vim.opt_local.linebreak = true
vim.opt_local.breakindent = true

-- Tree-sitter highlighting when the Markdown parser is there (it ships with
-- Neovim); the regex syntax in syntax/scrap.vim otherwise.
if not pcall(vim.treesitter.start, 0, 'markdown') then
  vim.bo.syntax = 'scrap'
end

vim.b.undo_ftplugin = 'setlocal commentstring< comments< formatoptions< wrap< linebreak< breakindent<'
  .. ' | lua pcall(vim.treesitter.stop)'
