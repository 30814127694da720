"""Qt item models fed from the core's dataclasses (catalogue, problems, terms, evidence, bodies, start page)."""
