"""Relationship health: the model that scores each active pair, and the data its charts draw."""
