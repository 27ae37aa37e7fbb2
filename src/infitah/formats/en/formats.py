# A date with its time as the pages write it (Arabic has its own comma: formats/ar).
DATETIME_FORMAT = "j F Y, H:i"
