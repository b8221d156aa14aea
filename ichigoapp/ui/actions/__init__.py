"""The File menu's features, one controller each (file_menu.py puts them in order).

A controller takes what it needs (the parent widget, the vault, the event bus, the
clock), never the main window itself.
"""
