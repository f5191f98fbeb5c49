"""The competitions app's forms; each checks through the service's `*_errors`."""

from .book_rooms import BookRoomForm

__all__ = ["BookRoomForm"]
