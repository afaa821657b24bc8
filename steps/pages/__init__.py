"""Page objects: one per screen, named after it, holding every word used to find things on it."""
