"""HR's reports: the completion dashboard, the people behind its numbers, transcripts."""
