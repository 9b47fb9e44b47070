"""The security manager's reports: the risk heat map, effectiveness and PDCA."""
