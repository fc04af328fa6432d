"""Decree numbers: their patterns (pola.py) and the office's register of numbers given (register.py).

Kept light: `kpu-docs check` reads patterns, so this package imports no SQLite, spreadsheet or
Word code until a register is opened.
"""
