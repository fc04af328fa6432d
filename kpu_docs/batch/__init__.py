"""One decree per row of a spreadsheet."""
