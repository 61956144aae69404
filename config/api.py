"""The API router (filled in by the API work)."""

urlpatterns: list = []
