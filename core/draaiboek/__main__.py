"""``python -m draaiboek`` runs the CLI."""

from draaiboek.cli import main

main()
