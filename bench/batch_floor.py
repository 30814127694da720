"""The floor of ``batch``: a minimal script doing the same work, for ``bench.py``.

For every case file of a folder it reads and parses the file and writes the
same document ours writes — the same paragraphs, made beforehand by the
bench (as the one-document row's minimal writer is given them), written by
:mod:`minimal` — atomically, as ours does: each file's bytes synced before
its name appears, never over an existing file, the folder synced once at the
end. No validation, no checks, no templates: what any batch must at least do.

    python bench/batch_floor.py CASES_DIR OUT_DIR PREPARED
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from minimal import minimal_body, minimal_package, sync_folder, write_new  # noqa: E402


def main() -> int:
    """Write one document per case file."""
    source, out, prepared = (Path(arg) for arg in sys.argv[1:4])
    with prepared.open("rb") as handle:
        base = pickle.load(handle)
    parts, head, tail, tags, documents = base["parts"], base["head"], base["tail"], base["tags"], base["documents"]
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.json")):
        data = json.loads(path.read_bytes())
        language = data.get("language", "ru")
        paragraphs, own = documents[path.stem]
        document = (head + minimal_body(paragraphs, tags[language]) + tail).encode("utf-8")
        write_new(out / f"{path.stem}.{language}.docx", minimal_package(parts, {"word/document.xml": document, **own}))
    sync_folder(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
