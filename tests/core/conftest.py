"""Fixtures of the core tests."""

import pytest


@pytest.fixture
def write(tmp_path):
    """write(name, data) -> path of a new file with ``data`` in a temporary folder."""

    def write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write
