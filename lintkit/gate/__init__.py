"""The gate: which findings a run finally reports (selection, severities, suppressions, per-file-ignores, baseline)."""
