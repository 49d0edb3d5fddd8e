local M = {}

local added = false

--- Registers the `scrap` filetype for `*.scrap.md` and `*.scrap`.
function M.add()
  if added then
    return
  end
  added = true
  vim.filetype.add({
    extension = { scrap = 'scrap' },
    pattern = {
      -- Above the `md` extension rule, which would say markdown.
      ['.*%.scrap%.md'] = { 'scrap', { priority = 10 } },
    },
  })
  -- Highlight scraps with the bundled Markdown tree-sitter parser.
  pcall(vim.treesitter.language.register, 'markdown', 'scrap')
end

return M
