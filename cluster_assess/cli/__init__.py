"""The command line: the app, shared options and one module per command."""
