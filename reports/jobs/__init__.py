"""Background report files: the full records export and the ISO 27001 evidence pack."""
