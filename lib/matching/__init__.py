"""The pairing engine: exact, rule-safe, explained suggestions for one-on-one, group and peer mentorship.

    from lib.matching import PairingOptions, suggest
    suggestion = suggest(dataset, PairingOptions(type="one-on-one", goal="everyone"))
"""

from .criteria import CRITERIA, DEFAULT_WEIGHTS, LABELS, PRESET_FOR_TYPE, PRESETS, Weights
from .engine import PairingOptions, suggest
from .rules import RULES, RuleBroken
from .suggestion import Group, Pair, Summary, Suggestion, Unmatched

__all__ = ["CRITERIA", "DEFAULT_WEIGHTS", "LABELS", "PRESETS", "PRESET_FOR_TYPE", "RULES", "Group", "Pair",
           "PairingOptions", "RuleBroken",
           "Suggestion", "Summary", "Unmatched", "Weights", "suggest"]
