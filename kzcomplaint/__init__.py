"""kzcomplaint: election complaints for Kazakhstan that are complete in form and filed in time."""

__version__ = "0.1.0"
