"""The Pairings page's parts: the run's options, the suggestion (locks, forbids, accepting), the current pairs and
their lifecycle, and the hand-off."""
