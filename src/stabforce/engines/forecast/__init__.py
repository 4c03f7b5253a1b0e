"""Forecasts of a force's build-up: a reference class of past missions blended with a bottom-up
Monte Carlo over pledges; and the leave-one-mission-out back-test. Pure NumPy, no I/O."""
