"""Entry point for `condlookup` and `python -m condlookup`."""

from condlookup.commands.app import main

if __name__ == "__main__":
    main()
