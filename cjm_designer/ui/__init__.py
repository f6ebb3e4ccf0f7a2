"""The application's windows and dialogs."""
