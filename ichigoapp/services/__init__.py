"""Use cases over a SQLAlchemy Session. No Qt here: the CLI and the GUI both call these."""
