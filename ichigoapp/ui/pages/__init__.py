"""The main window's pages: Today, Contacts, Encounters, Reflections, Promises.

Each is a ``base.Page``: it refreshes itself when shown after the data changed.
"""
