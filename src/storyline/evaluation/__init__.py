"""Scorers for public benchmarks (article extraction, TimeML, ECB+)."""
