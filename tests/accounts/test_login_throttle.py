"""Admin logins are throttled (django-axes): repeated failures lock the account out, even
with the right password, until the cool-off; passwords go through the validators."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def login(client, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "ada", "password": password},
        REMOTE_ADDR="10.9.8.7",
    )


def test_repeated_failures_lock_the_login(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="ada", is_staff=True)
    assert login(client, PASSWORD).status_code == 302  # works, and resets the counter
    client.logout()
    for _ in range(2):
        assert login(client, "wrong").status_code == 200  # the form again, with an error
    assert login(client, "wrong").status_code == 429  # the third failure locks
    locked = login(client, PASSWORD)
    assert locked.status_code == 429  # locked out even with the right password
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused():
    user = UserFactory(username="ada")
    for weak in ["12345678", "password", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password(PASSWORD, user)
