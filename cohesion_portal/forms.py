"""What the portal's forms share."""


class CheckedByService:
    """A ModelForm checked by its service's rules: once the fields are clean, their values are
    put on the form's instance and `service_errors(instance)` (the service's `*_errors`) says
    what is wrong, each message next to its field ("__all__", or a field the form does not
    show: above the form). The service checks the same again when it saves."""

    def service_errors(self, instance) -> dict:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for name, value in cleaned.items():
            setattr(self.instance, name, value)
        for field, message in self.service_errors(self.instance).items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned
