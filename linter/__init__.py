"""fortnox-scope-lint: static scope and licence compatibility linter for Fortnox integrations."""

__version__ = "0.1.0"
