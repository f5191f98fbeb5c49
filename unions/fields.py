from django import forms

from cohesion_portal.widgets import FastSelect


class UnionChoiceField(forms.ModelChoiceField):
    widget = FastSelect

    """A union shown with the unions above it (甲工会委员会 › 一车间分会), so that the many
    "一车间分会" of an industry union can be told apart. One more query names them all."""

    def label_from_instance(self, union):
        if union.parent_id is None:  # a grassroots union: its own name says it
            return union.name
        if not hasattr(self, "_names"):
            # Only names from the choices themselves: nothing outside the user's scope.
            self._names = dict(self.queryset.values_list("pk", "name"))
        chain = [*union.ancestor_ids(), union.pk]
        return " › ".join(self._names[pk] for pk in chain if pk in self._names)
