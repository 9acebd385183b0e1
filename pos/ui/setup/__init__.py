"""Setting up and administering an outlet: first-run wizard, settings, users, printer, rejected events."""
