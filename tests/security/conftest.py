"""The app's own test fixtures (settings in tmp_path, no modal dialog left hanging) for
the security tests that drive its windows."""

from tests.ui.conftest import dialog_log, qsettings_in_tmp  # noqa: F401
