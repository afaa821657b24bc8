"""Givens that walk a member through earlier screens in the browser (``myaplus``, ``fanclub``) or put them there by
state injection where the target offers it (``arrival``), and the inquiry mail a fan club member writes
(``inquiry``). Used by the bindings only.

May import: ``steps.pages``, ``steps.target.clients``. Never imports bindings.
"""
