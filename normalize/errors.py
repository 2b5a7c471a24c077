"""The one exception base class; the CLI maps it to a one-line message and exit 2."""


class NormalizeError(Exception):
    """Something the user can act on: the message says what and what to do."""


class DictionaryError(NormalizeError):
    """A shipped or configured dictionary is missing or malformed."""


class InputError(NormalizeError):
    """A file cannot be read or written as text (missing, binary, undecodable...)."""
