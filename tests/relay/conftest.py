"""The relay's tests run a real relay process: fixtures in tests/conftest.py, helpers in
tests/fixtures/relay_server.py."""
