"""The one error a batch stops on before rendering anything: bad invocation or unreadable files."""


class BatchError(ValueError):
    """The batch as a whole cannot run (a missing file, an unknown column, a bad base file).

    The message is Indonesian and names the file and column; the CLI exits with code 2.
    Problems of a single row are not raised but reported as that row's outcome.
    """
