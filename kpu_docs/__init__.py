"""kpu-docs: Indonesian government decrees (Keputusan) from data to Word."""
