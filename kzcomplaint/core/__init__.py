"""The Qt-free core: case model, loading, checks, deadlines and rendering."""
