"""Synthetic PHI-tagging corpus generators."""
