"""The case: its model, case files (load, save, migrate), the autosaved draft, the profile, identifiers."""
