"""Fan club screens: one module per step of the first login."""
