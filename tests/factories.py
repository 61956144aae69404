"""factory_boy factories for every model; tests build exactly the rows they need."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model

from actors.models import Actor, ActorKind, Alias, Role
from events.models import Meeting, Participation, Precision
from statements.models import Article, Claim, Statement


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    slug = factory.Sequence(lambda n: f"actor-{n}")
    kind = ActorKind.PERSON


class StateFactory(ActorFactory):
    kind = ActorKind.STATE


class MediaFactory(ActorFactory):
    kind = ActorKind.MEDIA


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    actor = factory.SubFactory(ActorFactory)
    title = "President"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = "summit"
    start_date = dt.date(2019, 4, 25)
    start_precision = Precision.DAY


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    actor = factory.SubFactory(ActorFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    text = factory.Sequence(
        lambda n: f'Headline {n}\n\n"We talked for hours," the minister said. Talks went on.\n'
    )
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())
    publisher = factory.SubFactory(MediaFactory)
    published_at = dt.datetime(2019, 4, 25, 11, 37, tzinfo=dt.UTC)
    body_end = factory.LazyAttribute(lambda o: len(o.text))


class StatementFactory(factory.django.DjangoModelFactory):
    """By default the statement is the quoted words of the default article text."""

    class Meta:
        model = Statement

    article = factory.SubFactory(ArticleFactory)
    start = factory.LazyAttribute(lambda o: o.article.text.index("We talked"))
    end = factory.LazyAttribute(lambda o: o.start + len("We talked for hours,"))
    text = factory.LazyAttribute(lambda o: o.article.text[o.start : o.end])
    speaker = factory.SubFactory(ActorFactory)
    direct = True
    date = dt.date(2019, 4, 25)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    claimant = factory.SubFactory(ActorFactory)
    subject = factory.SubFactory(ActorFactory)
    text = factory.Sequence(lambda n: f"Proposition number {n} holds")
    fingerprint = factory.Sequence(lambda n: f"fp-{n:060d}")
