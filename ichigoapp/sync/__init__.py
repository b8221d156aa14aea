"""Network sources: calendar links (ICS over https) and CalDAV accounts.

Bytes and ETags in, importer input out: nothing here touches the vault. The services
(``services/syncing.py``) decide what a fetched calendar means for the encounters.
"""

import logging

# The HTTP and CalDAV libraries log every request line (a calendar link's path is its
# token) and the calendar text itself at debug level, and retries with the address at
# warning level. Even with ICHIGO_DEBUG they stay quiet but for real errors.
for _name in ("urllib3", "urllib3_future", "niquests", "caldav"):
    logging.getLogger(_name).setLevel(logging.ERROR)
