"""Built dictionaries shipped inside the installed package (see README.md here)."""
