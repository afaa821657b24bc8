"""An independent (blind) implementation of the My APLUS migration (①–⑫) and the fan club first login
(STEP1–STEP7), built from the two public help documents only. See README.md."""
