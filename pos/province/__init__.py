"""province."""
