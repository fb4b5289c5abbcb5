"""The model is the ground floor: every stage imports it, it imports no stage (and no third-party package)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

MODEL = Path(__file__).parent.parent / "build_tools" / "model"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_model_imports_only_the_standard_library_and_itself():
    outside = {
        f"{path.name}: {module}"
        for path in sorted(MODEL.glob("*.py"))
        for module in _imports(path)
        if not module.startswith("build_tools.model") and module.split(".")[0] not in sys.stdlib_module_names
    }
    assert not outside, outside
    assert len(list(MODEL.glob("*.py"))) > 5


def test_no_stage_is_imported_by_the_model_at_runtime():
    # A stage module imported while loading the model would be a circle waiting to happen.
    code = "import json, sys, build_tools.model; print(json.dumps([m for m in sys.modules if 'build_tools' in m]))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(run.stdout)
    assert "build_tools.model.edition" in loaded
    assert all(name.startswith("build_tools.model") for name in loaded if name != "build_tools"), loaded
