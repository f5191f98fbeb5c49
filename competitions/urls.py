from django.urls import path

from .views import book_rooms

app_name = "competitions"
urlpatterns = [
    path("book-rooms/", book_rooms.BookRoomListView.as_view(), name="book_room_list"),
    path("book-rooms/new/", book_rooms.BookRoomEditView.as_view(), name="book_room_create"),
    path("book-rooms/<int:pk>/", book_rooms.BookRoomDetailView.as_view(), name="book_room_detail"),
    path("book-rooms/<int:pk>/edit/", book_rooms.BookRoomEditView.as_view(), name="book_room_edit"),
]
