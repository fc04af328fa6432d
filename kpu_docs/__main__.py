"""python -m kpu_docs: the same command line as kpu-docs."""

from kpu_docs.cli import main

main()
