"""RSS and Atom feeds of the news (served by NewsIndexPage at rss/ and atom/)."""

from cms.core.feeds import PageFeed


class NewsFeed(PageFeed):
    def items_for(self, index):
        return index.get_news()
