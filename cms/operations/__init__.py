"""Operations: what the people who run the site do with it, not what visitors or editors see.

- ``backup``: back up and restore the database and the media (``manage.py backup_site`` /
  ``restore_site``, i.e. ``make backup`` / ``make restore``).
"""
