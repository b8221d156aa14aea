"""Importers: turn files from other tools into plain data for the services."""
