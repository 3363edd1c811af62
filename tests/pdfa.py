"""Structural checks of PDF/A-3b (ISO 19005-3, level B) on a finished file, read with pypdf and fontTools.

No PDF/A validator installs from PyPI, Debian or npm (veraPDF is a Java application distributed
on its own; the PyPI wrappers download it at run time), so the tests check what can be decided
from the file's structure. Each check is named after the clause and test number of the rule in
veraPDF's PDF/A-3B validation profile that it re-implements; :data:`CHECKED` lists them and
``docs/reports.md`` says what is not checked.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

CHECKED: dict[str, str] = {
    "6.1.2-1": "header %PDF-1.n (n 0-7) at byte 0",
    "6.1.2-2": "binary comment of four bytes above 127 on the second line",
    "6.1.3-1": "trailer ID",
    "6.1.3-2": "no encryption",
    "6.1.3-3": "nothing after the last %%EOF but one EOL",
    "6.1.7-1": "every stream's Length matches its bytes",
    "6.1.7-2": "stream/endstream keywords followed/preceded by EOL",
    "6.1.7-3": "no external streams (F, FFilter, FDecodeParms)",
    "6.1.7-4": "standard filters only, no LZW",
    "6.1.13": "integers, reals, strings and names within the implementation limits",
    "6.1.13-8": "q/Q nesting at most 28 deep",
    "6.2.2-1": "content streams use ISO 32000-1 operators only",
    "6.2.3-1": "output intent profile: monitor or printer class, RGB/CMYK/GRAY, ICC version below 5",
    "6.2.3-2": "every output intent shares one profile",
    "6.2.4.3": "device colour spaces match the output intent (no DeviceCMYK with an RGB intent)",
    "6.2.5": "no transfer functions or halftone overrides in ExtGState",
    "6.2.10-1": "standard blend modes only",
    "6.2.11.2": "font dictionaries: Type, Subtype, BaseFont",
    "6.2.11.3-1": "Type 0 fonts: Identity-H/V encoding",
    "6.2.11.3-2": "Type 2 CIDFonts have a CIDToGIDMap",
    "6.2.11.4-1": "every font program embedded",
    "6.2.11.4-2": "every glyph shown exists in the embedded program",
    "6.2.11.5-1": "widths in the font dictionary agree with the embedded program",
    "6.2.11.8-1": "no .notdef glyph shown",
    "6.3.1-1": "permitted annotation types",
    "6.3.2": "annotation flags: F present, Print set, Hidden/Invisible/NoView/ToggleNoView clear",
    "6.3.3-1": "appearance streams where required",
    "6.4": "no interactive form needing appearances, no XFA",
    "6.5.1": "permitted actions only (no JavaScript, Launch, ...), permitted named actions",
    "6.5.2": "no additional actions on the catalogue or pages",
    "6.6.2.1": "XMP metadata stream in the catalogue, well-formed, no bytes/encoding in the packet header",
    "6.6.2.3-7": "XMP properties from predefined schemas only",
    "6.6.4": "pdfaid:part 3 and pdfaid:conformance B",
    "6.8": "embedded files: MIME type, F and UF, AFRelationship, ModDate, listed in the catalogue's AF",
    "6.10/6.11": "no AlternatePresentations, PresSteps or Requirements",
    "JS": "no JavaScript anywhere (JS keys, JavaScript name tree)",
}

OPERATORS = frozenset(
    b"b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP "
    b"n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \"".split()
) | {b"INLINE IMAGE"}  # pypdf's name for a whole BI ... ID ... EI inline image
FILTERS = frozenset(
    {
        "/ASCIIHexDecode",
        "/ASCII85Decode",
        "/FlateDecode",
        "/RunLengthDecode",
        "/CCITTFaxDecode",
        "/JBIG2Decode",
        "/DCTDecode",
        "/JPXDecode",
    }
)
BLEND_MODES = frozenset(
    {
        "/Normal",
        "/Compatible",
        "/Multiply",
        "/Screen",
        "/Overlay",
        "/Darken",
        "/Lighten",
        "/ColorDodge",
        "/ColorBurn",
        "/HardLight",
        "/SoftLight",
        "/Difference",
        "/Exclusion",
        "/Hue",
        "/Saturation",
        "/Color",
        "/Luminosity",
    }
)
ANNOTATIONS = frozenset(
    {
        "/Text",
        "/Link",
        "/FreeText",
        "/Line",
        "/Square",
        "/Circle",
        "/Polygon",
        "/PolyLine",
        "/Highlight",
        "/Underline",
        "/Squiggly",
        "/StrikeOut",
        "/Stamp",
        "/Caret",
        "/Ink",
        "/Popup",
        "/FileAttachment",
        "/Widget",
        "/PrinterMark",
        "/TrapNet",
        "/Watermark",
        "/Redact",
    }
)
ACTIONS = frozenset({"/GoTo", "/GoToR", "/GoToE", "/Thread", "/URI", "/Named", "/SubmitForm"})
NAMED_ACTIONS = frozenset({"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"})
XMP_SCHEMAS = frozenset(
    {
        # Namespaces predefined by the XMP Specification 2005 and ISO 19005 (what veraPDF accepts without an
        # extension schema).
        "http://purl.org/dc/elements/1.1/",
        "http://ns.adobe.com/xap/1.0/",
        "http://ns.adobe.com/xap/1.0/rights/",
        "http://ns.adobe.com/xap/1.0/mm/",
        "http://ns.adobe.com/xap/1.0/bj/",
        "http://ns.adobe.com/xap/1.0/t/pg/",
        "http://ns.adobe.com/xap/1.0/dynamicmedia/",
        "http://ns.adobe.com/pdf/1.3/",
        "http://ns.adobe.com/photoshop/1.0/",
        "http://ns.adobe.com/camera-raw-settings/1.0/",
        "http://ns.adobe.com/exif/1.0/",
        "http://ns.adobe.com/exif/1.0/aux/",
        "http://ns.adobe.com/tiff/1.0/",
        "http://www.aiim.org/pdfa/ns/id/",
    }
)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
ICC_COMPONENTS = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}


def violations(path: Path) -> list[str]:
    """Every PDF/A-3b rule of :data:`CHECKED` that the file at ``path`` breaks, as ``clause: detail (where)``."""
    raw = path.read_bytes()
    _Font.cache.clear()  # object numbers repeat from file to file
    found: list[str] = []
    found.extend(_file_structure(raw))
    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted:
        return [*found, "6.1.3-2: the file is encrypted"]
    trailer = reader.trailer
    ids = trailer.get("/ID")
    if not ids or not all(
        len(bytes(item.get_original_bytes() if hasattr(item, "get_original_bytes") else item)) for item in ids
    ):
        found.append("6.1.3-1: no file identifier in the trailer")
    found.extend(_objects(reader, raw))
    catalog = trailer["/Root"].get_object()
    found.extend(_catalog(catalog))
    intent_problems, intent_components = _output_intents(catalog)
    found.extend(intent_problems)
    found.extend(_metadata(catalog))
    found.extend(_embedded_files(catalog))
    for number, page in enumerate(reader.pages, start=1):
        found.extend(f"{problem} (page {number})" for problem in _page(page, intent_components))
    return found


# --- file structure ----------------------------------------------------------------------------


def _file_structure(raw: bytes) -> list[str]:
    found: list[str] = []
    header = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%(....)", raw)
    if header is None:
        found.append("6.1.2-1: the file does not start with %PDF-1.n and an EOL")
    elif not all(byte > 127 for byte in header.group(2)):
        found.append("6.1.2-2: no binary comment after the header")
    end = raw.rfind(b"%%EOF")
    if end < 0 or raw[end + 5 :] not in (b"", b"\n", b"\r\n", b"\r"):
        found.append("6.1.3-3: data after the last %%EOF")
    return found


def _objects(reader: PdfReader, raw: bytes) -> list[str]:
    """Streams (length, keywords, filters, external data) and the implementation limits of every value."""
    found: list[str] = []
    for number, offset in sorted(reader.xref.get(0, {}).items()):
        try:
            obj = reader.get_object(number)
        except Exception as exc:  # a broken object is itself the finding
            found.append(f"6.1.7-1: object {number} cannot be read ({exc})")
            continue
        found.extend(f"{problem} (object {number})" for problem in _limits(obj))
        if isinstance(obj, StreamObject):
            found.extend(f"{problem} (object {number})" for problem in _stream(reader, obj, raw, offset))
    return found


def _stream(reader: PdfReader, stream: StreamObject, raw: bytes, offset: int) -> list[str]:
    found: list[str] = []
    for key in ("/F", "/FFilter", "/FDecodeParms"):
        if key in stream:
            found.append(f"6.1.7-3: stream dictionary has {key}")
    filters = stream.get("/Filter")
    names = [str(item) for item in filters] if isinstance(filters, ArrayObject) else [str(filters)] if filters else []
    found.extend(f"6.1.7-4: filter {name} is not allowed" for name in names if name not in FILTERS)
    keyword = raw.find(b"stream", raw.find(b">>", offset))
    match = re.compile(rb"stream(\r\n|\n)").match(raw, keyword)
    if match is None:
        return [*found, "6.1.7-2: 'stream' is not followed by CRLF or LF"]
    declared = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?").search(raw, offset)  # pypdf drops Length once read
    if declared is None or declared.start() > keyword:
        return [*found, "6.1.7-1: stream without Length"]
    length = int(declared.group(1))
    if declared.group(2):
        length = int(reader.get_object(length))
    if re.compile(rb"(\r\n|\r|\n)endstream").match(raw, match.end() + length) is None:
        found.append("6.1.7-1: Length does not end the data right before an EOL and 'endstream'")
    return found


def _limits(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 32:
        return
    if isinstance(value, IndirectObject):
        return  # checked as an object of its own
    if isinstance(value, NumberObject) and not -2147483648 <= int(value) <= 2147483647:
        yield f"6.1.13-1: integer {int(value)} out of range"
    elif isinstance(value, FloatObject) and (abs(float(value)) > 3.403e38 or 0 < abs(float(value)) < 1.175e-38):
        yield f"6.1.13-2: real {float(value)} out of range"
    elif isinstance(value, (TextStringObject, ByteStringObject)):
        size = len(value.get_original_bytes()) if isinstance(value, TextStringObject) else len(value)
        if size >= 32767:
            yield f"6.1.13-3: string of {size} bytes"
    elif isinstance(value, NameObject) and len(value.encode("utf-8")) > 128:
        yield f"6.1.13-4: name longer than 127 bytes: {value[:40]}"
    elif isinstance(value, DictionaryObject):
        if "/JS" in value:
            yield "JS: a JavaScript action (JS key)"
        for item in value.values():
            yield from _limits(item, depth + 1)
    elif isinstance(value, ArrayObject):
        for item in value:
            yield from _limits(item, depth + 1)


# --- catalogue, output intents, metadata, attachments ----------------------------------------------


def _catalog(catalog: DictionaryObject) -> list[str]:
    found: list[str] = []
    if "/AA" in catalog:
        found.append("6.5.2-1: the catalogue has additional actions (AA)")
    if "/Requirements" in catalog:
        found.append("6.11-1: the catalogue has Requirements")
    if catalog.get("/NeedsRendering"):
        found.append("6.4.2-2: the catalogue has NeedsRendering true")
    names = catalog.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names:
        found.append("JS: a JavaScript name tree")
    if "/AlternatePresentations" in names:
        found.append("6.10-1: AlternatePresentations in the name dictionary")
    form = catalog.get("/AcroForm")
    if form is not None:
        form = form.get_object()
        if form.get("/NeedAppearances"):
            found.append("6.4.1-3: NeedAppearances is true")
        if "/XFA" in form:
            found.append("6.4.2-1: the interactive form has XFA")
    action = catalog.get("/OpenAction")
    if isinstance(action, DictionaryObject) or (
        action is not None and isinstance(action.get_object(), DictionaryObject)
    ):
        found.extend(_action(action.get_object()))
    return found


def _output_intents(catalog: DictionaryObject) -> tuple[list[str], int | None]:
    intents = [item.get_object() for item in catalog.get("/OutputIntents", [])]
    pdfa = [intent for intent in intents if intent.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        return ["6.2.4.3: no PDF/A output intent (GTS_PDFA1)"], None
    found: list[str] = []
    profiles = {
        intent.raw_get("/DestOutputProfile").idnum
        for intent in intents
        if isinstance(intent.raw_get("/DestOutputProfile"), IndirectObject)
    }
    if len(profiles) > 1:
        found.append("6.2.3-2: output intents with different profiles")
    profile = pdfa[0].get("/DestOutputProfile")
    if profile is None:
        return [*found, "6.2.3-1: the PDF/A output intent has no DestOutputProfile"], None
    profile = profile.get_object()
    data = profile.get_data()
    if data[36:40] != b"acsp":
        return [*found, "6.2.3-1: DestOutputProfile is not an ICC profile"], None
    if data[12:16] not in (b"prtr", b"mntr") or data[16:20] not in ICC_COMPONENTS or data[8] >= 5:
        found.append(f"6.2.3-1: ICC profile class {data[12:16]!r}, space {data[16:20]!r}, version {data[8]}")
    components = ICC_COMPONENTS.get(data[16:20])
    if profile.get("/N") != components:
        found.append(f"6.2.3-1: profile N {profile.get('/N')} does not match its colour space {data[16:20]!r}")
    if "/OutputConditionIdentifier" not in pdfa[0]:
        found.append("6.2.3: the output intent has no OutputConditionIdentifier")
    return found, components


def _metadata(catalog: DictionaryObject) -> list[str]:
    stream = catalog.get("/Metadata")
    if stream is None:
        return ["6.6.2.1-1: the catalogue has no Metadata stream"]
    stream = stream.get_object()
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        return ["6.6.2.1-1: the metadata stream is not Type Metadata, Subtype XML"]
    data = stream.get_data()
    found: list[str] = []
    packet = re.search(rb"<\?xpacket begin=[^>]*\?>", data)
    if packet is None:
        found.append("6.6.2.1: no XMP packet header")
    elif re.search(rb"\b(bytes|encoding)=", packet.group(0)):
        found.append("6.6.2.1-2/3: bytes or encoding attribute in the XMP packet header")
    try:
        root = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", data))
    except ET.ParseError as exc:
        return [*found, f"6.6.2.1-4: XMP is not well-formed ({exc})"]
    properties: dict[str, str] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        for key, value in description.attrib.items():
            if key.startswith("{") and not key.startswith(f"{{{RDF}}}"):
                properties[key] = value
        for child in description:
            properties[child.tag] = (child.text or "").strip()
    for key in properties:
        namespace = key[1:].split("}")[0]
        if namespace not in XMP_SCHEMAS:
            found.append(f"6.6.2.3-7: XMP property {key} is from a schema that needs an extension schema")
    if properties.get(f"{{{PDFAID}}}part") != "3":
        found.append(f"6.6.4-2: pdfaid:part is {properties.get(f'{{{PDFAID}}}part')!r}, not 3")
    if properties.get(f"{{{PDFAID}}}conformance") != "B":
        found.append(f"6.6.4-3: pdfaid:conformance is {properties.get(f'{{{PDFAID}}}conformance')!r}, not B")
    return found


def _embedded_files(catalog: DictionaryObject) -> list[str]:
    names = catalog.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    specs = list(_name_tree_values(tree.get_object())) if tree is not None else []
    associated = {item.idnum for item in catalog.get("/AF", []) if isinstance(item, IndirectObject)}
    found: list[str] = []
    for reference in specs:
        spec = reference.get_object()
        label = spec.get("/UF") or spec.get("/F") or "?"
        if "/F" not in spec or "/UF" not in spec:
            found.append(f"6.8-2: file specification {label} lacks F or UF")
        if "/AFRelationship" not in spec:
            found.append(f"6.8-3: file specification {label} has no AFRelationship")
        if not isinstance(reference, IndirectObject) or reference.idnum not in associated:
            found.append(f"6.8: file specification {label} is not in the catalogue's AF array")
        embedded = spec.get("/EF", {}).get("/F")
        embedded = embedded.get_object() if embedded is not None else None
        if embedded is None or "/Subtype" not in embedded:
            found.append(f"6.8-1: embedded file {label} has no MIME type (Subtype)")
        elif "/ModDate" not in embedded.get("/Params", {}):
            found.append(f"6.8: embedded file {label} has no Params/ModDate")
    return found


def _name_tree_values(node: DictionaryObject) -> Iterator[Any]:
    names = node.get("/Names", [])
    for index in range(1, len(names), 2):
        yield names.raw_get(index) if hasattr(names, "raw_get") else names[index]
    for kid in node.get("/Kids", []):
        yield from _name_tree_values(kid.get_object())


def _action(action: DictionaryObject) -> list[str]:
    kind = action.get("/S")
    found: list[str] = []
    if kind is not None and kind not in ACTIONS:
        found.append(f"6.5.1-1: action {kind} is not permitted")
    if kind == "/Named" and action.get("/N") not in NAMED_ACTIONS:
        found.append(f"6.5.1-2: named action {action.get('/N')} is not permitted")
    following = action.get("/Next")
    for item in following if isinstance(following, ArrayObject) else [following] if following else []:
        found.extend(_action(item.get_object()))
    return found


# --- pages: annotations, content streams, fonts ------------------------------------------------------


def _page(page: DictionaryObject, intent_components: int | None) -> list[str]:
    found: list[str] = []
    if "/AA" in page:
        found.append("6.5.2-2: additional actions (AA)")
    if "/PresSteps" in page:
        found.append("6.10-2: PresSteps")
    for reference in page.get("/Annots", []):
        found.extend(_annotation(reference.get_object()))
    contents = page.get_contents()
    found.extend(
        _content(
            contents.get_data() if contents is not None else b"",
            page.get("/Resources", DictionaryObject()).get_object(),
            intent_components,
            set(),
        )
    )
    return found


def _annotation(annotation: DictionaryObject) -> list[str]:
    found: list[str] = []
    kind = annotation.get("/Subtype")
    if kind not in ANNOTATIONS:
        found.append(f"6.3.1-1: annotation type {kind} is not permitted")
    flags = annotation.get("/F")
    if kind != "/Popup" and flags is None:
        found.append(f"6.3.2-1: {kind} annotation without F")
    elif flags is not None and (int(flags) & (1 | 2 | 32 | 256) or not int(flags) & 4):
        found.append(
            f"6.3.2-2: {kind} annotation flags {int(flags)} (Print must be set, Hidden/Invisible/NoView clear)"
        )
    rect = [float(value) for value in annotation.get("/Rect", [0, 0, 0, 0])]
    if kind not in ("/Popup", "/Link") and rect[0] != rect[2] and "/AP" not in annotation:
        found.append(f"6.3.3-1: {kind} annotation without an appearance")
    if "/A" in annotation:
        found.extend(_action(annotation["/A"].get_object()))
    if "/AA" in annotation:
        found.append("6.5.2: annotation with additional actions (AA)")
    return found


def _content(data: bytes, resources: DictionaryObject, intent_components: int | None, seen: set[int]) -> list[str]:
    """Operators, nesting, colour spaces and the glyphs shown; form XObjects are followed."""
    found: list[str] = []
    fonts = {str(name): _Font.of(ref) for name, ref in resources.get("/Font", DictionaryObject()).items()}
    for font in fonts.values():
        found.extend(font.problems)
    for name, state in resources.get("/ExtGState", DictionaryObject()).items():
        state = state.get_object()
        if "/TR" in state or state.get("/TR2", "/Default") != "/Default" or "/HTP" in state:
            found.append(f"6.2.5: ExtGState {name} sets a transfer function or halftone")
        if "/BM" in state and str(state["/BM"]) not in BLEND_MODES:
            found.append(f"6.2.10-1: blend mode {state['/BM']}")
    depth = deepest = 0
    current: _Font | None = None
    for operands, operator in ContentStream(DecodedStream(data), None, forced_encoding="bytes").operations:
        if operator not in OPERATORS:
            found.append(f"6.2.2-1: operator {operator!r} is not defined in ISO 32000-1")
        if operator == b"q":
            depth += 1
            deepest = max(deepest, depth)
        elif operator == b"Q":
            depth -= 1
        elif operator in (b"k", b"K") and intent_components != 4:
            found.append("6.2.4.3-3: DeviceCMYK colour without a CMYK output intent")
        elif operator in (b"rg", b"RG") and intent_components != 3:
            found.append("6.2.4.3-2: DeviceRGB colour without an RGB output intent")
        elif operator in (b"cs", b"CS") and str(operands[0]) == "/DeviceCMYK" and intent_components != 4:
            found.append("6.2.4.3-3: DeviceCMYK colour space without a CMYK output intent")
        elif operator == b"Tf":
            current = fonts.get(str(operands[0]))
        elif operator in (b"Tj", b"TJ", b"'", b'"') and current is not None:
            strings = operands[-1] if operator == b"TJ" else [operands[-1]]
            for item in strings:
                if isinstance(item, ByteStringObject):  # every string, as parsed with forced_encoding="bytes"
                    found.extend(current.show(bytes(item)))
        elif operator == b"Do":
            xobject = resources.get("/XObject", DictionaryObject()).get(str(operands[0]))
            if isinstance(xobject, IndirectObject) and xobject.idnum not in seen:
                seen.add(xobject.idnum)
                form = xobject.get_object()
                if form.get("/Subtype") == "/Form":
                    found.extend(
                        _content(
                            form.get_data(), form.get("/Resources", resources).get_object(), intent_components, seen
                        )
                    )
    if deepest > 28:
        found.append(f"6.1.13-8: q/Q nested {deepest} deep")
    return sorted(set(found), key=found.index)


class DecodedStream(StreamObject):
    """Already decoded content bytes in the shape pypdf's ContentStream parser reads."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.set_data(data)


