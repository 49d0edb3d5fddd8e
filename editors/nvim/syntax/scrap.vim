" Fallback regex syntax for scraps (used when tree-sitter is unavailable).
if exists('b:current_syntax')
  finish
endif
runtime! syntax/markdown.vim
unlet! b:current_syntax
syntax match scrapNumber /\v(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s?(\%p|\%|bp|원|달러|조|억|만|배|명|개|건)?/ containedin=ALLBUT,markdownCode,markdownCodeBlock
syntax match scrapUrl /\vhttps?:\/\/[^ \t<>"']+/ containedin=ALLBUT,markdownCode,markdownCodeBlock
highlight default link scrapNumber Number
highlight default link scrapUrl Underlined
let b:current_syntax = 'scrap'
