"""FluenzR Desktop: a local-first cold-email sequencer for solo founders."""

__version__ = "0.1.0"
