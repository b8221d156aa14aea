"""The app's life around the vault: creating or unlocking it, auto-lock, the page check
and daily backup after start-up, a damaged vault, and one instance per vault."""
