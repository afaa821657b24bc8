"""The proof that the harness judges a site it did not write: the unchanged features against ``tests/blind_site``
(an implementation written from the two documents and ``simulator/openapi.yaml`` alone), reached through
``profile.yaml`` and ``vocabulary.yaml`` only. ``python -m tests.vendor_proof`` runs it; ``python -m
tests.vendor_proof.mutants`` switches on the blind site's (and the simulator's) defects one by one and reports
which ones the features name by spec ID."""
