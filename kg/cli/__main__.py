"""``python -m kg.cli``: run the kg command line."""

from . import main

main()
