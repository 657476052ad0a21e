"""The corpus holds sample integrations, not tests: pytest must not import them."""

collect_ignore_glob = ["*"]
