class ChineseFirstMiddleware:
    """The portal speaks Chinese unless a person chose English with the switch (a cookie).

    Django would otherwise follow the browser's Accept-Language, and an office computer with an
    English browser would greet a union officer in English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
