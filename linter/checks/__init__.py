"""The explicit registry of checks: rule name -> check function (rules/<name>.yaml describes each)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from linter.checks import (
    deprecated_endpoint,
    invalid_manifest,
    license_not_covered,
    missing_scope,
    unknown_endpoint,
    unknown_license,
    unknown_scope,
    unused_scope,
    unused_suppression,
)
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef

Check = Callable[[RuleDef, Context], Iterable[Finding]]

CHECKS: dict[str, Check] = {
    "invalid-manifest": invalid_manifest.check,
    "missing-scope": missing_scope.check,
    "unused-scope": unused_scope.check,
    "unknown-scope": unknown_scope.check,
    "unknown-endpoint": unknown_endpoint.check,
    "license-not-covered": license_not_covered.check,
    "unknown-license": unknown_license.check,
    "deprecated-endpoint": deprecated_endpoint.check,
    # Runs last, in the engine, after suppressions are applied (see linter.suppressions).
    "unused-suppression": unused_suppression.check,
}
