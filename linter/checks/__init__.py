"""The explicit registry of checks: rule name -> check function (rules/<name>.yaml describes each)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from linter.checks import (
    auth_url_scope_missing,
    auth_url_scope_not_declared,
    deprecated_endpoint,
    hardcoded_credential,
    invalid_auth_url,
    invalid_manifest,
    legacy_auth,
    license_not_covered,
    missing_scope,
    oauth2_not_enabled,
    purchasable_not_published,
    redirect_uri_mismatch,
    scope_added_needs_reauthorization,
    service_account_not_allowed,
    unknown_endpoint,
    unknown_license,
    unknown_scope,
    unused_scope,
    warehouse_scopes,
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
    # From the Fortnox FAQ: the authorization URL
    "auth-url-scope-not-declared": auth_url_scope_not_declared.check,
    "auth-url-scope-missing": auth_url_scope_missing.check,
    "redirect-uri-mismatch": redirect_uri_mismatch.check,
    "service-account-not-allowed": service_account_not_allowed.check,
    "oauth2-not-enabled": oauth2_not_enabled.check,
    "invalid-auth-url": invalid_auth_url.check,
    # authentication and secrets
    "legacy-auth": legacy_auth.check,
    "hardcoded-credential": hardcoded_credential.check,
    # modules and distribution
    "warehouse-scopes": warehouse_scopes.check,
    "purchasable-not-published": purchasable_not_published.check,
    # changing scopes
    "scope-added-needs-reauthorization": scope_added_needs_reauthorization.check,
    # Runs last, in the engine, after suppressions are applied (see linter.suppressions).
    "unused-suppression": unused_suppression.check,
}
