"""Work off the UI thread: the runner with success and failure callbacks, and rendering and export."""
