from .book_rooms import book_room_errors, book_room_save

__all__ = ["book_room_errors", "book_room_save"]
