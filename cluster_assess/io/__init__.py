"""The edges of the flow: reading YAML and amounts, expanding inputs, spreadsheets, safe writes, packaged data."""
