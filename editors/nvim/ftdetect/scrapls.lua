-- *.scrap.md and *.scrap are scraps, not plain Markdown.
require('scrapls.filetype').add()
