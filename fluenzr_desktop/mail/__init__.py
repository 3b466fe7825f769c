"""Mail: MIME building, SMTP transport and IMAP inbox reading (no Qt, no database)."""
