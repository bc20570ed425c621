"""Measured cluster indicators: specialisation and concentration computed from data tables.

Kept import-light on purpose: heavy engines (polars, openpyxl, ruamel) are imported inside
the functions that need them so `cluster-assess --help` stays fast.
"""
