# -*- coding: koi8-r -*-
# Cyrillic in KOI8-R: identifiers, strings, bytes and comments.
приветствие = "Привет, мир"
def длина(строка):
    """Считает символы."""
    return len(строка)  # комментарий
print(f"{приветствие!r}: {длина(приветствие)}")
