"""The law the app applies: rule files and their loader, citations, the working-day calendar,
deadlines, routes between bodies, admissibility checks, the catalogue of kinds and the directory of bodies."""
