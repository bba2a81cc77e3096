"""Following stories in a stream of news: finding the stories in a mixed pile (:mod:`.split`) and
watching feeds for new articles of a story (:mod:`.watch`, :mod:`.schedule`, :mod:`.feedstate`).

Named ``follow``, not ``stories``: :mod:`storyline.stories` is the store's Stories API.
"""
