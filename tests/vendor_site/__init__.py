"""A second, independent implementation of a stretch of the My APLUS migration (①②③⑦⑧⑨⑩⑪).

Different URLs, field names and markup from the simulator, the documents' wording, and the same
control-API contract (simulator/openapi.yaml). It imports nothing from ``simulator``: the features
pass against it through ``profile.yaml`` alone, which proves they test the documents, not our site.
"""
