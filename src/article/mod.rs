//! Article extraction: HTML bytes in, headline/body/metadata out (pure), and a
//! thin fetching layer on top. (Being built: see issue 3.)
