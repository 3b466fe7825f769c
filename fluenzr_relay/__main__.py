"""`python -m fluenzr_relay`: the same as the `fluenzr-relay` command."""

from fluenzr_relay.cli import run

if __name__ == "__main__":
    run()
