"""Config -> the rules a Normalizer runs, in the fixed order of ``ORDER``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from normalize.rules import ORDER, Rule

if TYPE_CHECKING:
    from normalize.config import Config


def rules_for(config: Config) -> tuple[Rule, ...]:
    from normalize.rules import consistency, lookalike, style, unicode

    simple: dict[str, Rule] = {
        "lookalike": lookalike.lookalike,
        "consistency": consistency.consistency,
        **unicode.RULES,
    }
    out: list[Rule] = []
    for rule in ORDER:
        if rule not in config.rules:
            continue
        if rule == "style":
            if config.style or config.prefer:
                out.append(style.style_rule(config.style, config.prefer, str(config.path or "config")))
        else:
            out.append(simple[rule])
    return tuple(out)
