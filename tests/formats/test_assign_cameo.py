"""`assign_cameo`: fills empty codes only, in batches of fixed query counts."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Meeting
from statements.formats.assign import assign_cameo_codes, states_in_place
from statements.models import Statement
from tests import factories

from .conftest import more_meetings, participate


def test_codes_for_the_world(world):
    factories.MeetingFactory(kind="call", slug="phone-call")
    result = assign_cameo_codes()
    codes = dict(Meeting.objects.values_list("slug", "cameo_code"))
    assert codes == {
        "putin-kim-talks": "043",  # on Russky Island, Russia: Putin's home ground
        "second-summit": "040",  # place unknown
        "first-summit": "040",
        "six-party-talks": "046",
        "phone-call": "041",
    }
    # "Putin said" + "would be willing to" → express intent to cooperate
    assert Statement.objects.get().cameo_code == "030"
    assert sum(result.meetings.values()) == 5


def test_third_location(world):
    meeting = factories.MeetingFactory(place="Hanoi, Vietnam", kind="summit")
    factories.StateFactory(name="Vietnam", slug="vietnam")
    participate(meeting, world.kim)
    assign_cameo_codes()
    meeting.refresh_from_db()
    assert meeting.cameo_code == "044"


def test_states_in_place_whole_words():
    names = {"russia": 1, "niger": 2}
    assert states_in_place("Russky Island, eastern Russia", names) == {1}
    assert states_in_place("Nigeria", names) == set()


def test_codes_already_set_are_kept(world):
    Meeting.objects.filter(pk=world.talks.pk).update(cameo_code="057")
    assign_cameo_codes()
    world.talks.refresh_from_db()
    assert world.talks.cameo_code == "057"


def test_dry_run_writes_nothing(world):
    out = StringIO()
    call_command("assign_cameo", "--dry-run", stdout=out)
    assert out.getvalue().startswith("Would assign CAMEO codes to 4 meetings")
    assert not Meeting.objects.exclude(cameo_code="").exists()
    call_command("assign_cameo", stdout=out)
    assert not Meeting.objects.filter(cameo_code="").exists()
    out = StringIO()
    call_command("assign_cameo", stdout=out)  # safe to re-run
    assert "0 meetings (none), 0 statements (none)" in out.getvalue()


def test_bad_batch_size(db):
    with pytest.raises(CommandError):
        call_command("assign_cameo", "--batch-size", "0")


def test_queries_per_batch_are_fixed(world, django_assert_num_queries):
    more_meetings(6)  # 10 meetings, 1 statement
    # states (1); meetings: 3 batches of 4 × (read 2 + write 1) + the empty read (1);
    # statements: 1 batch × (read 1 + write 1) + the empty read (1);
    # each write also opens and closes a savepoint (2) inside the test's transaction.
    with django_assert_num_queries(1 + 3 * 3 + 1 + 2 + 1 + 4 * 2) as ctx:
        assign_cameo_codes(batch_size=4)
    writes = [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 4
