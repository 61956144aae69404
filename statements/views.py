"""A first, plain site: the loaded meetings and actors. The real site is built on top."""

from django.shortcuts import get_object_or_404, render

from actors.models import Actor
from events.models import Meeting

from .models import Article, Claim, Statement


def home(request):
    return render(
        request,
        "home.html",
        {
            "meetings": Meeting.objects.on_timeline(),
            "actors": Actor.objects.all(),
            "articles": Article.objects.with_context(),
        },
    )


def actor_detail(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return render(request, "simple_detail.html", {"object": actor})


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    return render(request, "simple_detail.html", {"object": meeting})


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug)
    return render(request, "simple_detail.html", {"object": article})


def statement_detail(request, pk):
    statement = get_object_or_404(Statement.objects.with_context(), pk=pk)
    return render(request, "simple_detail.html", {"object": statement})


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.with_context(), pk=pk)
    return render(request, "simple_detail.html", {"object": claim})