class _Font:
    """A font resource: its own problems, and the check of each string it shows."""

    cache: ClassVar[dict[int, _Font]] = {}

    def __init__(self, font: DictionaryObject) -> None:
        self.problems: list[str] = []
        self.composite = font.get("/Subtype") == "/Type0"
        self.program: Any = None
        self.widths: dict[int, float] = {}
        self.default_width = 1000.0
        name = font.get("/BaseFont", "?")
        if font.get("/Type") != "/Font":
            self.problems.append(f"6.2.11.2-1: font {name} has no Type Font")
        if font.get("/Subtype") not in (
            "/Type1",
            "/MMType1",
            "/TrueType",
            "/Type3",
            "/Type0",
            "/CIDFontType0",
            "/CIDFontType2",
        ):
            self.problems.append(f"6.2.11.2-2: font {name} has Subtype {font.get('/Subtype')}")
        if "/BaseFont" not in font and font.get("/Subtype") != "/Type3":
            self.problems.append("6.2.11.2-3: a font without BaseFont")
        target = font
        if self.composite:
            if font.get("/Encoding") not in ("/Identity-H", "/Identity-V"):
                self.problems.append(f"6.2.11.3-1: font {name} uses CMap {font.get('/Encoding')}, not Identity")
            target = font["/DescendantFonts"][0].get_object()
            if target.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in target:
                self.problems.append(f"6.2.11.3-2: CIDFont {name} has no CIDToGIDMap")
            self.default_width = float(target.get("/DW", 1000))
            self.widths = _cid_widths(target.get("/W", ArrayObject()))
        descriptor = target.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else DictionaryObject()
        embedded = next(
            (descriptor[key] for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor), None
        )
        if embedded is None and font.get("/Subtype") != "/Type3":
            self.problems.append(f"6.2.11.4-1: font {name} is not embedded")
        elif embedded is not None and "/FontFile2" in descriptor and self.composite:
            from fontTools.ttLib import TTFont

            self.program = TTFont(io.BytesIO(embedded.get_object().get_data()), lazy=True)
            self.units = self.program["head"].unitsPerEm
            self.glyph_order = self.program.getGlyphOrder()
            self.metrics = self.program["hmtx"].metrics
        self.name = str(name)

    @classmethod
    def of(cls, reference: Any) -> _Font:
        key = reference.idnum if isinstance(reference, IndirectObject) else id(reference)
        if key not in cls.cache:
            cls.cache[key] = cls(reference.get_object())
        return cls.cache[key]

    def show(self, data: bytes) -> list[str]:
        """Problems with the glyphs of one shown string (two-byte CIDs, CIDToGIDMap Identity)."""
        if not self.composite or self.program is None:
            return []
        found: list[str] = []
        for index in range(0, len(data) - 1, 2):
            cid = int.from_bytes(data[index : index + 2], "big")
            if cid == 0:
                found.append(f"6.2.11.8-1: font {self.name} shows .notdef")
                continue
            if cid >= len(self.glyph_order):
                found.append(f"6.2.11.4-2: font {self.name} shows glyph {cid}, absent from its program")
                continue
            advance = self.metrics[self.glyph_order[cid]][0] * 1000 / self.units
            declared = self.widths.get(cid, self.default_width)
            if abs(advance - declared) > 1:
                found.append(
                    f"6.2.11.5-1: font {self.name} glyph {cid}: width {declared} in the PDF, "
                    f"{advance:.0f} in the program"
                )
        return found


def _cid_widths(array: ArrayObject) -> dict[int, float]:
    """The ``W`` array of a CIDFont as CID -> width (both ``c [w1 w2 ...]`` and ``c_first c_last w`` forms)."""
    widths: dict[int, float] = {}
    index = 0
    items = list(array)
    while index < len(items):
        first = int(items[index])
        following = items[index + 1]
        if isinstance(following, ArrayObject):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width)
            index += 2
        else:
            for cid in range(first, int(following) + 1):
                widths[cid] = float(items[index + 2])
            index += 3
    return widths


def clauses(found: list[str]) -> set[str]:
    """The clauses (keys of :data:`CHECKED`, with test numbers) of :func:`violations`' findings."""
    return {problem.split(":")[0] for problem in found}
