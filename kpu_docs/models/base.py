"""Shared pydantic configuration: every model rejects unknown keys, so a typo in a file is an error."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class Model(BaseModel):
    """Base of every decree model: strict keys, stripped text, immutable after validation."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        use_attribute_docstrings=True,
    )


Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text: an empty string where text is required is an input error."""
