"""Aspire: steer a career from the terminal."""

__version__ = "0.1.0"
