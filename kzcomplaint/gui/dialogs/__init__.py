"""The dialogs of the app: first run, problems of a file, the directory of bodies, training date, batch, errors."""
