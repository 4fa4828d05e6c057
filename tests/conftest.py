import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True, scope="session")
def _model_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The detector's unpacked model goes under the test run's own folder, not the user's cache."""
    os.environ.setdefault("LINTKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Inside the fresh-clone run of the README's test command, the slow tests already ran outside it."""
    if not os.environ.get("LINTKIT_FRESH_CLONE"):
        return
    skip = pytest.mark.skip(reason="slow; the outer run of the suite runs it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
