from django.contrib.auth.hashers import Argon2PasswordHasher


class PortalArgon2Hasher(Argon2PasswordHasher):
    """Argon2id at the OWASP password-storage parameters (19 MiB, two passes, one lane).

    Django's default asks 100 MiB and eight lanes per hash: on the union offices' two-core
    servers a morning's logins at 8 o'clock would queue behind each other. Hashes made with other
    parameters still verify, and are upgraded at the next login.
    """

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
