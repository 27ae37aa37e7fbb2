import factory

from infitah.forum.models import Category, Post, Thread
from tests.factories import UserFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: {"ar": f"فئة {n}", "fr": f"Catégorie {n}"})
    slug = factory.Sequence(lambda n: f"category-{n}")
    order = factory.Sequence(lambda n: n)
    members_only = False


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread written straight into the database (the services are tested on their own)."""

    class Meta:
        model = Thread

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Sujet {n}")
    body = "Un message."
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "Une réponse."
