# Django's Arabic formats do not group digits; populations and budgets read better grouped (4 520 569).
NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = "\u202f"
DECIMAL_SEPARATOR = ","
# A date with its time, in Arabic punctuation.
DATETIME_FORMAT = "j F Y، H:i"
