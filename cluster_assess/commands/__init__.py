"""One module per command; `common` holds the options and output handling they share."""
