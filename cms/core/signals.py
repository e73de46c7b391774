"""Signals of the core app: ``post_collection_move`` after a collection moved in the tree.

Wagtail sends ``post_page_move`` for pages only, and django-treebeard (the tree under Wagtail's
collections) sends no signal at all, neither does the admin's collection edit view, which calls
``Collection.move()`` after saving the form. A collection moved below a restricted one becomes private
with all its documents (and public again when moved out), so ``Collection.move`` is wrapped here to
send ``post_collection_move(sender=Collection, instance=<the moved collection, reloaded>)``.
"""

from django.dispatch import Signal
from wagtail.models import Collection

from cms.caching import invalidation

post_collection_move = Signal()


def _install_collection_move_signal():
    if getattr(Collection.move, "sends_post_collection_move", False):
        return
    wagtail_move = Collection.move

    def move(self, target, pos=None):
        result = wagtail_move(self, target, pos)
        # treebeard rewrites the paths with queryset updates: the instance is stale, reload it.
        post_collection_move.send(sender=Collection, instance=Collection.objects.get(pk=self.pk))
        return result

    move.sends_post_collection_move = True
    move.__doc__ = wagtail_move.__doc__
    Collection.move = move


def _collection_moved(sender, instance, **kwargs):
    invalidation.invalidate(f"Sammlung {instance.pk} verschoben")


def register():
    _install_collection_move_signal()
    post_collection_move.connect(_collection_moved, dispatch_uid="core_collection_moved")
