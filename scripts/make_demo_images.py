"""Write the demo's drawn illustrations and type motifs to a folder, to look at them.

    .venv/bin/python scripts/make_demo_images.py [folder]   (default: demo-images/, not in git)

The demo loaders draw the same pictures at load time (cms/core/demo/illustrations.py); nothing
binary is committed. Source and licence: docs/images.md.
"""

import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup()

from cms.core.demo import illustrations  # noqa: E402


def main(folder="demo-images"):
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name in illustrations.ILLUSTRATIONS:
        data, _alt = illustrations.illustration(name)
        (target / f"{name}.jpg").write_bytes(data)
        sys.stdout.write(f"{target / name}.jpg {len(data) // 1024} KB\n")
    for name, text in (
        ("typomotiv-industrie-vor-ort", "Industrie\nvor Ort"),
        ("typomotiv-zukunft", "Zukunft.\nGemacht in\nder Region."),
    ):
        data = illustrations.png_bytes(illustrations.type_motif(text))
        (target / f"{name}.png").write_bytes(data)
        sys.stdout.write(f"{target / name}.png {len(data) // 1024} KB\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
