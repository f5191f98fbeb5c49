from .book_rooms import BookRoom, Recognition
from .titles import Level, Title, TitleKind, TitleStatus

__all__ = ["BookRoom", "Level", "Recognition", "Title", "TitleKind", "TitleStatus"]
