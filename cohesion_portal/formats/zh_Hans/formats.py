# Django's Chinese formats, with numbers grouped by thousands as statistical reports write
# them (12,345), where Django's default groups by ten-thousands with no separator.
from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
