"""``python -m briefgen`` runs the CLI."""

from .cli import main

main()
