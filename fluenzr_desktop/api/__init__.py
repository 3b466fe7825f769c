"""The local REST API: loopback only, bearer token, Pro plan; the same ops as the CLI."""
