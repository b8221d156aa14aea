"""Widgets the pages and dialogs are built from (lists, forms, the prep pane...)."""
