//! The command line: `check`, `convert`, `new`, `fetch`, `extract`, `serve`.
