"""Pure domain code: no Qt, no SQL, nothing else from `pos`."""
