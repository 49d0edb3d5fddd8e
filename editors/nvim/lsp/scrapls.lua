-- Default configuration of the scrapls language server for Neovim >= 0.11.
--
--   vim.lsp.enable('scrapls')                 -- use it as is
--   vim.lsp.config('scrapls', { ... })        -- override any field first
--
-- `init_options` follows the server contract:
--   { templateFile = string|nil, locale = 'ko'|'en'|nil,
--     fetch = { timeoutMs = number, userAgent = string|nil },
--     severity = { ['missing-section'] = 'error'|'warning'|'information'|'hint'|'off', ... } }
-- The same table under `settings = { scrapls = { ... } }` is sent with
-- workspace/didChangeConfiguration, so it can be changed while running.

---@type vim.lsp.Config
return {
  cmd = { 'scrapls', 'serve' },
  filetypes = { 'scrap' },
  root_markers = { 'scrapls.toml', '.git' },
  init_options = vim.empty_dict(),
  settings = vim.empty_dict(),
  before_init = function(params)
    -- VS Code sends its display language as `locale`; Neovim does not, so
    -- send the one of the environment (ko_KR.UTF-8 -> ko-KR) unless the
    -- configuration chose one.
    if params.locale == nil then
      params.locale = require('scrapls').locale()
    end
  end,
}
