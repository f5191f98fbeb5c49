from django.urls import path

from .views import book_rooms, titles

app_name = "competitions"
urlpatterns = [
    path("book-rooms/", book_rooms.BookRoomListView.as_view(), name="book_room_list"),
    path("book-rooms/new/", book_rooms.BookRoomEditView.as_view(), name="book_room_create"),
    path("book-rooms/<int:pk>/", book_rooms.BookRoomDetailView.as_view(), name="book_room_detail"),
    path("book-rooms/<int:pk>/edit/", book_rooms.BookRoomEditView.as_view(), name="book_room_edit"),
    path("titles/", titles.TitleListView.as_view(), name="title_list"),
    path("titles/new/", titles.TitleEditView.as_view(), name="title_create"),
    path("titles/<int:pk>/", titles.TitleDetailView.as_view(), name="title_detail"),
    path("titles/<int:pk>/edit/", titles.TitleEditView.as_view(), name="title_edit"),
    path("titles/<int:pk>/decide/", titles.TitleDecideView.as_view(), name="title_decide"),
]
