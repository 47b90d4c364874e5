"""Benchmark scripts (run each as a script; figures in the README's Performance section)."""
