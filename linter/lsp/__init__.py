"""The language server (``fortnox-lint lsp``). Needs the ``lsp`` extra (pygls); nothing else imports it."""
