"""Stub services that receive what a real site sends: mail (SMTP), SMS and voice calls (a Twilio-style
HTTP gateway), carrier billing (docomo, au, SoftBank). Each records what it received, can be told to
fail, and is read and reset over HTTP (``/_stubs/...``)."""
