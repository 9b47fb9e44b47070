"""Tests of the certificates app: the PDF renderer."""
