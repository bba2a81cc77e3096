"""Stories as groups of articles: finding the stories in a mixed pile (:mod:`.split`) and watching
feeds for new articles of a story (:mod:`.watch`, :mod:`.schedule`)."""
