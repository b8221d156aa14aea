"""The desktop app's widgets: the only package that imports QtWidgets.

main_window.py holds the window; pages/ its five pages; dialogs/ one dialog per
module; widgets/ the parts they are built from; actions/ the File menu's features;
lifecycle/ unlock, auto-lock, maintenance and the single instance. Everything here
reaches the vault through ichigoapp.services (docs/ARCHITECTURE.md).
"""
