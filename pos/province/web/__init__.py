"""The province's dashboard in a browser: users and sessions, server-rendered pages and exports."""
