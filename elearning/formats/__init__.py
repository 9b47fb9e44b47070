"""The project's date formats per language (FORMAT_MODULE_PATH): one numeric Czech format."""
