"""Simulated sites for the first-login spec harness: an ASGI app built by ``create_app(settings)``."""
__version__ = "0.1.0"
