"""Only for the wheel's data: the metadata is in pyproject.toml.

A wheel of the harness must carry the features and the fixtures (spec catalogue, target profiles, user agents),
which live at the repository root; ``build_py`` copies them into the package as ``steps/_data/``, where
``steps/paths.py`` looks when the harness runs from site-packages. An editable install (``pip install -e``)
reads them from the checkout instead and copies nothing."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = {"features": ("*.feature",), "fixtures": ("*.yaml", "*.md")}


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "steps" / "_data"
        for folder, patterns in DATA.items():
            for pattern in patterns:
                for source in sorted((HERE / folder).rglob(pattern)):
                    copy = target / source.relative_to(HERE)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, copy)


setup(cmdclass={"build_py": BuildPyWithData})
