"""Input widgets and item delegates the pages and dialogs are built from."""
