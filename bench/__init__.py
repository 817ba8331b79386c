"""Benchmarks (not tests): data generators and timed scenarios that print figures."""
