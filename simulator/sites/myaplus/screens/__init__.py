"""One module per screen of the My APLUS migration (① to ⑫) and the recovery pages."""
