"""Pure rules of the product: no I/O, no Qt, no database session."""
