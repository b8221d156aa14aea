"""Ichigo: a personal relationship manager that treats every meeting as the only one."""

__version__ = "0.1.0"
