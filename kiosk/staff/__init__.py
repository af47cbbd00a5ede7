"""Staff access to a locked-down kiosk: the PIN and its lock-out. Pure Python, no Qt."""
