"""The pairing engine: exact, rule-safe, explained suggestions for one-on-one, group and peer mentorship.

    from lib.matching import PairingOptions, suggest
    suggestion = suggest(dataset, PairingOptions(type="one-on-one", goal="everyone"))

The names below load their module on first use: the solvers bring scipy.optimize and OR-tools, which a page that
only explains a stored pair (the hand-off) or the health command never needs.
"""

from importlib import import_module

_HOME = {"CRITERIA": "criteria", "DEFAULT_WEIGHTS": "criteria", "LABELS": "criteria", "PRESETS": "criteria",
         "PRESET_FOR_TYPE": "criteria", "Weights": "criteria", "PairingOptions": "options", "suggest": "engine",
         "RULES": "rules", "Group": "suggestion", "Pair": "suggestion", "Suggestion": "suggestion",
         "Summary": "suggestion", "Unmatched": "suggestion", "rematch": "rematch", "Rematch": "rematch"}
__all__ = [*_HOME, "RuleBroken"]


def __getattr__(name: str):
    if name == "RuleBroken":
        from lib.errors import RuleBroken

        return RuleBroken
    if name in _HOME:
        return getattr(import_module(f"lib.matching.{_HOME[name]}"), name)
    raise AttributeError(f"module 'lib.matching' has no attribute {name!r}")
