from .book_rooms import book_room_errors, book_room_save
from .titles import decision_errors, title_decide, title_errors, title_save

__all__ = [
    "book_room_errors",
    "book_room_save",
    "decision_errors",
    "title_decide",
    "title_errors",
    "title_save",
]
