"""`python -m fluenzr_desktop` opens the desktop app."""

from fluenzr_desktop.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
