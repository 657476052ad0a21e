"""Human and JSON renderings of the rule definitions (`fortnox-lint rules` / `rule NAME`)."""

from __future__ import annotations

import json
import textwrap

from linter.ruledefs import RuleDef, find_rule, load_rules


def rules_table() -> str:
    rules = sorted(load_rules().values(), key=lambda r: r.code)
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def rules_json() -> str:
    rules = sorted(load_rules().values(), key=lambda r: r.code)
    return json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                        "fortnox_error": r.fortnox_error, "faq": r.faq} for r in rules],
                      indent=2, ensure_ascii=False) + "\n"


def rule_text(rules: dict[str, RuleDef], name_or_code: str) -> str | None:
    rule = find_rule(rules, name_or_code)
    if rule is None:
        return None
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    out += ["Why:", textwrap.indent(rule.rationale.strip(), "  "), ""]
    if rule.fortnox_error:
        out += [f"Fortnox error it prevents: \"{rule.fortnox_error}\""]
    if rule.faq:
        out += [f"From the Fortnox FAQ: \"{rule.faq}\""]
    out += ["", "How to fix:", textwrap.indent(rule.fix.strip(), "  "), ""]
    for example in rule.examples:
        verdict = "reported" if example["fires"] else "not reported"
        out.append(f"Example ({verdict}): {example['title']}")
        for name, content in example["files"].items():
            out.append(f"  --- {name}")
            out.append(textwrap.indent(content.rstrip("\n"), "  "))
        out.append("")
    return "\n".join(out)
