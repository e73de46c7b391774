"""What several test modules share: helpers and fixtures (test modules import only from here and
``tests.factories``, never from each other)."""
