"""``storyline serve``: the web app and JSON API over a store (see ``storyline.web.app``)."""

from storyline.web.app import create_app

__all__ = ["create_app"]
