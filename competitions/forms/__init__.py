"""The competitions app's forms; each checks through the service's `*_errors`."""

from .book_rooms import BookRoomForm
from .titles import TitleDecisionForm, TitleForm

__all__ = ["BookRoomForm", "TitleDecisionForm", "TitleForm"]
