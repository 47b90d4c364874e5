"""The pairing engine: exact, rule-safe, explained suggestions for one-on-one, group and peer mentorship.

    from lib.matching import PairingOptions, suggest
    suggestion = suggest(dataset, PairingOptions(type="one-on-one", goal="everyone"))
"""

from lib.errors import RuleBroken
from lib.matching.criteria import CRITERIA, DEFAULT_WEIGHTS, LABELS, PRESET_FOR_TYPE, PRESETS, Weights
from lib.matching.engine import PairingOptions, suggest
from lib.matching.rules import RULES
from lib.matching.suggestion import Group, Pair, Suggestion, Summary, Unmatched

__all__ = ["CRITERIA", "DEFAULT_WEIGHTS", "LABELS", "PRESETS", "PRESET_FOR_TYPE", "RULES", "Group", "Pair",
           "PairingOptions", "RuleBroken",
           "Suggestion", "Summary", "Unmatched", "Weights", "suggest"]
