"""Notices of what is new: digests of the articles that mention a watched term or person, sent by e-mail and by
webhook (``scrapy notify``, or after each crawl), each article at most once per recipient and term (the ledger in
``storage.notifications``)."""
