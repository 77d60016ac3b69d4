"""``python -m briefgen`` runs the CLI."""

from .cli import run

run()
