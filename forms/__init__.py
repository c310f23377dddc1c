"""Fields, validation and saving of everything staff record."""
