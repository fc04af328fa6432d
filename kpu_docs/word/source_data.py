"""The decree's own data kept inside the .docx it was rendered to, for `kpu-docs import`.

Printing loses what a reader cannot see: the case of a title printed in capitals, that a
table's numbers are generated (nomor_urut), a name whose capitals differ from it ("Straße",
"STRASSE"). So the renderer keeps the data as well, as JSON in a custom XML part
(customXml/itemN.xml with its properties part): the place Word and LibreOffice keep a
document's own data through every edit and save, invisible in the text. The importer reads
the printed text as always and uses the kept value of every field whose printed text is still
what that value prints (kpu_docs.importing.kept); what a person edited comes back as edited.
"""

from __future__ import annotations

import json
from typing import Any

from kpu_docs.models import Keputusan
from kpu_docs.word.parts import AddedPart

NAMESPACE = "urn:kpu-docs:keputusan"
"""The root element's namespace: how the importer recognises the part, whatever it is named."""
VERSION = 1
DATASTORE_ID = "{6F1D2A4C-8B3E-4C55-9A7B-2D0C4E1F5A36}"
"""The item's id in Word's data store: fixed, so the same decree gives the same bytes."""
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
RELATIONSHIP_ID = "rIdKpuDocsData"


def data_of(keputusan: Keputusan) -> dict:
    """The decree as file data (what kpu_docs.from_data reads back to an equal model): the
    fields it was given but those given as None (every optional field's default), dates in ISO
    form."""
    return _without_none(keputusan.model_dump(mode="json", exclude_unset=True))


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def payload(keputusan: Keputusan, combined: bool) -> str:
    """The JSON kept in the part: the data, and whether the package holds the Lampiran (a
    decree rendered with lampiran_terpisah keeps them in files of their own)."""
    content = {"versi": VERSION, "lampiran_di_berkas": combined, "data": data_of(keputusan)}
    text = json.dumps(content, ensure_ascii=True, separators=(",", ":"))
    # ASCII with JSON's own escapes for XML's specials: XML text as it is, nothing to escape
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def parts(keputusan: Keputusan, combined: bool, taken: set[str]) -> list[AddedPart]:
    """The custom XML item, its properties and the item's relationships, named after the first
    customXml/itemN.xml the template does not already have (`taken`: its member names)."""
    n = 1
    while f"customXml/item{n}.xml" in taken or f"customXml/itemProps{n}.xml" in taken:
        n += 1
    item = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<keputusan xmlns="{NAMESPACE}">{payload(keputusan, combined)}</keputusan>'
    )
    props = (
        "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n"
        f'<ds:datastoreItem ds:itemID="{DATASTORE_ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    )
    rels = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_CUSTOM_XML_PROPS}" Target="itemProps{n}.xml"/></Relationships>'
    )
    return [
        AddedPart(f"customXml/item{n}.xml", "application/xml", RELATIONSHIP_ID, _CUSTOM_XML, item.encode("utf-8"),
                  target=f"../customXml/item{n}.xml"),
        AddedPart(f"customXml/itemProps{n}.xml", _PROPS_TYPE, "", "", props.encode("utf-8")),
        AddedPart(f"customXml/_rels/item{n}.xml.rels", _RELS_TYPE, "", "", rels.encode("utf-8")),
    ]
