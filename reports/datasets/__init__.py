"""What walks the agency and tallies: histories from the database, and the counts each
output needs, worked out by the rules. Counts, not tables."""
