"""What the build takes from the installed site engine (MkDocs + Material), checked by name, so that an upgrade or a
fork that drops one fails here with a sentence saying what is gone, not deep inside a build:

- every hook event build_tools/site/hooks.py defines, with the arguments it takes by name (MkDocs passes
  them as keywords, so a renamed one is a silent failure);
- the private functions and attributes of MkDocs that build_tools/site/mkdocs_shard.py replaces or reads, and
  the dirty-build notice mkdocs_build.py recognises;
- the Material template blocks and partials build_tools/site/theme/main.html overrides or includes.

Each check is a function returning what is missing, and each is also run against a deliberately broken engine
(a name removed), so none of them can pass by accident.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import ModuleType

import mkdocs.commands.build as mkdocs_build_module
import pytest
from mkdocs import plugins
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.site import hooks as site_hooks
from build_tools.site import mkdocs_build

THEME_OVERRIDE = Path(site_hooks.__file__).parent / "theme" / "main.html"
# What mkdocs_shard.Shard.install and on_files replace, and what each replacement receives first.
SHARD_FUNCTIONS = {"_populate_page": "page", "_build_page": "page", "_build_theme_template": None,
                   "_build_extra_template": None}  # fmt: skip
SHARD_PAGE_ATTRIBUTES = ("present_anchor_ids", "links_to_anchors")  # read by Shard.on_post_build


def hook_functions(module: ModuleType) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(function)
        for name, function in vars(module).items()
        if name.startswith("on_") and inspect.isfunction(function)
    }


def missing_hook_events(
    collection: type = plugins.PluginCollection, events: tuple[str, ...] = plugins.EVENTS
) -> list[str]:
    """Hook events site_hooks.py defines that the engine does not run, or runs without an argument the hook takes."""
    problems = []
    for name, signature in sorted(hook_functions(site_hooks).items()):
        runner = getattr(collection, name, None)
        if name.removeprefix("on_") not in events or runner is None:
            problems.append(f"hook event {name} (site/hooks.py) is not an event of the installed engine")
            continue
        given = set(inspect.signature(runner).parameters)
        # The item (first argument) is passed by position; every other one by its name.
        for argument in list(signature.parameters)[1:]:
            if argument not in given:
                problems.append(f"hook event {name} no longer passes '{argument}', which site_hooks.py takes")
    return problems


def missing_shard_internals(
    build: ModuleType = mkdocs_build_module, page: type = Page, files: type = Files
) -> list[str]:
    """The private MkDocs names mkdocs_shard.py patches or reads."""
    problems = []
    for name, first in SHARD_FUNCTIONS.items():
        function = getattr(build, name, None)
        if not callable(function):
            problems.append(f"mkdocs.commands.build.{name} is gone: mkdocs_shard.py replaces it")
        elif first and next(iter(inspect.signature(function).parameters), None) != first:
            problems.append(
                f"mkdocs.commands.build.{name} no longer takes '{first}' first: mkdocs_shard.py relies on it"
            )
    for attribute in SHARD_PAGE_ATTRIBUTES:
        if attribute not in inspect.get_annotations(page) and not hasattr(page, attribute):
            problems.append(f"Page.{attribute} is gone: mkdocs_shard.py reads it to check anchors across shares")
    if not callable(getattr(files, "copy_static_files", None)):
        problems.append("Files.copy_static_files is gone: mkdocs_shard.py skips it in all shares but the first")
    if mkdocs_build.DIRTY_NOTICE not in inspect.getsource(build):
        problems.append(f"MkDocs no longer says {mkdocs_build.DIRTY_NOTICE!r}: mkdocs_build.py tells it from warnings")
    return problems


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def missing_theme_parts(templates: Path, override: str) -> list[str]:
    """Blocks main.html overrides that Material's base.html no longer has, and partials it includes that are gone."""
    base = (templates / "base.html").read_text(encoding="utf-8")
    problems = []
    for block in re.findall(r"{%\s*block\s+(\w+)\s*%}", override):
        if not re.search(rf"{{%-?\s*block\s+{block}\s*-?%}}", base):
            problems.append(f"Material's base.html has no block '{block}', which site/theme/main.html overrides")
    for partial in re.findall(r'{%\s*include\s+"([^"]+)"', override):
        if not (templates / partial).is_file():
            problems.append(f"Material has no template '{partial}', which build_tools/site/theme/main.html includes")
    if '{% extends "base.html" %}' not in override:
        problems.append("build_tools/site/theme/main.html no longer extends base.html")
    return problems


def test_every_hook_event_the_build_relies_on_is_run_by_the_engine():
    assert set(hook_functions(site_hooks)) >= {"on_config", "on_files", "on_page_content", "on_post_page"}
    assert missing_hook_events() == []


def test_the_private_functions_mkdocs_shard_replaces_are_there():
    assert missing_shard_internals() == []


def test_the_material_blocks_the_theme_override_replaces_are_there():
    override = THEME_OVERRIDE.read_text(encoding="utf-8")
    assert "site_nav" in override
    assert missing_theme_parts(material_templates(), override) == []


# The checks fail when the engine loses a name.


def test_a_hook_event_the_engine_dropped_is_named():
    events = tuple(event for event in plugins.EVENTS if event != "page_context")
    assert missing_hook_events(events=events) == [
        "hook event on_page_context (site/hooks.py) is not an event of the installed engine"
    ]


def test_a_hook_argument_the_engine_no_longer_passes_is_named():
    class Renamed(plugins.PluginCollection):
        def on_post_page(self, output: str, /, *, page: Page, settings: object) -> str:  # "config" renamed
            return output

    assert missing_hook_events(collection=Renamed) == [
        "hook event on_post_page no longer passes 'config', which site_hooks.py takes"
    ]


@pytest.mark.parametrize("name", sorted(SHARD_FUNCTIONS))
def test_a_private_function_the_engine_dropped_is_named(monkeypatch, name):
    monkeypatch.delattr(mkdocs_build_module, name)
    assert missing_shard_internals() == [f"mkdocs.commands.build.{name} is gone: mkdocs_shard.py replaces it"]


def test_a_page_attribute_and_a_files_method_the_engine_dropped_are_named():
    class OldPage:
        present_anchor_ids: set[str] | None = None

    class OldFiles:
        pass

    assert missing_shard_internals(page=OldPage, files=OldFiles) == [
        "Page.links_to_anchors is gone: mkdocs_shard.py reads it to check anchors across shares",
        "Files.copy_static_files is gone: mkdocs_shard.py skips it in all shares but the first",
    ]


def test_a_material_block_or_partial_that_is_gone_is_named(tmp_path):
    templates = material_templates()
    base = (templates / "base.html").read_text(encoding="utf-8")
    (tmp_path / "base.html").write_text(re.sub(r"{%-?\s*block\s+site_nav\s*-?%}", "", base), encoding="utf-8")
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "toc.html").write_text("", encoding="utf-8")
    assert missing_theme_parts(tmp_path, THEME_OVERRIDE.read_text(encoding="utf-8")) == [
        "Material's base.html has no block 'site_nav', which site/theme/main.html overrides",
        "Material has no template 'partials/nav.html', which build_tools/site/theme/main.html includes",
    ]


def test_a_dirty_notice_the_engine_reworded_is_named(monkeypatch):
    monkeypatch.setattr(mkdocs_build, "DIRTY_NOTICE", "A 'partial' build is being performed")
    assert missing_shard_internals() == [
        "MkDocs no longer says \"A 'partial' build is being performed\": mkdocs_build.py tells it from warnings"
    ]
