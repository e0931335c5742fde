"""What is derived from a stored article: stems for the search, the region it is about, the watched terms it mentions."""
