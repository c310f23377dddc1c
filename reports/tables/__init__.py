"""Table specs laid out from the datasets' counts, the ledger that suppresses small
numbers across them, and the printed definitions."""
