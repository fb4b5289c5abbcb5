"""The paging bounds moved to build_tools/present/paging.py (present reads them too: layering); this
name stays for the modules that still import it from here."""

from build_tools.present.paging import *  # noqa: F403
from build_tools.present.paging import _cut  # noqa: F401
