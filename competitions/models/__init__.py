from .book_rooms import BookRoom, Recognition

__all__ = ["BookRoom", "Recognition"]
