from .media import CustomDocument, CustomImage, CustomRendition
from .snippets import Contact, GoodPracticeCriterion, Organisation, Person

__all__ = [
    "Contact",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "GoodPracticeCriterion",
    "Organisation",
    "Person",
]
