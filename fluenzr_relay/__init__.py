"""fluenzr-relay: the tracking relay a founder deploys so opens, clicks and unsubscribes are
recorded while the laptop sleeps. It never learns a recipient's address."""

__version__ = "0.1.0"
