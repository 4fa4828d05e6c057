"""The run: project layout to jobs, the engine, workers, coverage of what was asked, and git changes."""
